/** „Die ganze Reihe“: one Termin with all its dates (series as RRULE), /termine/<slug>/serie.ics. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedAus, icsAntwort, terminQuelle, SITE } from '../../../data/kalender';
import { inhalte, type TerminEintrag } from '../../../data/inhalte';
import { terminPfad } from '../../../lib/kalender';

export const getStaticPaths = (async () => {
  const { termine } = await inhalte();
  return termine.map((termin) => ({ params: { slug: termin.id }, props: { termin } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { termin } = props as { termin: TerminEintrag };
  const kopf = { name: termin.data.titel, beschreibung: `${termin.data.titel} – alle Termine`, url: new URL(terminPfad(termin.id), SITE).href };
  return icsAntwort(await feedAus(kopf, [terminQuelle(termin)], { fenster: false }));
};
