/**
 * Open data (/daten/): the export files and their JSON Schemas.
 *
 * The schemas are not written by hand: each export schema is the collection's zod schema from
 * src/schema/collections.ts, extended by the few fields the export adds (id, url, plain-text
 * description, occurrences), and turned into JSON Schema with zod's `z.toJSONSchema`. Change a
 * field in the model and the export, its schema and the field list on /daten/ follow.
 *
 * Pure: plain entries in, plain objects out (no astro:content), so Vitest tests it directly.
 */
import { z } from 'astro/zod';
import { angebotSchema, terminSchema, treffSchema, type Angebot, type SchemaKontext, type Termin, type Treff } from '../schema/collections';
import { KATEGORIEN, KATEGORIE_WERTE } from '../schema/enums';
import { auswahl, datum, KREFELD_BBOX, slug, uhrzeit } from '../schema/fields';
import type { FeedAngabe } from './feed-liste';
import { markdownZuKlartext } from './klartext';
import { expandOccurrences, type Occurrence } from './recurrence';
import { addDays, berlinWallToInstant, heuteBerlin } from './time';

/** Occurrences in termine.json reach this many days ahead. */
export const DATEN_HORIZONT_TAGE = 90;

export const LIZENZ = {
  name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
  kennung: 'dl-de/by-2-0',
  url: 'https://www.govdata.de/dl-de/by-2-0',
  namensnennung: 'Stadt Krefeld, Quartiersportal Krefeld',
} as const;

export const HERAUSGEBER = 'Stadt Krefeld – Koordinierungsstelle für Gemeinwesenarbeit';

/** The files under /daten/ and their schemas, in the order the page lists them. */
export const DATEIEN = {
  treffs: { datei: 'treffs.geojson', schema: 'treffs.schema.json', titel: 'Treffs (GeoJSON)' },
  angebote: { datei: 'angebote.json', schema: 'angebote.schema.json', titel: 'Angebote' },
  termine: { datei: 'termine.json', schema: 'termine.schema.json', titel: 'Termine' },
  feeds: { datei: 'feeds.json', schema: 'feeds.schema.json', titel: 'Kalender-Abonnements (iCal)' },
} as const;
export type DateiArt = keyof typeof DATEIEN;

/**
 * The model as the export sees it: references are plain ids (no check against other files) and
 * an image is the absolute address of the built file instead of Astro's image object.
 */
export const EXPORT_KONTEXT: SchemaKontext = {
  ids: {},
  image: () => z.url().meta({ title: 'Bilddatei', description: 'Vollständige Adresse der Bilddatei im Portal.' }),
};

// --- export schemas (zod) ---------------------------------------------------------------

const kennung = () => slug().meta({ title: 'Kennung', description: 'Dateiname des Eintrags ohne Endung. Bleibt gleich, solange es den Eintrag gibt.' });
const seite = () => z.url().meta({ title: 'Seite im Portal', description: 'Vollständige Adresse der Seite zu diesem Eintrag.' });
const beschreibung = () =>
  z.string().meta({ title: 'Beschreibung', description: 'Der Text der Seite als reiner Text, Absätze durch eine Leerzeile getrennt.' });

const metadaten = () =>
  z
    .object({
      titel: z.string().meta({ title: 'Titel der Datei' }),
      herausgeber: z.string().meta({ title: 'Herausgeber' }),
      lizenz: z
        .object({
          name: z.literal(LIZENZ.name),
          kennung: z.literal(LIZENZ.kennung),
          url: z.literal(LIZENZ.url),
          namensnennung: z.string().meta({ title: 'So nennen Sie die Quelle' }),
        })
        .strict()
        .meta({ title: 'Lizenz' }),
      quelle: z.url().meta({ title: 'Adresse dieser Datei' }),
      erstellt: z.iso.datetime().meta({ title: 'Erstellt am', description: 'Zeitpunkt des Builds (UTC).' }),
    })
    .strict()
    .meta({ title: 'Angaben zur Datei' });

export const treffEigenschaftenSchema = treffSchema(EXPORT_KONTEXT)
  .safeExtend({
    id: kennung(),
    url: seite(),
    beschreibung: beschreibung(),
    opening_hours: z.string().meta({
      title: 'opening_hours',
      description: 'Dasselbe wie „oeffnungszeiten“, unter dem Schlüssel, den OpenStreetMap und viele Werkzeuge erwarten.',
      format: 'opening_hours',
    }),
  })
  .meta({ title: 'Treff' });

const laengengrad = z.number().min(KREFELD_BBOX.lonMin).max(KREFELD_BBOX.lonMax).meta({ title: 'Längengrad' });
const breitengrad = z.number().min(KREFELD_BBOX.latMin).max(KREFELD_BBOX.latMax).meta({ title: 'Breitengrad' });

export const treffsGeojsonSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    metadaten: metadaten(),
    features: z
      .array(
        z
          .object({
            type: z.literal('Feature'),
            id: kennung(),
            geometry: z
              .object({
                type: z.literal('Point'),
                coordinates: z.tuple([laengengrad, breitengrad]).meta({ title: 'Position', description: '[Längengrad, Breitengrad] in WGS 84, wie GeoJSON (RFC 7946) es verlangt.' }),
              })
              .strict()
              .meta({ title: 'Punkt auf der Karte' }),
            properties: treffEigenschaftenSchema,
          })
          .strict(),
      )
      .meta({ title: 'Treffs' }),
  })
  .strict()
  .meta({ title: 'Treffs im Quartiersportal Krefeld', description: 'Alle Treffs als GeoJSON-FeatureCollection (RFC 7946) mit Öffnungszeiten.' });

export const angebotExportSchema = angebotSchema(EXPORT_KONTEXT)
  .safeExtend({ id: kennung(), url: seite(), beschreibung: beschreibung() })
  .meta({ title: 'Angebot' });

export const angeboteExportSchema = z
  .object({ metadaten: metadaten(), angebote: z.array(angebotExportSchema).meta({ title: 'Angebote' }) })
  .strict()
  .meta({ title: 'Angebote im Quartiersportal Krefeld', description: 'Regelmäßige Angebote: Beratung, Sprechstunden, Cafés, Kurse.' });

export const vorkommenSchema = z
  .object({
    datum: datum('Datum', 'Tag, an dem es beginnt (Krefelder Zeit).'),
    ende_datum: datum('Enddatum', 'Tag, an dem es endet; gleich „datum“, wenn es nur einen Tag dauert.'),
    beginn: uhrzeit('Beginn').optional(),
    ende: uhrzeit('Ende').optional(),
    ganztaegig: z.boolean().meta({ title: 'Ganztägig' }),
    start: z.iso.datetime().meta({ title: 'Beginn (Zeitpunkt)', description: 'Als Zeitpunkt in UTC; ganztägig: Mitternacht in Krefeld.' }),
    ende_zeitpunkt: z.iso.datetime().meta({ title: 'Ende (Zeitpunkt)', description: 'Ohne Endzeit: Mitternacht nach dem letzten Tag.' }),
    ausgefallen: z.boolean().meta({ title: 'Fällt aus' }),
    grund: z.string().optional().meta({ title: 'Grund des Ausfalls' }),
    zusatztermin: z.boolean().meta({ title: 'Zusätzlicher Termin', description: 'Von Hand ergänzt (RDATE), nicht aus der Regel.' }),
  })
  .strict()
  .meta({ title: 'Vorkommen' });

export const terminExportSchema = terminSchema(EXPORT_KONTEXT)
  .safeExtend({
    id: kennung(),
    url: seite(),
    beschreibung: beschreibung(),
    vorkommen: z.array(vorkommenSchema).meta({ title: 'Vorkommen', description: 'Alle Termine im Zeitraum, ausgefallene eingeschlossen (mit Grund).' }),
  })
  .meta({ title: 'Termin' });

export const termineExportSchema = z
  .object({
    metadaten: metadaten(),
    zeitraum: z
      .object({ von: datum('Von'), bis: datum('Bis (ausschließlich)') })
      .strict()
      .meta({ title: 'Zeitraum', description: `Die nächsten ${DATEN_HORIZONT_TAGE} Tage ab dem Build.` }),
    termine: z.array(terminExportSchema).meta({ title: 'Termine', description: 'Termine und Terminreihen mit mindestens einem Vorkommen im Zeitraum.' }),
  })
  .strict()
  .meta({ title: 'Termine im Quartiersportal Krefeld' });

export const feedsExportSchema = z
  .object({
    metadaten: metadaten(),
    feeds: z
      .array(
        z
          .object({
            url: z.url().meta({ title: 'Adresse des Kalenders', description: 'iCal (RFC 5545) zum Abonnieren.' }),
            titel: z.string().meta({ title: 'Titel' }),
            beschreibung: z.string().meta({ title: 'Beschreibung' }),
            art: z
              .enum(['alle', 'quartier', 'treff', 'kategorie', 'quartier-kategorie'])
              .meta({ title: 'Art', description: 'Alle Termine, ein Quartier, ein Treff, eine Kategorie oder eine Kategorie in einem Quartier.' }),
            quartier: kennung().optional().meta({ title: 'Quartier', verweis: 'quartiere' }),
            treff: kennung().optional().meta({ title: 'Treff', verweis: 'treffs' }),
            kategorie: auswahl(KATEGORIE_WERTE, KATEGORIEN, 'Kategorie').optional(),
          })
          .strict(),
      )
      .meta({ title: 'Kalender' }),
  })
  .strict()
  .meta({ title: 'Kalender-Abonnements im Quartiersportal Krefeld' });

export const EXPORT_SCHEMAS = {
  treffs: treffsGeojsonSchema,
  angebote: angeboteExportSchema,
  termine: termineExportSchema,
  feeds: feedsExportSchema,
} as const;

export type TreffsGeojson = z.output<typeof treffsGeojsonSchema>;
export type AngeboteExport = z.output<typeof angeboteExportSchema>;
export type TermineExport = z.output<typeof termineExportSchema>;
export type FeedsExport = z.output<typeof feedsExportSchema>;

// --- JSON Schema --------------------------------------------------------------------------

/** Annotation keywords our JSON Schemas add (validators must know them, e.g. ajv.addKeyword). */
export const SCHEMA_ERWEITERUNGEN = ['x-labels', 'x-verweis', 'x-format'] as const;

type JsonWert = string | number | boolean | null | JsonWert[] | { [k: string]: JsonWert };
export type JsonSchema = { [k: string]: JsonWert };

/** Keywords whose value is a map of name → schema (not keywords themselves). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Our own `format`s that JSON Schema does not know: kept as an annotation. */
const EIGENE_FORMATE = new Set(['uhrzeit', 'opening_hours', 'rrule']);

/**
 * Turns the CMS hints in the meta (`auswahl`, `verweis`, `format: 'datum'` …) into standard
 * JSON Schema (`format: date`) or `x-` annotations, so any validator in strict mode reads it.
 */
function bereinigen(wert: JsonWert, schluessel?: string): JsonWert {
  if (Array.isArray(wert)) return wert.map((w) => bereinigen(w));
  if (wert === null || typeof wert !== 'object') return wert;
  if (schluessel && SCHEMA_MAPS.has(schluessel)) return Object.fromEntries(Object.entries(wert).map(([k, v]) => [k, bereinigen(v)]));
  const aus: JsonSchema = {};
  for (const [k, v] of Object.entries(wert)) {
    if (k === 'auswahl' && Array.isArray(v)) {
      aus['x-labels'] = Object.fromEntries(v.map((c) => [String((c as JsonSchema).value), (c as JsonSchema).label]));
    } else if (k === 'mehrfach') {
      continue;
    } else if (k === 'verweis') {
      aus['x-verweis'] = v;
    } else if (k === 'format' && v === 'datum') {
      aus.format = 'date';
    } else if (k === 'format' && typeof v === 'string' && EIGENE_FORMATE.has(v)) {
      aus['x-format'] = v;
    } else {
      aus[k] = bereinigen(v, k);
    }
  }
  return aus;
}

/** The JSON Schema (draft 2020-12) of one export file, generated from its zod schema. */
export function jsonSchemaVon(art: DateiArt, site: string | URL): JsonSchema {
  const roh = z.toJSONSchema(EXPORT_SCHEMAS[art], { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  const { $schema, ...rest } = bereinigen(roh) as JsonSchema;
  return { $schema, $id: new URL(`/daten/${DATEIEN[art].schema}`, site).href, ...rest };
}

// --- field list for /daten/ ---------------------------------------------------------------

export interface Feldzeile {
  /** Dotted path, `[]` for list items: `adresse.strasse`, `vorkommen[].datum`. */
  pfad: string;
  titel?: string;
  beschreibung?: string;
  typ: string;
  pflicht: boolean;
}

function typText(s: JsonSchema): string {
  if (Array.isArray(s.enum)) return `Auswahl: ${s.enum.join(', ')}`;
  if (s.const !== undefined) return `immer „${String(s.const)}“`;
  if (s.format === 'date') return 'Datum (JJJJ-MM-TT)';
  if (s.format === 'date-time') return 'Zeitpunkt (ISO 8601)';
  if (s.format === 'uri') return 'Adresse (URL)';
  if (s.format === 'email') return 'E-Mail-Adresse';
  if (s['x-format'] === 'uhrzeit') return 'Uhrzeit (HH:MM)';
  if (s['x-format'] === 'opening_hours') return 'Öffnungszeiten (OSM opening_hours)';
  if (s['x-format'] === 'rrule') return 'Wiederholungsregel (RFC 5545 RRULE)';
  switch (s.type) {
    case 'string':
      return 'Text';
    case 'number':
    case 'integer':
      return 'Zahl';
    case 'boolean':
      return 'ja/nein (true/false)';
    case 'object':
      return 'Gruppe';
    case 'array': {
      const items = s.items as JsonSchema | undefined;
      if (Array.isArray(s.prefixItems)) return 'Liste fester Länge';
      return items && !Array.isArray(items) ? `Liste (${typText(items)})` : 'Liste';
    }
    default:
      return 'beliebig';
  }
}

/** All fields of an export schema, depth first, for the table on /daten/. */
export function feldliste(schema: JsonSchema, praefix = ''): Feldzeile[] {
  const zeilen: Feldzeile[] = [];
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const pflicht = new Set((schema.required ?? []) as string[]);
  for (const [name, feld] of Object.entries(props)) {
    const pfad = praefix ? `${praefix}.${name}` : name;
    zeilen.push({
      pfad,
      ...(typeof feld.title === 'string' ? { titel: feld.title } : {}),
      ...(typeof feld.description === 'string' ? { beschreibung: feld.description } : {}),
      typ: typText(feld),
      pflicht: pflicht.has(name),
    });
    if (feld.type === 'object') zeilen.push(...feldliste(feld, pfad));
    const items = feld.items as JsonSchema | undefined;
    if (feld.type === 'array' && items && !Array.isArray(items) && items.type === 'object') zeilen.push(...feldliste(items, `${pfad}[]`));
  }
  return zeilen;
}

// --- building the exports -----------------------------------------------------------------

/** A content entry as the exports need it; collection entries and test fixtures both fit. */
export interface Quelle<T> {
  id: string;
  data: T;
  body?: string;
}

export interface ExportRahmen {
  /** Public address of the site. */
  site: string | URL;
  /** Moment the data is built for (`jetzt()`). */
  jetzt: Date;
}

function metadatenVon(art: DateiArt, r: ExportRahmen) {
  return {
    titel: EXPORT_SCHEMAS[art].meta()?.title ?? DATEIEN[art].titel,
    herausgeber: HERAUSGEBER,
    lizenz: { ...LIZENZ },
    quelle: new URL(`/daten/${DATEIEN[art].datei}`, r.site).href,
    erstellt: r.jetzt.toISOString(),
  };
}

/** Astro's image object (`{ src, width, height, format }`) becomes the file's absolute URL. */
function istBild(w: object): w is { src: string } {
  const b = w as Record<string, unknown>;
  return typeof b.src === 'string' && typeof b.width === 'number' && typeof b.format === 'string';
}

/** Plain JSON of entry data: images as URLs, no `undefined`. */
export function alsJson(wert: unknown, site: string | URL): unknown {
  if (Array.isArray(wert)) return wert.map((w) => alsJson(w, site));
  if (wert instanceof Date) return wert.toISOString();
  if (wert && typeof wert === 'object') {
    if (istBild(wert)) return new URL(wert.src, site).href;
    return Object.fromEntries(
      Object.entries(wert)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, alsJson(v, site)]),
    );
  }
  return wert;
}

const text = (body?: string) => markdownZuKlartext(body ?? '');

export function treffsGeojson(treffs: ReadonlyArray<Quelle<Treff>>, r: ExportRahmen): TreffsGeojson {
  return {
    type: 'FeatureCollection',
    metadaten: metadatenVon('treffs', r),
    features: treffs.map((t) => ({
      type: 'Feature',
      id: t.id,
      geometry: { type: 'Point', coordinates: [t.data.koordinaten.lon, t.data.koordinaten.lat] },
      properties: {
        ...(alsJson(t.data, r.site) as Treff),
        id: t.id,
        url: new URL(`/treffs/${t.id}/`, r.site).href,
        beschreibung: text(t.body),
        opening_hours: t.data.oeffnungszeiten,
      },
    })),
  } as TreffsGeojson;
}

export function angeboteExport(angebote: ReadonlyArray<Quelle<Angebot>>, r: ExportRahmen): AngeboteExport {
  return {
    metadaten: metadatenVon('angebote', r),
    angebote: angebote.map((a) => ({
      ...(alsJson(a.data, r.site) as Angebot),
      id: a.id,
      url: new URL(`/angebote/${a.id}/`, r.site).href,
      beschreibung: text(a.body),
    })),
  } as AngeboteExport;
}

function vorkommenExport(o: Occurrence) {
  return {
    datum: o.datum,
    ende_datum: o.endeDatum,
    ...(o.beginn ? { beginn: o.beginn } : {}),
    ...(o.ende ? { ende: o.ende } : {}),
    ganztaegig: o.ganztaegig,
    start: o.start.toISOString(),
    ende_zeitpunkt: o.end.toISOString(),
    ausgefallen: o.ausgefallen,
    ...(o.grund ? { grund: o.grund } : {}),
    zusatztermin: o.zusatztermin,
  };
}

/** The window of termine.json: today (Krefeld) and the next 89 days. */
export function datenZeitraum(jetzt: Date, tage = DATEN_HORIZONT_TAGE) {
  const von = heuteBerlin(jetzt);
  return { von, bis: addDays(von, tage) };
}

export function termineExport(termine: ReadonlyArray<Quelle<Termin>>, r: ExportRahmen): TermineExport {
  const zeitraum = datenZeitraum(r.jetzt);
  const von = berlinWallToInstant(zeitraum.von);
  const bis = berlinWallToInstant(zeitraum.bis);
  const liste = termine
    .map((t) => ({ t, vorkommen: expandOccurrences(t.data, t.id, von, bis) }))
    .filter((x) => x.vorkommen.length > 0)
    .sort((a, b) => a.vorkommen[0].start.getTime() - b.vorkommen[0].start.getTime() || a.t.id.localeCompare(b.t.id));
  return {
    metadaten: metadatenVon('termine', r),
    zeitraum,
    termine: liste.map(({ t, vorkommen }) => ({
      ...(alsJson(t.data, r.site) as Termin),
      id: t.id,
      url: new URL(`/termine/${t.id}/`, r.site).href,
      beschreibung: text(t.body),
      vorkommen: vorkommen.map(vorkommenExport),
    })),
  } as TermineExport;
}

export function feedsExport(feeds: readonly FeedAngabe[], r: ExportRahmen): FeedsExport {
  return {
    metadaten: metadatenVon('feeds', r),
    feeds: feeds.map(({ pfad, ...rest }) => ({ url: new URL(pfad, r.site).href, ...rest })),
  } as FeedsExport;
}
