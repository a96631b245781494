/**
 * Build-time half of "Jetzt geöffnet": expands a place's opening hours for the coming weeks into
 * data small enough to ship with a page. The browser half (src/scripts/status.ts) only looks
 * things up in it and calls `oeffnungsStatus` — the `opening_hours` library never reaches the browser.
 * The site is rebuilt daily; when a page is older than the data reaches (`TAGE`), the browser
 * shows only the weekly table.
 */
import { feiertageAb, istFeiertag, kompakteIntervalle, oeffnungsIntervalle, wochentabelle } from './opening-hours';
import type { StatusSprache } from './opening-status';
import { STATUS_DE, TAGES_WOERTER_DE, type TagesWoerter } from './status-texte';
import { aufzaehlung } from './intl-formate';
import { addDays, berlinParts, berlinWallToInstant, formatZeitspanne, heuteBerlin, wochentagVon } from './time';

/** How far ahead the shipped data reaches: six weeks, so a missed nightly build does no harm. */
export const TAGE = 42;

/** What one place ships: openings, a text per day, and a temporary closure. */
export interface OrtZeiten {
  /** Openings as `[start, end)` in UTC epoch minutes (`kompakteIntervalle`). */
  i: Array<[number, number]>;
  /** Hours per Berlin day from `ab` on: „14:00–18:00 Uhr“, „geschlossen (Feiertag)“ … */
  h: string[];
  /** Temporarily closed up to and including this date (`YYYY-MM-DD`). */
  zu?: string;
}

/**
 * The shipped data of a page: for all places on it, from the day the site was built, with the
 * status texts in the page's language (`t`, `l` of `StatusSprache`).
 */
export interface ZeitenDaten extends StatusSprache {
  /** First day (`YYYY-MM-DD`, Berlin) of `h`. */
  ab: string;
  /** NRW public holidays within the data. */
  f: string[];
  o: Record<string, OrtZeiten>;
}

const uhr = (d: Date) => berlinParts(d).zeit;

/** What one day's hours say, before they are put into words of a language. */
export type TagesAngabe =
  | { art: 'offen'; spannen: Array<[string, string]> }
  | { art: 'kommentar'; spannen: Array<[string, string]>; kommentar: string }
  | { art: 'geschlossen' | 'feiertag' | 'vereinbarung' | 'voruebergehend' };

/**
 * A day in words: „09:00–12:00 und 14:00–17:00 Uhr“, „geschlossen (Feiertag)“; in another language
 * with its words and its list and time formats. Comments are content and stay as written.
 */
export function tagesText(a: TagesAngabe, w: TagesWoerter = TAGES_WOERTER_DE): string {
  if (a.art !== 'offen' && a.art !== 'kommentar') return w[a.art];
  const liste = (teile: string[]) => aufzaehlung(w.locale, teile);
  const einzeln = a.spannen.map(([von, bis]) => formatZeitspanne(von, bis, false, w.locale));
  if (a.art === 'kommentar') return einzeln.length ? `${liste(einzeln)}: ${a.kommentar}` : a.kommentar;
  // German says „Uhr“ once after all the periods of the day.
  return w.locale.startsWith('de') ? `${liste(a.spannen.map(([von, bis]) => `${von}–${bis}`))} Uhr` : liste(einzeln);
}

/**
 * The hours of each of `tage` Berlin days from `ab` on, as residents read them next to „Heute:“.
 * An opening belongs to the day it starts on. A day without openings says why where it can:
 * a public holiday on a weekday that normally opens, or the value's comment („nur nach Vereinbarung“).
 */
export function tagesAngaben(oh: string, ab: string, tage = TAGE): TagesAngabe[] {
  const intervalle = oeffnungsIntervalle(oh, berlinWallToInstant(ab), berlinWallToInstant(addDays(ab, tage + 1)));
  const beginn = Array.from({ length: tage + 2 }, (_, n) => berlinWallToInstant(addDays(ab, n)).getTime());
  // Each day's pieces of the openings (the library joins touching periods, e.g. 24/7 into one).
  const stuecke = Array.from({ length: tage + 1 }, (_, n) =>
    intervalle
      .filter(({ start, ende }) => start.getTime() < beginn[n + 1] && ende.getTime() > beginn[n])
      .map(({ start, ende }) => ({ start: new Date(Math.max(start.getTime(), beginn[n])), ende: new Date(Math.min(ende.getTime(), beginn[n + 1])) })),
  );
  const woche = wochentabelle(oh, berlinWallToInstant(ab)).tage;
  // A night "Fr 20:00-02:00" stays on the day it starts; whole days (24/7) stay separate.
  for (let n = 0; n < tage; n++) {
    const letztes = stuecke[n].at(-1);
    const folge = stuecke[n + 1][0];
    if (letztes && folge && letztes.ende.getTime() === folge.start.getTime() && uhr(letztes.start) !== '00:00' && folge.ende.getTime() < beginn[n + 2]) {
      letztes.ende = folge.ende;
      stuecke[n + 1].shift();
    }
  }
  return Array.from({ length: tage }, (_, n): TagesAngabe => {
    const tag = addDays(ab, n);
    // An opening ending at midnight ends at „24:00“.
    if (stuecke[n].length > 0) return { art: 'offen', spannen: stuecke[n].map(({ start, ende }) => [uhr(start), uhr(ende) === '00:00' ? '24:00' : uhr(ende)]) };
    const regel = woche[wochentagVon(tag) - 1];
    if (istFeiertag(tag) && (regel.zeiten.length > 0 || regel.kommentar)) return { art: 'feiertag' };
    if (regel.kommentar) return { art: 'kommentar', spannen: regel.zeiten.map((z) => [z.von, z.bis]), kommentar: regel.kommentar };
    return { art: 'geschlossen' };
  });
}

/** `tagesAngaben` in words (German unless `w` says otherwise). */
export function tagesTexte(oh: string, ab: string, tage = TAGE, w: TagesWoerter = TAGES_WOERTER_DE): string[] {
  return tagesAngaben(oh, ab, tage).map((a) => tagesText(a, w));
}

/** What each place's `h` says, kept for putting it into another language (`zeitenInSprache`). */
const angabenVon = new WeakMap<OrtZeiten, TagesAngabe[]>();

/**
 * The data of one place, with German day texts. `oh` undefined means "nach Vereinbarung" (an
 * Angebot without times). A closure that is already over is left out.
 */
export function ortZeiten(oh: string | undefined, jetzt: Date, geschlossenBis?: string, tage = TAGE): OrtZeiten {
  const ab = heuteBerlin(jetzt);
  const zu = geschlossenBis && geschlossenBis >= ab ? { zu: geschlossenBis } : {};
  const angaben: TagesAngabe[] = oh
    ? tagesAngaben(oh, ab, tage).map((a, n) => (geschlossenBis && addDays(ab, n) <= geschlossenBis ? { art: 'voruebergehend' } : a))
    : Array.from({ length: tage }, () => ({ art: 'vereinbarung' }));
  const z: OrtZeiten = { i: oh ? kompakteIntervalle(oh, jetzt, tage) : [], h: angaben.map((a) => tagesText(a)), ...zu };
  angabenVon.set(z, angaben);
  return z;
}

/** A place's data with its day texts in another language (unchanged if it was not made by `ortZeiten`). */
export function ortZeitenIn(z: OrtZeiten, w: TagesWoerter): OrtZeiten {
  const angaben = angabenVon.get(z);
  return angaben ? { ...z, h: angaben.map((a) => tagesText(a, w)) } : z;
}

/** Page data in the page's language: day texts, status texts and the locale of times and dates. */
export function zeitenInSprache(d: ZeitenDaten, w: TagesWoerter, status: StatusSprache): ZeitenDaten {
  return { ...d, ...status, o: Object.fromEntries(Object.entries(d.o).map(([id, z]) => [id, ortZeitenIn(z, w)])) };
}

/** Assembles the page data from the places' data. */
export function zeitenDaten(orte: Record<string, OrtZeiten>, jetzt: Date, tage = TAGE, status: StatusSprache = STATUS_DE): ZeitenDaten {
  return { ab: heuteBerlin(jetzt), f: feiertageAb(jetzt, tage), o: orte, ...status };
}

/** The text of today (the build day) for the server-rendered „Heute:“ line. */
export function heuteText(z: OrtZeiten): string {
  return z.h[0] ?? '';
}

/** JSON for a `<script type="application/json">`: `<` escaped so no value can close the element. */
export function jsonFuerHtml(wert: unknown): string {
  return JSON.stringify(wert).replace(/</g, '\\u003c');
}
