/**
 * The open-data exports of the built site: loads the collections once and hands them to the
 * pure builders in src/lib/offene-daten.ts. Endpoints under /daten/ and the /daten/ page use it.
 */
import { feedListe } from '../lib/feed-liste';
import { angeboteExport, feedsExport, termineExport, treffsGeojson, type ExportRahmen } from '../lib/offene-daten';
import { inhalte } from './inhalte';
import { jetzt } from './jetzt';

export function exportRahmen(site: URL | undefined): ExportRahmen {
  if (!site) throw new Error('astro.config.mjs: „site“ fehlt – die offenen Daten brauchen die öffentliche Adresse der Seite.');
  return { site, jetzt: jetzt() };
}

/** Every feed of the site, from the content (the same list the flyers and /daten/feeds.json use). */
export async function alleFeeds() {
  const alle = await inhalte();
  return feedListe({ quartiere: new Map(alle.quartiere.map((q) => [q.id, q.data])), treffs: new Map(alle.treffs.map((t) => [t.id, t.data])) });
}

export async function offeneDaten(site: URL | undefined) {
  const r = exportRahmen(site);
  const alle = await inhalte();
  return {
    treffs: () => treffsGeojson(alle.treffs, r),
    angebote: () => angeboteExport(alle.angebote, r),
    termine: () => termineExport(alle.termine, r),
    feeds: async () => feedsExport(await alleFeeds(), r),
  };
}

/** JSON response with the right media type (also what static hosts infer from the extension). */
export function jsonAntwort(daten: unknown, typ = 'application/json'): Response {
  return new Response(`${JSON.stringify(daten, null, 2)}\n`, { headers: { 'Content-Type': `${typ}; charset=utf-8` } });
}
