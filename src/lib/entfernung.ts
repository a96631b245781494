/**
 * Distances for "Treffs in meiner Nähe": as the crow flies, turned into walking minutes.
 * Runs in the browser (finder script) and in tests; no imports.
 */
export interface Punkt {
  lat: number;
  lon: number;
}

const ERDRADIUS_KM = 6371.0088;
/** Streets are longer than the straight line; 1.3 is a common factor for city walking. */
export const UMWEG = 1.3;
/** A relaxed walking pace, also for older people and parents with prams. */
export const GEHTEMPO_KMH = 4.5;

const rad = (grad: number) => (grad * Math.PI) / 180;

/** Great-circle distance in km (haversine). */
export function entfernungKm(a: Punkt, b: Punkt): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * ERDRADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Estimated walking time in whole minutes (at least 1). */
export function gehminuten(km: number): number {
  return Math.max(1, Math.round(((km * UMWEG) / GEHTEMPO_KMH) * 60));
}

/**
 * „1,2 km · ca. 21 Min. zu Fuß“ (one decimal; at least „0,1 km“). Another language passes its
 * sentence (`{km}`, `{min}`) and locale for the decimal sign.
 */
export function entfernungText(km: number, vorlage = '{km} km · ca. {min} Min. zu Fuß', locale = 'de'): string {
  const kmText = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.max(0.1, Math.round(km * 10) / 10));
  return vorlage.replace('{km}', kmText).replace('{min}', String(gehminuten(km)));
}

/** The places sorted by distance from `von`, nearest first, each with its km; ties keep their order. */
export function nachEntfernung<T extends Punkt>(orte: readonly T[], von: Punkt): Array<{ ort: T; km: number }> {
  return orte.map((ort) => ({ ort, km: entfernungKm(von, ort) })).sort((a, b) => a.km - b.km);
}
