/**
 * Time in Krefeld: every date and time on the portal is Europe/Berlin wall-clock time,
 * whatever time zone the build machine or the visitor's device is set to.
 *
 * Two representations meet here:
 * - **instants** (`Date`): a real moment, used for sorting, "now" comparisons and feeds;
 * - **wall clock** (`'YYYY-MM-DD'` + `'HH:MM'`): what editors type and residents read.
 * Only `Intl` knows the Berlin rules, so every conversion goes through it; `Date`'s local
 * getters are never used (they would give the machine's zone).
 */

export const TZ = 'Europe/Berlin';

/** Locale used when none is given; German is the source language of the portal. */
export const STANDARD_LOCALE = 'de';

const MINUTE = 60_000;
const TAG_MS = 86_400_000;

export interface BerlinTeile {
  /** `YYYY-MM-DD` */
  datum: string;
  /** `HH:MM` (24 h) */
  zeit: string;
  /** ISO weekday: Monday = 1 … Sunday = 7 */
  wochentag: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// One formatter, reused: creating Intl objects is the expensive part.
// 'en-US' + h23 gives stable ASCII digits and 0–23 hours (never "24" at midnight).
const teileFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TZ,
  hourCycle: 'h23',
  weekday: 'short',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

const WOCHENTAG_NUMMER: Record<string, BerlinTeile['wochentag']> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const zwei = (n: number) => String(n).padStart(2, '0');

/** Splits an instant into Berlin wall-clock fields. */
export function berlinParts(instant: Date): BerlinTeile {
  const t = instant.getTime();
  if (!Number.isFinite(t)) return berlinPartsIntl(instant);
  // The offset is asked of Intl once per UTC hour (berlinOffsetMinutes); the fields then come from
  // plain UTC arithmetic, many times faster than formatToParts on every call.
  const wand = new Date(t + berlinOffsetMinutes(instant) * MINUTE);
  return teile(wand.getUTCFullYear(), wand.getUTCMonth() + 1, wand.getUTCDate(), wand.getUTCHours(), wand.getUTCMinutes(), wand.getUTCSeconds(), isoWochentag(wand));
}

/** The fields of a Berlin wall-clock reading. */
function teile(year: number, month: number, day: number, hour: number, minute: number, second: number, wochentag: BerlinTeile['wochentag']): BerlinTeile {
  return { datum: `${String(year).padStart(4, '0')}-${zwei(month)}-${zwei(day)}`, zeit: `${zwei(hour)}:${zwei(minute)}`, wochentag, year, month, day, hour, minute, second };
}

/** ISO weekday (Monday = 1 … Sunday = 7) of a date's UTC fields. */
const isoWochentag = (d: Date) => (((d.getUTCDay() + 6) % 7) + 1) as BerlinTeile['wochentag'];

/** berlinParts read from Intl's time-zone data (the offset itself comes from here). */
function berlinPartsIntl(instant: Date): BerlinTeile {
  const p: Record<string, string> = {};
  for (const { type, value } of teileFormat.formatToParts(instant)) p[type] = value;
  return teile(Number(p.year), Number(p.month), Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second), WOCHENTAG_NUMMER[p.weekday]);
}

const STUNDE_MS = 3_600_000;
/** Offsets by UTC hour: Berlin changes its clocks only on the full UTC hour (01:00 UTC). */
const offsetCache = new Map<number, number>();

/** Minutes Berlin is ahead of UTC at this instant: 60 in winter, 120 in summer. */
export function berlinOffsetMinutes(instant: Date): number {
  const stunde = Math.floor(instant.getTime() / STUNDE_MS);
  const bekannt = offsetCache.get(stunde);
  if (bekannt !== undefined) return bekannt;
  const t = stunde * STUNDE_MS;
  const p = berlinPartsIntl(new Date(t));
  const offset = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - t) / MINUTE);
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(stunde, offset);
  return offset;
}

function zerlegeDatum(datum: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datum);
  if (!m) throw new Error(`Datum „${datum}“ ist nicht im Format JJJJ-MM-TT.`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function zerlegeZeit(zeit: string): [number, number] {
  const m = /^(\d{2}):(\d{2})$/.exec(zeit);
  if (!m) throw new Error(`Uhrzeit „${zeit}“ ist nicht im Format HH:MM.`);
  return [Number(m[1]), Number(m[2])];
}

/**
 * The instant at which Berlin clocks show `datum zeit`.
 * Like Temporal's `disambiguation: 'compatible'`: a time that occurs twice (the autumn hour
 * 02:00–03:00) means the first one (summer time); a time that does not exist (spring,
 * 02:00–03:00) is moved forward by the gap, so 02:30 becomes 03:30 summer time.
 * `zeit` may be `24:00` (end of day) — it means 00:00 of the next day.
 */
export function berlinWallToInstant(datum: string, zeit = '00:00'): Date {
  const [y, mo, d] = zerlegeDatum(datum);
  const [h, mi] = zerlegeZeit(zeit);
  const wand = Date.UTC(y, mo - 1, d, h, mi);
  // Berlin's offset changes at most once near any moment; a day either side brackets it.
  const vorher = berlinOffsetMinutes(new Date(wand - TAG_MS));
  const nachher = berlinOffsetMinutes(new Date(wand + TAG_MS));
  // A reading is right if Berlin really has that offset at the resulting instant.
  const passend = [vorher, nachher].filter((offset) => berlinOffsetMinutes(new Date(wand - offset * MINUTE)) === offset);
  if (passend.length > 0) return new Date(wand - Math.max(...passend) * MINUTE);
  // In the spring gap: read the wall clock with the offset before the change.
  return new Date(wand - vorher * MINUTE);
}

/** Today's date in Krefeld (`YYYY-MM-DD`). */
export function heuteBerlin(now: Date = new Date()): string {
  // Asked for with the same "now" thousands of times per build.
  const t = now.getTime();
  if (t !== zuletzt.t) zuletzt = { t, datum: berlinParts(now).datum };
  return zuletzt.datum;
}
let zuletzt = { t: Number.NaN, datum: '' };

/** Calendar arithmetic on plain dates (no time zone involved). */
export function addDays(datum: string, n: number): string {
  const [y, m, d] = zerlegeDatum(datum);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Days from `von` to `bis` (both `YYYY-MM-DD`); negative if `bis` is earlier. */
export function tageZwischen(von: string, bis: string): number {
  const [y1, m1, d1] = zerlegeDatum(von);
  const [y2, m2, d2] = zerlegeDatum(bis);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / TAG_MS);
}

/** ISO weekday of a plain date: Monday = 1 … Sunday = 7. */
export function wochentagVon(datum: string): BerlinTeile['wochentag'] {
  return isoWochentag(alsUtcMitternacht(datum));
}

/** The Berlin midnight that starts `datum`. */
export function berlinTagesbeginn(datum: string): Date {
  return berlinWallToInstant(datum, '00:00');
}

// A plain date is formatted as the UTC midnight of that date with timeZone 'UTC', so no
// zone can move it to the day before.
const alsUtcMitternacht = (datum: string) => {
  const [y, m, d] = zerlegeDatum(datum);
  return new Date(Date.UTC(y, m - 1, d));
};

const formatCache = new Map<string, Intl.DateTimeFormat>();
/** A date formatter for plain dates (time zone UTC), made once per locale and options. */
export function datumsformat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatCache.set(key, f);
  }
  return f;
}

const LANG: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
const OHNE_WOCHENTAG: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const KURZ: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };

/** `'2026-12-03'` → „Donnerstag, 3. Dezember 2026“. */
export function formatDatumLang(datum: string, locale: string = STANDARD_LOCALE): string {
  return datumsformat(locale, LANG).format(alsUtcMitternacht(datum));
}

/** `'2026-12-03'` → „Do., 3. Dez.“ (for lists and calendar cells). */
export function formatDatumKurz(datum: string, locale: string = STANDARD_LOCALE): string {
  return datumsformat(locale, KURZ).format(alsUtcMitternacht(datum));
}

/** `'2026-12-03'` → „3. Dezember 2026“. */
export function formatDatumOhneWochentag(datum: string, locale: string = STANDARD_LOCALE): string {
  return datumsformat(locale, OHNE_WOCHENTAG).format(alsUtcMitternacht(datum));
}

/** Words around times. Only German exists so far; other languages get these keys later. */
const ZEIT_TEXTE: Record<string, { ganztaegig: string; ab: (b: string) => string; spanne: (b: string, e: string) => string }> = {
  de: { ganztaegig: 'ganztägig', ab: (b) => `ab ${b} Uhr`, spanne: (b, e) => `${b}–${e} Uhr` },
  en: { ganztaegig: 'all day', ab: (b) => `from ${b}`, spanne: (b, e) => `${b}–${e}` },
  tr: { ganztaegig: 'tüm gün', ab: (b) => `${b}’den itibaren`, spanne: (b, e) => `${b}–${e}` },
  // The times stay Latin digits in Arabic too, as on Krefeld's signs; isolated so they read left to right.
  ar: { ganztaegig: 'طوال اليوم', ab: (b) => `ابتداءً من \u2066${b}\u2069`, spanne: (b, e) => `\u2066${b}–${e}\u2069` },
  uk: { ganztaegig: 'весь день', ab: (b) => `з ${b}`, spanne: (b, e) => `${b}–${e}` },
};

function zeitTexte(locale: string) {
  return ZEIT_TEXTE[locale.split('-')[0]] ?? ZEIT_TEXTE.de;
}

/** „15:00–17:00 Uhr“, „ab 15:00 Uhr“ or „ganztägig“; empty if there is no time at all. */
export function formatZeitspanne(
  beginn: string | undefined,
  ende: string | undefined,
  ganztaegig: boolean,
  locale: string = STANDARD_LOCALE,
): string {
  const t = zeitTexte(locale);
  if (ganztaegig) return t.ganztaegig;
  if (beginn && ende) return t.spanne(beginn, ende);
  if (beginn) return t.ab(beginn);
  return '';
}

/** What `formatTerminzeit` needs of an occurrence (see `Occurrence` in recurrence.ts). */
export interface TerminzeitLike {
  datum: string;
  endeDatum?: string;
  beginn?: string;
  ende?: string;
  ganztaegig: boolean;
}

/**
 * The date line of an event: „Donnerstag, 3. Dezember 2026, 15:00–17:00 Uhr“.
 * Several days: „3.–5. Dezember 2026“ (plus the times, as on a poster: „…, 15:00–17:00 Uhr“).
 */
export function formatTerminzeit(occ: TerminzeitLike, locale: string = STANDARD_LOCALE): string {
  const mehrtaegig = occ.endeDatum !== undefined && occ.endeDatum !== occ.datum;
  const tage = mehrtaegig
    ? datumsformat(locale, OHNE_WOCHENTAG).formatRange(alsUtcMitternacht(occ.datum), alsUtcMitternacht(occ.endeDatum!))
    : formatDatumLang(occ.datum, locale);
  // A multi-day event is all-day by its dates alone; "ganztägig" would only repeat that.
  const zeit = mehrtaegig && occ.ganztaegig ? '' : formatZeitspanne(occ.beginn, occ.ende, occ.ganztaegig, locale);
  return zeit ? `${tage}${trenner(locale)}${zeit}` : tage;
}

/** The comma between items of a plain list („a, b“; Arabic „a، b“) in `locale`. */
export function trenner(locale: string = STANDARD_LOCALE): string {
  return locale.startsWith('ar') ? '، ' : ', ';
}
