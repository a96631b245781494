/**
 * Build-time half of "Jetzt geöffnet": expands a place's opening hours for the coming weeks into
 * data small enough to ship with a page. The browser half (src/scripts/status.ts) only looks
 * things up in it and calls `oeffnungsStatus` — the `opening_hours` library never reaches the browser.
 * The site is rebuilt daily; when a page is older than the data reaches (`TAGE`), the browser
 * shows only the weekly table.
 */
import { feiertageAb, istFeiertag, kompakteIntervalle, oeffnungsIntervalle, wochentabelle } from './opening-hours';
import { addDays, berlinParts, berlinWallToInstant, heuteBerlin, wochentagVon } from './time';

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

/** The shipped data of a page: for all places on it, from the day the site was built. */
export interface ZeitenDaten {
  /** First day (`YYYY-MM-DD`, Berlin) of `h`. */
  ab: string;
  /** NRW public holidays within the data. */
  f: string[];
  o: Record<string, OrtZeiten>;
}

const uhr = (d: Date) => berlinParts(d).zeit;

/** „09:00–12:00 und 14:00–17:00 Uhr“; an opening ending at midnight ends at „24:00“. */
function spannen(teile: Array<{ start: Date; ende: Date }>): string {
  const texte = teile.map(({ start, ende }) => {
    const bis = uhr(ende);
    return `${uhr(start)}–${bis === '00:00' ? '24:00' : bis}`;
  });
  return `${texte.join(' und ')} Uhr`;
}

/**
 * The hours of each of `tage` Berlin days from `ab` on, as residents read them next to „Heute:“.
 * An opening belongs to the day it starts on. A day without openings says why where it can:
 * a public holiday on a weekday that normally opens, or the value's comment („nur nach Vereinbarung“).
 */
export function tagesTexte(oh: string, ab: string, tage = TAGE): string[] {
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
  return Array.from({ length: tage }, (_, n) => {
    const tag = addDays(ab, n);
    if (stuecke[n].length > 0) return spannen(stuecke[n]);
    const regel = woche[wochentagVon(tag) - 1];
    if (istFeiertag(tag) && (regel.zeiten.length > 0 || regel.kommentar)) return 'geschlossen (Feiertag)';
    if (regel.kommentar) {
      const zeiten = regel.zeiten.map((z) => `${z.von}–${z.bis} Uhr`).join(' und ');
      return zeiten ? `${zeiten}: ${regel.kommentar}` : regel.kommentar;
    }
    return 'geschlossen';
  });
}

/**
 * The data of one place. `oh` undefined means "nach Vereinbarung" (an Angebot without times).
 * A closure that is already over is left out.
 */
export function ortZeiten(oh: string | undefined, jetzt: Date, geschlossenBis?: string, tage = TAGE): OrtZeiten {
  const ab = heuteBerlin(jetzt);
  const zu = geschlossenBis && geschlossenBis >= ab ? { zu: geschlossenBis } : {};
  if (!oh) return { i: [], h: Array.from({ length: tage }, () => 'nach Vereinbarung'), ...zu };
  const h = tagesTexte(oh, ab, tage).map((text, n) => (geschlossenBis && addDays(ab, n) <= geschlossenBis ? 'vorübergehend geschlossen' : text));
  return { i: kompakteIntervalle(oh, jetzt, tage), h, ...zu };
}

/** Assembles the page data from the places' data. */
export function zeitenDaten(orte: Record<string, OrtZeiten>, jetzt: Date, tage = TAGE): ZeitenDaten {
  return { ab: heuteBerlin(jetzt), f: feiertageAb(jetzt, tage), o: orte };
}

/** The text of today (the build day) for the server-rendered „Heute:“ line. */
export function heuteText(z: OrtZeiten): string {
  return z.h[0] ?? '';
}

/** JSON for a `<script type="application/json">`: `<` escaped so no value can close the element. */
export function jsonFuerHtml(wert: unknown): string {
  return JSON.stringify(wert).replace(/</g, '\\u003c');
}
