/**
 * The map's one configuration: where tiles come from, how they are credited, how far one can zoom.
 * Everything that decides which server a resident's browser talks to after consent lives here.
 *
 * `PUBLIC_KARTE_TILES` (read at build time) points the map at another tile server, e.g. a
 * self-hosted one or `/kacheln/{z}/{x}/{y}.png`; unset, the OpenStreetMap tile server is used,
 * whose tile usage policy asks for the attribution below.
 */
// Outside Vite (Playwright, Node scripts) there is no import.meta.env.
const umgebung = (import.meta as { env?: Record<string, string | undefined> }).env ?? {};

const OSM = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const kachelUrl = umgebung.PUBLIC_KARTE_TILES || OSM;

/**
 * Who receives the tile requests, for the sentence before consent: „… an die Server der …“;
 * `woerter` say it in the page's language.
 */
export function empfaengerVon(url: string, woerter = { osm: 'der OpenStreetMap Foundation (Großbritannien)', hier: 'dieser Website' }): string {
  if (url === OSM) return woerter.osm;
  if (url.startsWith('/')) return woerter.hier;
  try {
    return new URL(url.replace(/[{}]/g, '')).host;
  } catch {
    return url;
  }
}

export const KARTE = {
  /** Tile URL template with `{z}`, `{x}`, `{y}`. */
  kachelUrl,
  /** Credit in the map's corner; OSM asks for „© OpenStreetMap“ linked to its copyright page. */
  attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende',
  /** The OpenStreetMap link of the credit, for the credit in another language („© {osm} contributors“). */
  attributionLink: '<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
  maxZoom: 19,
  empfaenger: /*#__PURE__*/ empfaengerVon(kachelUrl),
  /** Krefeld city centre, for a map without markers. */
  mitte: { lat: 51.333, lon: 6.564, zoom: 12 },
} as const;

// The consent itself (localStorage `qp-karte-zustimmung`) is kept by src/scripts/karte-tor.ts.
