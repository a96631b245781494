/**
 * THE recurrence engine: turns a Termin (single date or series) into its occurrences.
 * Calendar page, Treff pages, iCal feeds and JSON all call this one function, so they agree.
 *
 * Series are RFC 5545 rules evaluated by `rrule`. rrule computes in the JS engine's zone, so
 * we use its recommended "floating" form: wall-clock Berlin times stored as if they were UTC
 * (`Date.UTC(...)`, read back with the UTC getters). Only at the end is each wall-clock time
 * turned into a real instant with the Berlin rules — that is what keeps a weekly 10:00 event
 * at 10:00 across the clock change, on any machine.
 */
import type { Termin } from '../schema/collections';
import { de } from '../i18n/de';
import { RRule, type RRuleOptions } from './rrule-lib';
import { aufzaehlung, tagUndMonat, wochentagsname } from './intl-formate';
import { addDays, berlinParts, berlinWallToInstant, formatDatumOhneWochentag, tageZwischen } from './time';
import { fuellen } from './vorlage';

/** The fields of a Termin the engine reads. Defaults of the schema may be missing. */
export type TerminLike = Pick<Termin, 'datum' | 'beginn' | 'ende' | 'ende_datum' | 'absage_grund'> & {
  ganztaegig?: boolean;
  abgesagt?: boolean;
  ausfaelle?: Termin['ausfaelle'];
  wiederholung?: { regel: string; ausnahmen?: string[]; zusatztermine?: string[] };
};

/** One concrete date of a Termin. */
export interface Occurrence {
  terminId: string;
  /** Stable id of this date: `${terminId}@${datum}` (anchors, iCal RECURRENCE-ID, React keys). */
  key: string;
  /** Berlin date it starts on, `YYYY-MM-DD`. */
  datum: string;
  /** Berlin date it ends on (= `datum` unless it spans several days). */
  endeDatum: string;
  beginn?: string;
  ende?: string;
  ganztaegig: boolean;
  /** Real instant it starts (all-day: Berlin midnight). */
  start: Date;
  /**
   * Real instant it ends: the given end time; all-day → the Berlin midnight after `endeDatum`;
   * no end time („ab 19:00 Uhr“) → also that midnight, so it counts as running that evening.
   */
  end: Date;
  /** Cancelled: shown struck through with `grund`, never left out. */
  ausgefallen: boolean;
  grund?: string;
  /** Added by hand (RDATE) rather than produced by the rule. */
  zusatztermin: boolean;
}

const TAG_MS = 86_400_000;

// --- floating wall clock ---------------------------------------------------------------

function floating(datum: string, zeit = '00:00', sekunden = 0): Date {
  const [y, m, d] = datum.split('-').map(Number);
  const [h, mi] = zeit.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, h, mi, sekunden));
}

function floatingVonInstant(instant: Date): Date {
  const p = berlinParts(instant);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
}

const datumVonFloating = (f: Date) => f.toISOString().slice(0, 10);

const ohnePraefix = (regel: string) => regel.trim().replace(/^RRULE:/i, '');

/**
 * The rule's options with our DTSTART. UNTIL is normalised to floating Berlin time:
 * a plain date (`UNTIL=20270630`) includes that whole day; a UTC time (`…T220000Z`) is
 * converted to Berlin wall-clock time.
 */
function regelOptionen(regel: string, dtstart: Date): Partial<RRuleOptions> {
  const text = ohnePraefix(regel);
  const options = RRule.parseString(text);
  delete options.tzid;
  delete options.dtstart;
  const until = /(?:^|;)UNTIL=([0-9TZ]+)/i.exec(text)?.[1];
  if (until && options.until) {
    if (/^\d{8}$/.test(until)) options.until = floating(`${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`, '23:59', 59);
    else if (/Z$/i.test(until)) options.until = floatingVonInstant(options.until);
  }
  return { ...options, dtstart };
}

/** Time of day the series runs at (all-day series: midnight). */
const tageszeit = (t: TerminLike) => (t.ganztaegig || !t.beginn ? '00:00' : t.beginn);

/** How many days one occurrence spans beyond its first (0 = one day). */
const spanne = (t: TerminLike) => (t.ende_datum ? Math.max(0, tageZwischen(t.datum, t.ende_datum)) : 0);

function vorkommnis(t: TerminLike, id: string, datum: string, zusatztermin: boolean): Occurrence {
  const ganztaegig = t.ganztaegig ?? false;
  let endeDatum = addDays(datum, spanne(t));
  let start: Date;
  let end: Date;
  if (ganztaegig || !t.beginn) {
    start = berlinWallToInstant(datum, '00:00');
    end = berlinWallToInstant(addDays(endeDatum, 1), '00:00');
  } else {
    start = berlinWallToInstant(datum, t.beginn);
    if (t.ende) {
      // An end before the start can only mean "past midnight"; the schema normally prevents it.
      if (endeDatum === datum && t.ende <= t.beginn) endeDatum = addDays(datum, 1);
      end = berlinWallToInstant(endeDatum, t.ende);
    } else {
      end = berlinWallToInstant(addDays(endeDatum, 1), '00:00');
    }
  }
  const ausfall = t.ausfaelle?.find((a) => a.datum === datum);
  const ausgefallen = Boolean(t.abgesagt || ausfall);
  const grund = ausfall?.grund ?? (t.abgesagt ? t.absage_grund : undefined);
  return {
    terminId: id,
    key: `${id}@${datum}`,
    datum,
    endeDatum,
    ...(ganztaegig ? {} : { beginn: t.beginn, ende: t.ende }),
    ganztaegig,
    start,
    end,
    ausgefallen,
    ...(grund ? { grund } : {}),
    zusatztermin,
  };
}

/** The rule's dates so far per rule, DTSTART and time of day: floating times, ascending, up to `bis`. */
const regelDaten = new Map<string, { bis: number; daten: number[] }>();

/**
 * The rule's dates in [lo, hi] (floating, both included), as `RRule.between(lo, hi, true)` gives
 * them. rrule walks from DTSTART on every call, and a build asks for the dates of the same series
 * many times (its pages in five languages, each date's own .ics, the feeds, the month files). So
 * the dates from DTSTART are kept per rule and only computed again when a later one is asked for,
 * then a year beyond it.
 */
function regelTermine(regel: string, dtstart: Date, lo: Date, hi: Date): Date[] {
  const schluessel = `${regel}|${dtstart.getTime()}`;
  let bekannt = regelDaten.get(schluessel);
  if (!bekannt || bekannt.bis < hi.getTime()) {
    const bis = new Date(Math.max(hi.getTime(), dtstart.getTime()) + 366 * TAG_MS);
    const daten = new RRule(regelOptionen(regel, dtstart)).between(dtstart, bis, true).map((d) => d.getTime());
    regelDaten.set(schluessel, (bekannt = { bis: bis.getTime(), daten }));
  }
  const { daten } = bekannt;
  const ergebnis: Date[] = [];
  for (let i = ersterAb(daten, lo.getTime()); i < daten.length && daten[i] <= hi.getTime(); i++) ergebnis.push(new Date(daten[i]));
  return ergebnis;
}

/** Index of the first value ≥ `wert` in the ascending `liste` (binary search). */
function ersterAb(liste: readonly number[], wert: number): number {
  let [a, b] = [0, liste.length];
  while (a < b) {
    const m = (a + b) >>> 1;
    if (liste[m] < wert) a = m + 1;
    else b = m;
  }
  return a;
}

/** Start dates of the series (rule + RDATE − EXDATE) in a floating window, with their origin. */
function seriendaten(t: TerminLike, lo: Date, hi: Date): Array<{ datum: string; zusatz: boolean }> {
  const w = t.wiederholung!;
  const zeit = tageszeit(t);
  const daten = new Map<string, boolean>();
  for (const f of regelTermine(w.regel, floating(t.datum, zeit), lo, hi)) daten.set(datumVonFloating(f), false);
  for (const z of w.zusatztermine ?? []) {
    const f = floating(z, zeit);
    if (f >= lo && f <= hi && !daten.has(z)) daten.set(z, true);
  }
  // EXDATE by date, not by exact time: "an diesem Tag nicht" is what editors mean.
  for (const a of w.ausnahmen ?? []) daten.delete(a);
  return [...daten].map(([datum, zusatz]) => ({ datum, zusatz }));
}

/**
 * All occurrences overlapping [von, bis), sorted by start. Cancelled ones are included and
 * marked (`ausgefallen`), because residents need to see that a regular date does not happen.
 */
export function expandOccurrences(termin: TerminLike, id: string, von: Date, bis: Date): Occurrence[] {
  let kandidaten: Array<{ datum: string; zusatz: boolean }>;
  if (!termin.wiederholung) {
    kandidaten = [{ datum: termin.datum, zusatz: false }];
  } else {
    // Widen the window by the event's length (+ a day for the zone offset), then cut exactly.
    const lo = new Date(floatingVonInstant(von).getTime() - (spanne(termin) + 2) * TAG_MS);
    const hi = new Date(floatingVonInstant(bis).getTime() + TAG_MS);
    kandidaten = seriendaten(termin, lo, hi);
  }
  return kandidaten
    .map(({ datum, zusatz }) => vorkommnis(termin, id, datum, zusatz))
    .filter((o) => o.start < bis && o.end > von)
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.key.localeCompare(b.key));
}

/**
 * The next `n` occurrences that have not ended at `jetzt` (a running one counts), cancelled
 * ones included. Looks further ahead step by step, so a yearly event still finds its dates.
 */
export function naechsteTermine(termin: TerminLike, id: string, jetzt: Date, n: number): Occurrence[] {
  if (n <= 0) return [];
  let ergebnis: Occurrence[] = [];
  for (const jahre of [1, 5, 25]) {
    ergebnis = expandOccurrences(termin, id, jetzt, new Date(jetzt.getTime() + jahre * 366 * TAG_MS));
    if (ergebnis.length >= n || !termin.wiederholung) break;
  }
  return ergebnis.slice(0, n);
}

/**
 * Whether `datum` is itself a date of the rule. rrule (like python-dateutil) leaves out a DTSTART
 * that does not match the rule, while calendar apps reading the iCal feed show it (RFC 5545
 * counts DTSTART as the first instance) — so the schema should insist they match.
 */
export function startPasstZurRegel(datum: string, regel: string, beginn = '00:00'): boolean {
  const dtstart = floating(datum, beginn);
  const erster = new RRule(regelOptionen(regel, dtstart)).after(dtstart, true);
  return erster !== null && erster.getTime() === dtstart.getTime();
}

// --- plain-language description ----------------------------------------------------------

/** The words of a series description in one language: the `serie.*` strings of src/i18n. */
export type SerienWoerter = { [K in keyof typeof de as K extends `serie.${string}` ? K : never]: string };

const DEUTSCH: SerienSprache = {
  woerter: Object.fromEntries(Object.entries(de).filter(([k]) => k.startsWith('serie.'))) as SerienWoerter,
  locale: 'de',
};

export interface SerienSprache {
  woerter: SerienWoerter;
  /** BCP 47 locale for weekday, month and list words. */
  locale: string;
}

type Wochentag = { weekday: number; n?: number };

function wochentageVon(byweekday: unknown): Wochentag[] {
  if (byweekday === undefined || byweekday === null) return [];
  const alle = Array.isArray(byweekday) ? byweekday : [byweekday];
  return alle.map((w) => (typeof w === 'number' ? { weekday: w } : (w as Wochentag)));
}

const alsListe = (v: number | number[] | null | undefined): number[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/**
 * The rule in plain words for the page: „jeden Dienstag“, „alle 2 Wochen am Donnerstag“,
 * „jeden 2. Mittwoch im Monat“, „täglich“, „jeden Monat am 15.“, plus „ bis 30. Juni 2027“
 * or „, 10 Termine“ — in German unless `sprache` gives another language's words.
 * `datum` (the first date) fills in what the rule leaves to DTSTART.
 */
export function serienBeschreibung(regel: string, datum?: string, sprache: SerienSprache = DEUTSCH): string {
  // The same series is described on its page, in lists, feeds and print notices, per language.
  let jeRegel = beschreibungen.get(sprache);
  if (!jeRegel) beschreibungen.set(sprache, (jeRegel = new Map()));
  const schluessel = `${regel}|${datum ?? ''}`;
  let text = jeRegel.get(schluessel);
  if (text === undefined) {
    if (jeRegel.size > 20_000) jeRegel.clear();
    jeRegel.set(schluessel, (text = beschreibe(regel, datum, sprache)));
  }
  return text;
}

const beschreibungen = new WeakMap<SerienSprache, Map<string, string>>();

function beschreibe(regel: string, datum: string | undefined, sprache: SerienSprache): string {
  const { woerter: w, locale } = sprache;
  const text = ohnePraefix(regel);
  const o = RRule.parseString(text);
  const k = o.interval && o.interval > 1 ? o.interval : 1;
  const tage = wochentageVon(o.byweekday);
  const setpos = alsListe(o.bysetpos);
  const monatstage = alsListe(o.bymonthday);
  const startTag = datum ? Number(datum.slice(8, 10)) : undefined;
  const startWochentag = datum ? (new Date(`${datum}T00:00:00Z`).getUTCDay() + 6) % 7 : undefined;
  const liste = (teile: string[]) => aufzaehlung(locale, teile);
  // rrule counts Monday = 0, as wochentagsname does.
  const tagName = (wt: number) => wochentagsname(locale, wt);
  const tagnamen = (ws: Wochentag[]) => liste(ws.map((x) => tagName(x.weekday)));
  /** 2 → „2.“, -1 → „letzten“, -2 → „vorletzten“ */
  const ordinal = (n: number) => (n < 0 ? w['serie.ordinal.letzte'] : w['serie.ordinal']).split('|')[Math.abs(n) - 1] ?? `${n}`;
  const werktags = tage.map((x) => x.weekday).sort().join() === '0,1,2,3,4' && tage.every((x) => !x.n);

  let basis: string;
  switch (o.freq) {
    case RRule.DAILY: {
      if (werktags) basis = w['serie.werktags'];
      else if (tage.length) basis = fuellen(w['serie.jeden'], { tage: tagnamen(tage) });
      else basis = k === 1 ? w['serie.taeglich'] : fuellen(w['serie.tage'], { k });
      break;
    }
    case RRule.WEEKLY: {
      const ws = tage.length ? tage : startWochentag !== undefined ? [{ weekday: startWochentag }] : [];
      if (werktags && k === 1) basis = w['serie.werktags'];
      else if (!ws.length) basis = k === 1 ? w['serie.woechentlich'] : fuellen(w['serie.wochen'], { k });
      else basis = fuellen(k === 1 ? w['serie.jeden'] : w['serie.wochen.am'], { k, tage: tagnamen(ws) });
      break;
    }
    case RRule.MONTHLY: {
      // "2WE" and "WE;BYSETPOS=2" mean the same.
      const nte = tage.flatMap((x) => (x.n ? [{ ...x, n: x.n }] : setpos.map((n) => ({ weekday: x.weekday, n }))));
      if (nte.length) {
        const gleicherTag = nte.every((x) => x.weekday === nte[0].weekday);
        const was = gleicherTag
          ? fuellen(w['serie.nter'], { n: liste(nte.map((x) => ordinal(x.n))), tag: tagName(nte[0].weekday) })
          : liste(nte.map((x) => fuellen(w['serie.nter'], { n: ordinal(x.n), tag: tagName(x.weekday) })));
        basis = fuellen(k === 1 ? w['serie.monat.nter'] : w['serie.monate.nter'], { k, was });
      } else {
        const mt = monatstage.length ? monatstage : startTag ? [startTag] : [];
        const am = liste(mt.map((n) => (n === -1 ? w['serie.letzter.tag'] : fuellen(w['serie.monatstag'], { n }))));
        basis = k === 1 ? (mt.length ? fuellen(w['serie.monat.am'], { tage: am }) : w['serie.monatlich']) : fuellen(mt.length ? w['serie.monate.am'] : w['serie.monate'], { k, tage: am });
      }
      break;
    }
    case RRule.YEARLY: {
      const monat = alsListe(o.bymonth)[0] ?? (datum ? Number(datum.slice(5, 7)) : undefined);
      const tag = monatstage[0] ?? startTag;
      const am = monat && tag ? tagUndMonat(locale, monat, tag) : '';
      basis = k === 1 ? (am ? fuellen(w['serie.jahr.am'], { datum: am }) : w['serie.jaehrlich']) : fuellen(am ? w['serie.jahre.am'] : w['serie.jahre'], { k, datum: am });
      break;
    }
    default:
      basis = w['serie.regelmaessig'];
  }

  const until = /(?:^|;)UNTIL=(\d{8})(T\d{6}Z?)?/i.exec(text);
  if (until) {
    const [, tag, zeit] = until;
    let bis = `${tag.slice(0, 4)}-${tag.slice(4, 6)}-${tag.slice(6, 8)}`;
    if (zeit?.toUpperCase().endsWith('Z') && o.until) bis = berlinParts(o.until).datum;
    return fuellen(w['serie.bis'], { serie: basis, datum: formatDatumOhneWochentag(bis, locale) });
  }
  if (o.count) return fuellen(o.count === 1 ? w['serie.anzahl.one'] : w['serie.anzahl.other'], { serie: basis, n: o.count });
  return basis;
}
