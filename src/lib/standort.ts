/**
 * The fallback of "Treffs in meiner Nähe": a place picked from a list (postcode or Quartier)
 * instead of the browser's location. Values are stable strings for the URL: `plz-47805`,
 * `quartier-bleichpfad`. Runs in the browser and in tests; no imports.
 */
export interface Standort {
  /** `plz-47805` or `quartier-bleichpfad` */
  wert: string;
  /** What the select shows: „47805 – Südstadt, Dießem …“ or „Quartier Bleichpfad“. */
  name: string;
  lat: number;
  lon: number;
}

export function standortListe(
  plz: ReadonlyArray<{ plz: string; stadtteile: string; lat: number; lon: number }>,
  quartiere: ReadonlyArray<{ id: string; name: string; lat: number; lon: number }>,
): Standort[] {
  return [
    ...plz.map((p) => ({ wert: `plz-${p.plz}`, name: `${p.plz} – ${p.stadtteile}`, lat: p.lat, lon: p.lon })),
    ...quartiere.map((q) => ({ wert: `quartier-${q.id}`, name: `Quartier ${q.name}`, lat: q.lat, lon: q.lon })),
  ];
}

/**
 * Finds what a resident picked or typed: a list value (`plz-47805`), a bare postcode („47805“,
 * „ 47805 Krefeld“) or a Quartier id. Undefined when nothing matches (e.g. a postcode outside Krefeld).
 */
export function findeStandort(eingabe: string, liste: readonly Standort[]): Standort | undefined {
  const e = eingabe.trim().toLowerCase();
  if (!e) return undefined;
  const direkt = liste.find((s) => s.wert === e);
  if (direkt) return direkt;
  const plz = /\b(\d{5})\b/.exec(e)?.[1];
  if (plz) return liste.find((s) => s.wert === `plz-${plz}`);
  return liste.find((s) => s.wert === `quartier-${e}`);
}
