/**
 * Every subscribable feed at its stable address (see README „Kalender-Abos (iCal)“):
 * /kalender/alle.ics, /kalender/quartier/<q>.ics, /kalender/treff/<t>.ics,
 * /kalender/kategorie/<k>.ics and /kalender/quartier/<q>/<k>.ics.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { aboEvents, feedAus, icsAntwort, kalenderKontext, SITE, terminQuellen } from '../../data/kalender';
import { feedDefinitionen, type FeedDefinition } from '../../lib/kalender';

export const getStaticPaths = (async () => {
  const definitionen = feedDefinitionen(await kalenderKontext());
  return definitionen.map((definition) => ({
    params: { feed: definition.pfad.replace(/^\/kalender\//, '').replace(/\.ics$/, '') },
    props: { definition },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { definition } = props as { definition: FeedDefinition };
  const termine = (await terminQuellen()).filter(definition.filter);
  const kopf = { name: definition.name, beschreibung: definition.beschreibung, url: new URL(definition.seite, SITE).href };
  // A Termin is in several of these feeds: its events are made once (src/lib/ical.ts).
  return icsAntwort(await feedAus(kopf, termine, { zwischenspeicher: aboEvents }));
};
