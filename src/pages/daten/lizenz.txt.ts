import type { APIRoute } from 'astro';
import { HERAUSGEBER, LIZENZ } from '../../lib/offene-daten';

export const GET: APIRoute = ({ site }) =>
  new Response(
    [
      `Offene Daten des Quartiersportals Krefeld (${new URL('/daten/', site).href})`,
      '',
      `Lizenz: ${LIZENZ.name} (${LIZENZ.kennung})`,
      `Lizenztext: ${LIZENZ.url}`,
      '',
      'Sie dürfen die Daten vervielfältigen, verbreiten, verändern und auch kommerziell nutzen,',
      'wenn Sie die Quelle nennen, zum Beispiel so:',
      '',
      `  Datenquelle: ${LIZENZ.namensnennung}, ${LIZENZ.kennung}, ${new URL('/daten/', site).href}`,
      '',
      `Herausgeber: ${HERAUSGEBER}`,
      '',
    ].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
