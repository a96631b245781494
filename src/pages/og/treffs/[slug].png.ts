import type { APIRoute, GetStaticPaths } from 'astro';
import { inhalte, type TreffEintrag } from '../../../data/inhalte';
import { jetzt } from '../../../data/jetzt';
import { strasseMitNummer } from '../../../lib/kontakt-links';
import { ogPng } from '../../../lib/og-bild';
import { zeitenKurz } from '../../../lib/opening-hours-kurz';

// /og/treffs/<slug>.png: the share image of a Treff page.
export const getStaticPaths = (async () => {
  const { treffs } = await inhalte();
  return treffs.map((treff) => ({ params: { slug: treff.id }, props: { treff } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { treff } = props as { treff: TreffEintrag };
  const alle = await inhalte();
  const d = treff.data;
  const quartier = alle.quartier.get(d.quartier)?.data.name ?? d.quartier;
  const png = await ogPng({
    oben: `Treff im Quartier ${quartier}`,
    titel: d.name,
    zeilen: [`${strasseMitNummer(d.adresse)}, ${d.adresse.plz} Krefeld`, zeitenKurz(d.oeffnungszeiten, jetzt())],
  });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
