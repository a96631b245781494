/**
 * Opening hours of Treffs and Angebote, written in OpenStreetMap's `opening_hours` syntax
 * ("Tu 14:00-18:00; PH off") and evaluated by the `opening_hours` library with the NRW
 * public holidays.
 *
 * Time zones: the library has no notion of them — it reads and builds `Date`s with the *local*
 * getters of whatever machine it runs on. So we feed it "wall-clock dates": `Date`s whose local
 * fields equal the Berlin wall clock, and read its answers back the same way, converting to
 * real instants with `berlinWallToInstant`. On a build machine without daylight saving time
 * (UTC, as in CI) this is exact; on a machine with its own DST the only wall times that cannot
 * be represented are those inside the machine's own spring gap (e.g. 02:00–03:00 on a
 * New York spring Sunday), which matter only for opening hours ending or starting at that hour.
 */
import opening_hours from 'opening_hours';
import { NRW_NOMINATIM } from '../schema/fields';
import { addDays, berlinParts, berlinWallToInstant, heuteBerlin, wochentagVon } from './time';

import { oeffnungsStatus as statusIn, type OeffnungsStatus, type OeffnungsStatusOptionen, type StatusSprache } from './opening-status';
import { STATUS_DE } from './status-texte';

export type { OeffnungsArt, OeffnungsStatus, OeffnungsStatusOptionen, StatusSprache } from './opening-status';

/** The opening status (src/lib/opening-status.ts), in German unless `sprache` says otherwise. */
export function oeffnungsStatus(
  intervalle: ReadonlyArray<readonly [number, number]>,
  jetzt: Date,
  opts: OeffnungsStatusOptionen = {},
  sprache: StatusSprache = STATUS_DE,
): OeffnungsStatus {
  return statusIn(intervalle, jetzt, opts, sprache);
}

export const WOCHENTAGE = [
  { kurz: 'Mo', name: 'Montag' },
  { kurz: 'Di', name: 'Dienstag' },
  { kurz: 'Mi', name: 'Mittwoch' },
  { kurz: 'Do', name: 'Donnerstag' },
  { kurz: 'Fr', name: 'Freitag' },
  { kurz: 'Sa', name: 'Samstag' },
  { kurz: 'So', name: 'Sonntag' },
] as const;

export type WochentagKurz = (typeof WOCHENTAGE)[number]['kurz'];
export type WochentagName = (typeof WOCHENTAGE)[number]['name'];

export interface Zeitraum {
  /** `HH:MM` */
  von: string;
  /** `HH:MM`; `24:00` = until midnight; past midnight (e.g. `02:00`) when it ends the next night */
  bis: string;
}

export interface Tageszeile {
  kurz: WochentagKurz;
  name: WochentagName;
  zeiten: Zeitraum[];
  /**
   * Comment from the value, e.g. „nur nach Vereinbarung“ (then often without times).
   * Note: in OSM syntax a comment without `open` makes a time "unknown", not open —
   * `Mo 09:00-11:00 "Frauenfrühstück"` shows here, but `oeffnungsIntervalle` leaves it out;
   * `Mo 09:00-11:00 open "Frauenfrühstück"` is both.
   */
  kommentar?: string;
}

export interface Wochentabelle {
  tage: Tageszeile[];
  /** What the value says about public holidays; `unbekannt` when it does not mention `PH`. */
  feiertage: 'geschlossen' | 'geoeffnet' | 'unbekannt';
}

export interface OeffnungsIntervall {
  start: Date;
  ende: Date;
  kommentar?: string;
}

/** Parsing is the costly part, and the same few values are evaluated for many pages. */
const cache = new Map<string, opening_hours>();
function parse(oh: string): opening_hours {
  let o = cache.get(oh);
  if (!o) {
    // Same options as the schema check (src/schema/fields.ts), so what validates evaluates alike.
    o = new opening_hours(oh, NRW_NOMINATIM, { mode: 0, tag_key: 'opening_hours', map_value: false, warnings_severity: 4, locale: 'de' });
    cache.set(oh, o);
  }
  return o;
}

// --- the wall-clock bridge -------------------------------------------------------------

/** A `Date` whose *local* fields show the Berlin wall clock of `datum zeit`. */
function wandDate(datum: string, zeit = '00:00'): Date {
  const [y, m, d] = datum.split('-').map(Number);
  const [h, mi] = zeit.split(':').map(Number);
  return new Date(y, m - 1, d, h, mi);
}

/** The wall-clock `Date` of a real instant. */
function wandVonInstant(instant: Date): Date {
  const p = berlinParts(instant);
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

const zwei = (n: number) => String(n).padStart(2, '0');
const wandDatum = (d: Date) => `${d.getFullYear()}-${zwei(d.getMonth() + 1)}-${zwei(d.getDate())}`;
const wandZeit = (d: Date) => `${zwei(d.getHours())}:${zwei(d.getMinutes())}`;

/** The real instant of a wall-clock `Date` the library returned. */
function instantVonWand(d: Date): Date {
  return berlinWallToInstant(wandDatum(d), wandZeit(d));
}

// --- public holidays ---------------------------------------------------------------------

/** Every Treff page probes the same days for holidays. */
const feiertagCache = new Map<string, boolean>();

/** True if `datum` is a public holiday in NRW (Fronleichnam, Allerheiligen, …). */
export function istFeiertag(datum: string): boolean {
  let ja = feiertagCache.get(datum);
  if (ja === undefined) {
    ja = parse('PH off').getPublicHolidayContext(wandDate(datum, '12:00')).isHoliday;
    feiertagCache.set(datum, ja);
  }
  return ja;
}

/** Name of the NRW public holiday on `datum` („Fronleichnam“), or undefined. */
export function feiertagsName(datum: string): string | undefined {
  // On a holiday matched by a rule without its own comment, the library reports the holiday's name.
  return istFeiertag(datum) ? parse('PH off').getComment(wandDate(datum, '12:00')) : undefined;
}

/** School holidays (NRW). The library throws for years it has no data for yet: then "no". */
function istSchulferientag(datum: string): boolean {
  try {
    return parse('SH').getState(wandDate(datum, '12:00'));
  } catch {
    return false;
  }
}

/**
 * The NRW public holidays among the `tage` days from `von`'s Berlin day on — to ship next to
 * `kompakteIntervalle`, so the browser can pass `feiertagHeute` to `oeffnungsStatus`.
 */
export function feiertageAb(von: Date, tage = 42): string[] {
  const heute = heuteBerlin(von);
  return Array.from({ length: tage }, (_, i) => addDays(heute, i)).filter(istFeiertag);
}

// --- intervals ---------------------------------------------------------------------------

/**
 * The open periods between two instants, as real instants (DST-correct, holidays applied).
 * Periods that are only a comment (`We "nur nach Vereinbarung"`, state "unknown") are not
 * openings and are left out; `wochentabelle` shows them.
 */
export function oeffnungsIntervalle(oh: string, von: Date, bis: Date): OeffnungsIntervall[] {
  return parse(oh)
    .getOpenIntervals(wandVonInstant(von), wandVonInstant(bis))
    .filter(([, , unbekannt]) => !unbekannt)
    .map(([s, e, , kommentar]) => ({ start: instantVonWand(s), ende: instantVonWand(e), ...(kommentar ? { kommentar } : {}) }));
}

/**
 * Openings from the start of `von`'s Berlin day for `tage` days, as `[start, end]` in UTC epoch
 * minutes — small enough to ship as JSON with a page for `oeffnungsStatus` in the browser.
 * Touching periods are joined, so "Mo-Su 00:00-24:00" is one stretch, not seven.
 */
export function kompakteIntervalle(oh: string, von: Date, tage = 42): Array<[number, number]> {
  const heute = heuteBerlin(von);
  const ergebnis: Array<[number, number]> = [];
  for (const { start, ende } of oeffnungsIntervalle(oh, berlinWallToInstant(heute), berlinWallToInstant(addDays(heute, tage)))) {
    const s = Math.round(start.getTime() / 60_000);
    const e = Math.round(ende.getTime() / 60_000);
    const letztes = ergebnis.at(-1);
    if (letztes && s <= letztes[1]) letztes[1] = Math.max(letztes[1], e);
    else ergebnis.push([s, e]);
  }
  return ergebnis;
}

// --- the regular week ------------------------------------------------------------------

/** `oh` without its quoted comments, so `"Feiertag: PH"` in a comment does not count as PH. */
const ohneKommentare = (oh: string) => oh.replace(/"[^"]*"/g, '""');

/** Monday of the first week from `ab` on with no public holiday (and no school holiday if `oh` uses SH). */
function referenzMontag(oh: string, ab: string): string {
  const mitSchulferien = /\bSH\b/.test(ohneKommentare(oh));
  const ersterMontag = addDays(ab, 1 - wochentagVon(ab));
  for (let woche = 0; woche < 26; woche++) {
    const montag = addDays(ersterMontag, 7 * woche);
    const tage = Array.from({ length: 7 }, (_, i) => addDays(montag, i));
    if (!tage.some((t) => istFeiertag(t) || (mitSchulferien && istSchulferientag(t)))) return montag;
  }
  return ersterMontag;
}

interface Stueck {
  von: string;
  bis: string;
  /** Starts at 00:00 because the previous day's period runs on past midnight. */
  fortsetzung: boolean;
  kommentar?: string;
  unbekannt: boolean;
}

/** All periods of one wall-clock day, clipped to it by the library. */
function stueckeVon(o: opening_hours, datum: string): Stueck[] {
  const stuecke = o.getOpenIntervals(wandDate(datum), wandDate(addDays(datum, 1)));
  return stuecke.map(([s, e, unbekannt, kommentar]) => {
    const von = wandZeit(s);
    return {
      von,
      bis: wandDatum(e) === datum ? wandZeit(e) : '24:00',
      fortsetzung: von === '00:00' && o.getStateString(new Date(s.getTime() - 60_000), true) !== 'closed',
      unbekannt,
      ...(kommentar ? { kommentar } : {}),
    };
  });
}

/**
 * The regular week for a table on the Treff page, Monday to Sunday.
 * Evaluates a real week without public holidays (the first from `ab` on), so "PH off" does not
 * blank out a Thursday; the holiday rule is read separately from a real NRW holiday.
 * A period past midnight ("Fr 20:00-02:00") stays on the day it starts.
 */
export function wochentabelle(oh: string, ab: Date = new Date()): Wochentabelle {
  // Every Treff's table is asked for by its page, the cards on lists and maps and the print
  // notice, in every UI language: work it out once per value and day. Read it, never change it.
  const heute = heuteBerlin(ab);
  const schluessel = `${heute}|${oh}`;
  let tabelle = tabellen.get(schluessel);
  if (!tabelle) {
    if (tabellen.size > 5_000) tabellen.clear();
    tabellen.set(schluessel, (tabelle = tabelleAusrechnen(oh, heute)));
  }
  return tabelle;
}

const tabellen = new Map<string, Wochentabelle>();

function tabelleAusrechnen(oh: string, heute: string): Wochentabelle {
  const o = parse(oh);
  const montag = referenzMontag(oh, heute);
  // Eight days: Sunday's night may run on into Monday.
  const tage = Array.from({ length: 8 }, (_, i) => stueckeVon(o, addDays(montag, i)));

  for (let i = 0; i < 7; i++) {
    const letztes = tage[i].at(-1);
    const folge = tage[i + 1][0];
    // Join "20:00–24:00" with the next day's "00:00–02:00", but not two whole days (24/7).
    if (letztes && folge?.fortsetzung && letztes.bis === '24:00' && letztes.von !== '00:00' && folge.bis !== '24:00' && !letztes.unbekannt) {
      letztes.bis = folge.bis;
      tage[i + 1].shift();
      if (i === 6 && tage[0][0]?.fortsetzung && tage[0][0].bis === folge.bis) tage[0].shift();
    }
  }

  const zeilen: Tageszeile[] = WOCHENTAGE.map(({ kurz, name }, i) => {
    const stuecke = tage[i];
    const kommentare = [...new Set(stuecke.flatMap((s) => (s.kommentar ? [s.kommentar] : [])))];
    return {
      kurz,
      name,
      // A comment alone covers the whole day (`We "nur nach Vereinbarung"`): no times to show.
      // With times (`Mo 09:00-11:00 "Frauenfrühstück"`) the state is "unknown" too, but the times are real.
      zeiten: stuecke.filter((s) => !(s.unbekannt && s.von === '00:00' && s.bis === '24:00')).map(({ von, bis }) => ({ von, bis })),
      ...(kommentare.length ? { kommentar: kommentare.join('; ') } : {}),
    };
  });

  return { tage: zeilen, feiertage: feiertagsRegel(oh, montag, zeilen) };
}

/**
 * Open or closed on public holidays? Only a value that mentions PH says so; then we look at
 * the next holidays on a weekday that normally has opening hours (or any holiday if none does).
 */
function feiertagsRegel(oh: string, ab: string, woche: Tageszeile[]): Wochentabelle['feiertage'] {
  if (!/\bPH\b/.test(ohneKommentare(oh))) return 'unbekannt';
  const feiertage: string[] = [];
  for (let i = 0; i < 400 && feiertage.length < 12; i++) {
    const tag = addDays(ab, i);
    if (istFeiertag(tag)) feiertage.push(tag);
  }
  const sonstOffen = feiertage.filter((t) => woche[wochentagVon(t) - 1].zeiten.length > 0);
  const probe = sonstOffen[0] ?? feiertage[0];
  if (!probe) return 'unbekannt';
  const stuecke = parse(oh).getOpenIntervals(wandDate(probe), wandDate(addDays(probe, 1)));
  if (stuecke.some(([, , unbekannt]) => !unbekannt)) return 'geoeffnet';
  // `PH "nach Absprache"`: a comment, not a yes or no.
  return stuecke.length > 0 ? 'unbekannt' : 'geschlossen';
}
