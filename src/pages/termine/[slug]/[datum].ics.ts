/** „Nur diesen Termin“: one date of a Termin on its own, /termine/<slug>/<YYYY-MM-DD>.ics (upcoming dates). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { datumsDownloads, feedAus, icsAntwort, terminQuelle, SITE } from '../../../data/kalender';
import { inhalte, type TerminEintrag } from '../../../data/inhalte';
import { terminPfad } from '../../../lib/kalender';
import { formatDatumOhneWochentag } from '../../../lib/time';

export const getStaticPaths = (async () => {
  const { termine } = await inhalte();
  return termine.flatMap((termin) => datumsDownloads(termin).map((o) => ({ params: { slug: termin.id, datum: o.datum }, props: { termin } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, params }) => {
  const { termin } = props as { termin: TerminEintrag };
  const datum = params.datum!;
  const kopf = {
    name: `${termin.data.titel}, ${formatDatumOhneWochentag(datum)}`,
    beschreibung: termin.data.titel,
    url: new URL(terminPfad(termin.id), SITE).href,
  };
  return icsAntwort(await feedAus(kopf, [terminQuelle(termin)], { fenster: false, nurDatum: datum }));
};
