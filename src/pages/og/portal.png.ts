import type { APIRoute } from 'astro';
import { ogPng } from '../../lib/og-bild';
import { t } from '../../i18n/de';

// /og/portal.png: the share image of every page without its own.
export const GET: APIRoute = async () =>
  new Response(
    await ogPng({ oben: 'Stadt Krefeld', titel: t('site.name'), zeilen: [t('site.claim'), 'Beratung, Begegnung, Sprechstunden – in Ihrer Nähe'] }),
    { headers: { 'Content-Type': 'image/png' } },
  );
