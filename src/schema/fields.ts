/**
 * Shared field types of the content model. Each carries `.meta({ title, description })`:
 * the title is the label in the CMS and in error messages, the description the editor's hint.
 */
import { z } from 'astro/zod';
import opening_hours from 'opening_hours';
import { RRule } from '../lib/rrule-lib';
import type { Choice } from './enums';
import { bildPfadFehler } from './medien';

/** Krefeld's rough bounding box; coordinates outside are almost always typos (swapped lat/lon). */
export const KREFELD_BBOX = { latMin: 51.26, latMax: 51.42, lonMin: 6.47, lonMax: 6.72 } as const;

/** Context for `opening_hours`: NRW public holidays. */
export const NRW_NOMINATIM = {
  lat: 51.332,
  lon: 6.562,
  address: { country_code: 'de', state: 'Nordrhein-Westfalen' },
};

export const slug = () =>
  z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Nur Kleinbuchstaben, Ziffern und Bindestriche (z. B. „treff-am-bleichpfad“).');

/**
 * Invisible control characters (C0 except tab/newline, DEL, C1): pasted from Word or PDF, they
 * break XML feeds and iCal files and can hide text. src/schema/dateien.ts rejects them in whole
 * files at build; this refine names the field in the CMS and in `pruefe`.
 */
// eslint-disable-next-line no-control-regex
export const STEUERZEICHEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const STEUERZEICHEN_MELDUNG = 'Enthält unsichtbare Steuerzeichen (oft beim Kopieren aus Word oder PDF). Bitte den Text neu tippen.';

export const text = (title: string, description?: string, max = 300) =>
  z.string().trim().min(1).max(max).refine((s) => !STEUERZEICHEN.test(s), STEUERZEICHEN_MELDUNG).meta({ title, description });

export const langtext = (title: string, description?: string, max = 2000) =>
  z.string().trim().min(1).max(max).refine((s) => !STEUERZEICHEN.test(s), STEUERZEICHEN_MELDUNG).meta({ title, description });

/** A select from a controlled list. */
export const auswahl = <const V extends readonly [string, ...string[]]>(
  werte: V,
  liste: readonly Choice[],
  title: string,
  description?: string,
) => z.enum(werte).meta({ title, description, auswahl: liste });

export const mehrfachauswahl = <const V extends readonly [string, ...string[]]>(
  werte: V,
  liste: readonly Choice[],
  title: string,
  description?: string,
) => z.array(z.enum(werte)).default([]).meta({ title, description, auswahl: liste, mehrfach: true });

/** YAML turns `2026-12-03` into a Date (UTC midnight); we store plain calendar dates as strings. */
function alsDatumstext(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return value;
}

function istKalenderdatum(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const datum = (title: string, description?: string) =>
  z
    .preprocess(
      alsDatumstext,
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT angeben (z. B. 2026-12-03).')
        .refine(istKalenderdatum, 'Dieses Datum gibt es nicht (z. B. 31. Februar).'),
    )
    .meta({ title, description, format: 'datum' });

export const uhrzeit = (title: string, description?: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Uhrzeit im Format HH:MM angeben (z. B. 09:30 oder 15:00).')
    .meta({ title, description, format: 'uhrzeit' });

export const telefon = () =>
  z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()/-]{4,24}$/, 'Telefonnummer nur mit Ziffern, Leerzeichen, „/“ oder „-“ (z. B. 02151 86-0).')
    .meta({ title: 'Telefon (dienstlich)', description: 'Nur dienstliche Nummern, keine privaten.' });

export const email = () =>
  z.email('Keine gültige E-Mail-Adresse (Beispiel: treff@example.org).').meta({
    title: 'E-Mail (dienstlich)',
    description: 'Nur Funktionsadressen, keine privaten.',
  });

export const webadresse = (title = 'Webseite') =>
  z
    .url({ protocol: /^https?$/, error: 'Web-Adresse muss mit https:// oder http:// beginnen (z. B. https://www.example.org/).' })
    // The URL parser silently drops tabs and line breaks and accepts spaces and quotes in paths;
    // such an address was mistyped or pasted with extra text.
    .refine((s) => !/[\s"'<>`\\]/.test(s) && !STEUERZEICHEN.test(s), 'Web-Adresse enthält Leerzeichen, Anführungszeichen oder spitze Klammern. Bitte nur die Adresse eintragen (z. B. https://www.example.org/).')
    .meta({ title, description: 'Vollständige Adresse mit https://' });

/**
 * Old slugs of an entry whose file was renamed; each old address redirects to the new one
 * (src/pages/[...frueher].astro, _redirects, nginx). A published URL never breaks.
 */
export const fruehereAdressen = () =>
  z
    .array(slug())
    .max(20)
    .default([])
    .meta({
      title: 'Frühere Adressen',
      description: 'Nur ausfüllen, wenn der Dateiname geändert wurde: die alten Namen (ohne .md), den ältesten zuerst. Alte Links leiten dann hierher weiter; Kalender-Abos behalten den Termin.',
    });

export const koordinaten = () =>
  z
    .object({
      lat: z.number().meta({ title: 'Breitengrad (lat)', description: 'z. B. 51.333' }),
      lon: z.number().meta({ title: 'Längengrad (lon)', description: 'z. B. 6.578' }),
      ungefaehr: z
        .boolean()
        .default(false)
        .meta({ title: 'Nur ungefähr', description: 'Ankreuzen, wenn die Position geschätzt ist.' }),
    })
    .refine(
      (k) => k.lat >= KREFELD_BBOX.latMin && k.lat <= KREFELD_BBOX.latMax && k.lon >= KREFELD_BBOX.lonMin && k.lon <= KREFELD_BBOX.lonMax,
      {
        message: `Koordinaten liegen nicht in Krefeld (Breitengrad ${KREFELD_BBOX.latMin}–${KREFELD_BBOX.latMax}, Längengrad ${KREFELD_BBOX.lonMin}–${KREFELD_BBOX.lonMax}). Breiten- und Längengrad vertauscht?`,
      },
    )
    .meta({ title: 'Koordinaten', description: 'Position auf der Karte' });

export const adresse = () =>
  z
    .object({
      strasse: text('Straße', 'z. B. Alte Linner Straße', 100),
      hausnummer: z
        .string()
        .trim()
        .regex(/^\d+[a-zA-Z]?(\s*[-–]\s*\d+[a-zA-Z]?)?$/, 'Hausnummer wie „69“, „11a“ oder „11–13“.')
        .optional()
        .meta({ title: 'Hausnummer', description: 'Leer lassen bei Plätzen ohne Hausnummer.' }),
      plz: z
        .string()
        .regex(/^(4779[89]|478[0-3]\d)$/, 'Keine Krefelder Postleitzahl (47798–47839).')
        .meta({ title: 'Postleitzahl', description: 'Krefeld: 47798–47839' }),
      ort: z.literal('Krefeld', 'Der Ort muss „Krefeld“ sein.').default('Krefeld').meta({ title: 'Ort' }),
      zusatz: text('Adresszusatz', 'z. B. „Erdgeschoss, Eingang Hofseite“', 120).optional(),
    })
    .meta({ title: 'Adresse' });

/**
 * Checks `value` with the opening_hours library; returns a German message or null.
 * Its warnings count as errors ("Tu 14-18", "Dienstag", "Uhr"): the library then suggests the
 * standard spelling, which we show, so every stored value is unambiguous for all consumers.
 */
export function oeffnungszeitenFehler(value: string): string | null {
  let oh: opening_hours;
  try {
    // mode 0 = time ranges; locale 'de' gives German messages.
    oh = new opening_hours(value, NRW_NOMINATIM, { mode: 0, tag_key: 'opening_hours', map_value: false, warnings_severity: 4, locale: 'de' });
  } catch (error) {
    return `Öffnungszeiten nicht lesbar: ${erklaerung(String(error instanceof Error ? error.message : error))} Schreibweise wie „Mo-Fr 09:00-17:00; Sa 10:00-12:00; PH off“.`;
  }
  // "Mo 09:00-11:00 \"Frauenfrühstück\"" means "unknown" to the library, so "open now" would never show.
  if (/\d\d:\d\d\s+"/.test(value))
    return 'Nach einer Uhrzeit muss vor dem Kommentar „open“ stehen, z. B. „Mo 09:00-11:00 open \"Frauenfrühstück\"“. Ohne Uhrzeit (nur Kommentar) heißt es „nach Vereinbarung“.';
  const warnungen = oh.getWarnings();
  if (warnungen.length === 0) return null;
  let vorschlag = '';
  try {
    vorschlag = oh.prettifyValue();
  } catch {
    /* no suggestion possible */
  }
  return `Öffnungszeiten nicht eindeutig: ${erklaerung(warnungen[0])}${vorschlag && vorschlag !== value ? ` Vorschlag: „${vorschlag}“.` : ''}`;
}

/** The library marks the spot with "<--- (message)"; keep the message only. */
function erklaerung(meldung: string): string {
  const m = /<---\s*\((.*)\)\s*$/s.exec(meldung.split('\n')[0]);
  return (m ? m[1] : meldung.split('\n')[0]).trim();
}

export const OEFFNUNGSZEITEN_MAX = 500;

export const oeffnungszeiten = (title = 'Öffnungszeiten') =>
  z
    .string()
    .trim()
    .min(1)
    // The opening_hours parser needs seconds for a few kilobytes; real values have < 100 characters.
    .max(OEFFNUNGSZEITEN_MAX)
    .superRefine((value, ctx) => {
      if (value.length > OEFFNUNGSZEITEN_MAX) return; // reported by .max()
      const fehler = oeffnungszeitenFehler(value);
      if (fehler) ctx.addIssue({ code: 'custom', message: fehler });
    })
    .meta({
      title,
      description:
        'OpenStreetMap-Schreibweise, z. B. „Tu 14:00-18:00; Th 09:00-12:00; PH off“. „PH off“ = an Feiertagen geschlossen. Nur nach Vereinbarung: „We \"nur nach Vereinbarung\"“.',
      format: 'opening_hours',
    });

const RRULE_TEILE: Record<string, RegExp> = {
  FREQ: /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/,
  INTERVAL: /^[1-9]\d{0,2}$/,
  COUNT: /^[1-9]\d{0,3}$/,
  UNTIL: /^\d{8}(T\d{6}Z?)?$/,
  BYDAY: /^([+-]?([1-4]|5)?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?([1-4]|5)?(MO|TU|WE|TH|FR|SA|SU))*$/,
  BYMONTHDAY: /^-?\d{1,2}(,-?\d{1,2})*$/,
  BYMONTH: /^\d{1,2}(,\d{1,2})*$/,
  BYSETPOS: /^-?\d{1,3}(,-?\d{1,3})*$/,
  WKST: /^(MO|TU|WE|TH|FR|SA|SU)$/,
};

/** Checks an RRULE (without DTSTART) part by part, so the message names the wrong part; null if fine. */
export function rruleFehler(value: string): string | null {
  const teile = value.replace(/^RRULE:/, '').split(';').filter(Boolean);
  const gesehen = new Set<string>();
  for (const teil of teile) {
    const [name, wert = ''] = teil.split('=');
    const muster = RRULE_TEILE[name];
    if (!muster) return `„${name}“ ist kein erlaubter Teil (erlaubt: ${Object.keys(RRULE_TEILE).join(', ')}).`;
    if (!muster.test(wert)) return `„${teil}“ hat einen ungültigen Wert.`;
    gesehen.add(name);
  }
  if (!gesehen.has('FREQ')) return 'FREQ fehlt (z. B. FREQ=WEEKLY).';
  if (gesehen.has('COUNT') && gesehen.has('UNTIL')) return 'Bitte entweder COUNT (Anzahl) oder UNTIL (Enddatum) angeben, nicht beides.';
  try {
    new RRule(RRule.parseString(value.replace(/^RRULE:/, '')));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export const rrule = () =>
  z
    .string()
    .trim()
    .regex(/^(RRULE:)?FREQ=/, 'Regel muss mit „FREQ=“ beginnen, z. B. „FREQ=WEEKLY;BYDAY=TU“.')
    .superRefine((value, ctx) => {
      const fehler = rruleFehler(value);
      if (fehler) ctx.addIssue({ code: 'custom', message: `Wiederholungsregel ungültig: ${fehler}` });
    })
    .meta({
      title: 'Wiederholungsregel (RRULE)',
      description: 'z. B. „FREQ=WEEKLY;BYDAY=TU“ (jeden Dienstag) oder „FREQ=MONTHLY;BYDAY=2WE“ (jeden 2. Mittwoch).',
      format: 'rrule',
    });

/** Known entry ids per collection, read from disk at build, so references are checked. */
export type BekannteIds = Partial<Record<'quartiere' | 'akteure' | 'kontakte' | 'treffs', ReadonlySet<string>>>;

export const verweis = (sammlung: keyof BekannteIds, ids: BekannteIds, title: string, description?: string) =>
  slug()
    .refine((id) => !ids[sammlung] || ids[sammlung]!.has(id), {
      error: (issue) =>
        `„${String(issue.input)}“ gibt es nicht in „${sammlung}“. Bitte einen vorhandenen Eintrag wählen (Dateiname ohne Endung in content/${sammlung}/).`,
    })
    .meta({ title, description, verweis: sammlung });

export const beispiel = () =>
  z.boolean().default(false).meta({
    title: 'Beispieldaten',
    description: 'Ankreuzen, solange Angaben nicht von der Einrichtung bestätigt sind. Die Seite zeigt dann „Beispieldaten“.',
  });

export const zuletztGeprueft = () =>
  datum('Zuletzt geprüft am', 'Wann wurden die Angaben zuletzt mit der Einrichtung abgeglichen?');

/** Optional short summaries in the UI languages; the content stays German. */
export const zusammenfassungen = () =>
  z
    .object({
      en: text('Kurzbeschreibung Englisch', undefined, 400).optional(),
      tr: text('Kurzbeschreibung Türkisch', undefined, 400).optional(),
      ar: text('Kurzbeschreibung Arabisch', undefined, 400).optional(),
      uk: text('Kurzbeschreibung Ukrainisch', undefined, 400).optional(),
    })
    .default({})
    .meta({ title: 'Kurzbeschreibungen in anderen Sprachen', description: 'Optional: 1–2 Sätze je Sprache.' });

/**
 * The image-path field, which differs by context: in the build it checks the file in the media
 * folder (src/schema/medienordner.ts), in the CMS it marks the image widget, in the open-data
 * export it is a URL, in tests a plain string.
 */
export type ImageFn = () => z.ZodType;

export const bild = (image: ImageFn) =>
  z
    .object({
      src: image().meta({ title: 'Bilddatei' }),
      alt: z
        .string({ error: 'Alternativtext fehlt: Beschreiben Sie in einem Satz, was auf dem Bild zu sehen ist.' })
        .trim()
        .min(3, 'Alternativtext fehlt: Beschreiben Sie in einem Satz, was auf dem Bild zu sehen ist.')
        .max(250)
        .meta({ title: 'Alternativtext', description: 'Was ist auf dem Bild zu sehen? Für Menschen, die das Bild nicht sehen.' }),
      bildnachweis: text(
        'Bildnachweis',
        'Wer hat das Bild gemacht? Steht klein unter dem Bild, z. B. „Foto: Anna Muster“ oder „Foto: Treff am Bleichpfad“.',
        120,
      ).optional(),
    })
    // Only uploads from the media folder: no web addresses (another server, no consent), no other folders.
    .superRefine((b, ctx) => {
      const meldung = typeof b.src === 'string' ? bildPfadFehler(b.src) : undefined;
      if (meldung) ctx.addIssue({ code: 'custom', path: ['src'], message: meldung });
    })
    .meta({ title: 'Bild' });

export type Adresse = z.output<ReturnType<typeof adresse>>;
