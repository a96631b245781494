/**
 * A strict JSON Schema (2020-12) validator for the open-data exports, shared by the unit and
 * end-to-end tests. Strict mode rejects unknown keywords, so a CMS hint leaking into a published
 * schema fails the test; our `x-` annotations are declared.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** Our schemas annotate with `x-…` keywords (labels, references); anything else unknown is an error. */
function xSchluessel(wert: unknown, gefunden = new Set<string>()): Set<string> {
  if (Array.isArray(wert)) for (const w of wert) xSchluessel(w, gefunden);
  else if (wert && typeof wert === 'object')
    for (const [k, v] of Object.entries(wert)) {
      if (k.startsWith('x-')) gefunden.add(k);
      else xSchluessel(v, gefunden);
    }
  return gefunden;
}

export function neuerPruefer(schema: object) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const keyword of xSchluessel(schema)) ajv.addKeyword({ keyword });
  return ajv;
}

/** Errors of `daten` against `schema` as readable lines (empty if valid). */
export function fehlerListe(schema: object, daten: unknown): string[] {
  const ajv = neuerPruefer(schema);
  const pruefe = ajv.compile(schema);
  if (pruefe(daten)) return [];
  return (pruefe.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

interface Geo {
  type?: unknown;
  features?: Array<{ type?: unknown; id?: unknown; geometry?: { type?: unknown; coordinates?: unknown }; properties?: unknown }>;
}

/** RFC 7946 rules the JSON Schema cannot say well, plus: every point lies in Krefeld. */
export interface Bbox {
  latMin: number;
  latMax: number;
  lonMin: number;
  lonMax: number;
}

export function geojsonFehler(daten: Geo, b: Bbox): string[] {
  const f: string[] = [];
  if (daten.type !== 'FeatureCollection') f.push('type ist nicht FeatureCollection');
  if (!Array.isArray(daten.features)) return [...f, 'features fehlt'];
  for (const [i, feat] of daten.features.entries()) {
    if (feat.type !== 'Feature') f.push(`features[${i}].type ist nicht Feature`);
    if (typeof feat.id !== 'string' && typeof feat.id !== 'number') f.push(`features[${i}].id fehlt`);
    if (typeof feat.properties !== 'object' || feat.properties === null) f.push(`features[${i}].properties ist kein Objekt`);
    const g = feat.geometry;
    if (g?.type !== 'Point') f.push(`features[${i}].geometry ist kein Point`);
    const c = g?.coordinates;
    if (!Array.isArray(c) || c.length !== 2 || !c.every((n) => typeof n === 'number')) {
      f.push(`features[${i}].coordinates ist nicht [lon, lat]`);
      continue;
    }
    const [lon, lat] = c as [number, number];
    if (lon < b.lonMin || lon > b.lonMax || lat < b.latMin || lat > b.latMax)
      f.push(`features[${i}] liegt nicht in Krefeld: [${lon}, ${lat}] (Längen- und Breitengrad vertauscht?)`);
  }
  return f;
}
