/**
 * The shape of what the finder and the map get from the build: one record per place on the map
 * (a Treff, or an Angebot at its own address) and the Quartiere with their boundaries.
 * Built in src/data/karte.ts, served as /treffs/karte.json and embedded in /treffs/.
 */
import type { Filterbar } from './treff-filter';
import type { ZeitenDaten } from './orte-zeiten';
import type { Standort } from './standort';

export interface KartenOrt extends Filterbar {
  id: string;
  typ: 'treff' | 'angebot';
  name: string;
  href: string;
  /** „Dießemer Straße 21, 47805 Krefeld“ */
  adresse: string;
  lat: number;
  lon: number;
  /** The position is only estimated. */
  ungefaehr: boolean;
  /** One-line weekly hours (`zeitenKurz`), shown when the day data has run out. */
  woche: string;
}

export interface KartenQuartier {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** Boundary rings as `[lat, lon]` (already swapped from GeoJSON's `[lon, lat]`). */
  grenze?: Array<Array<[number, number]>>;
}

export interface KartenDaten {
  zeiten: ZeitenDaten;
  orte: KartenOrt[];
  quartiere: KartenQuartier[];
}

/** Embedded in /treffs/ for filters and near-me (the map fetches /treffs/karte.json itself). */
export interface FinderDaten {
  orte: KartenOrt[];
  standorte: Standort[];
}

/** What the finder says in the browser, in the page's language (placeholders in braces). */
export interface FinderTexte {
  locale: string;
  /** „1 Treff“ and „{n} Treffs“, chosen with `Intl.PluralRules`. */
  treffs: { one: string; other: string };
  /** „{treffs} von {gesamt} passen.“ ({n} is the bare number) */
  passen: string;
  /** „Alle {treffs}.“ */
  alle: string;
  /** „Nach Entfernung von {ort} sortiert.“ */
  entfernung: string;
  /** „… sortiert, am nächsten: {name}.“ */
  entfernungErster: string;
  /** „Ihrem Standort“, as {ort} above */
  ihrStandort: string;
  /** „{km} km · ca. {min} Min. zu Fuß“ */
  km: string;
  /** „{grund} Wählen Sie stattdessen …“ */
  ersatz: string;
  keinGps: string;
  ermitteln: string;
  verweigert: string;
  nichtVerfuegbar: string;
}

/** Page id of a place: Treffs and Angebote share one namespace on the map. */
export const ortId = (typ: KartenOrt['typ'], id: string) => (typ === 'treff' ? id : `angebot-${id}`);

export { adresszeile as adresseEinzeilig } from './kontakt-links';

/** OpenStreetMap's route planner with the place as destination (walking); the start is left to the resident. */
export function routeUrl(p: { lat: number; lon: number }): string {
  const ziel = `${p.lat},${p.lon}`;
  return `https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=%3B${encodeURIComponent(ziel)}#map=17/${p.lat}/${p.lon}`;
}
