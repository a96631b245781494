/**
 * Upcoming occurrences for pages, all from the one recurrence engine (src/lib/recurrence.ts),
 * so lists, event pages, the calendar and the feeds show the same dates.
 */
import { expandOccurrences, type Occurrence } from '../lib/recurrence';
import { addDays, heuteBerlin, berlinWallToInstant } from '../lib/time';
import { inhalte, ortVon, type Inhalte, type TerminEintrag } from './inhalte';
import { jetzt } from './jetzt';

/** How far ahead lists look. */
export const HORIZONT_TAGE = 200;

export interface Vorkommen {
  occ: Occurrence;
  termin: TerminEintrag;
  href: string;
  ortName?: string;
  ortHref?: string;
}

/**
 * Per entry and day: the home, Quartier, Treff and calendar pages, the event page, its
 * downloads and print notice — each in every UI language — all ask for the same dates
 * (thousands of expansions per Termin at city scale, `npm run bench`).
 */
const gespeichert = new WeakMap<TerminEintrag, Map<string, readonly Occurrence[]>>();

/** Occurrences of one Termin from today (Berlin) on. Shared between callers: read, never change. */
export function vorkommenVon(termin: TerminEintrag, tage = HORIZONT_TAGE): readonly Occurrence[] {
  const heute = heuteBerlin(jetzt());
  const schluessel = `${heute}|${tage}`;
  let jeTag = gespeichert.get(termin);
  if (!jeTag) gespeichert.set(termin, (jeTag = new Map()));
  let liste = jeTag.get(schluessel);
  if (!liste) {
    const von = berlinWallToInstant(heute, '00:00');
    const bis = berlinWallToInstant(addDays(heute, tage), '00:00');
    liste = Object.freeze(expandOccurrences(termin.data, termin.id, von, bis));
    jeTag.set(schluessel, liste);
  }
  return liste;
}

function anreichern(occ: Occurrence, termin: TerminEintrag, alle: Inhalte): Vorkommen {
  const ort = ortVon(termin.data, alle);
  return { occ, termin, href: `/termine/${termin.id}/`, ortName: ort?.name, ortHref: ort?.href };
}

/**
 * Every upcoming occurrence, sorted once per build and day: the home page, the Termine list, each
 * Treff and Quartier page and each embed — in every UI language — take their part of it. (Sorting
 * all of them again for each of those pages grew faster than the content, `npm run bench`.)
 */
const sortiert = new WeakMap<Inhalte, { heute: string; liste: readonly Vorkommen[] }>();

function alleKommenden(alle: Inhalte): readonly Vorkommen[] {
  const heute = heuteBerlin(jetzt());
  let gespeichert = sortiert.get(alle);
  if (gespeichert?.heute !== heute) {
    const liste: Vorkommen[] = [];
    for (const termin of alle.termine) for (const occ of vorkommenVon(termin)) liste.push(anreichern(occ, termin, alle));
    const titel = new Intl.Collator('de');
    liste.sort((a, b) => a.occ.start.getTime() - b.occ.start.getTime() || titel.compare(a.termin.data.titel, b.termin.data.titel));
    sortiert.set(alle, (gespeichert = { heute, liste: Object.freeze(liste) }));
  }
  return gespeichert.liste;
}

/** Upcoming occurrences of all Termine that match `filter`, sorted by start, at most `anzahl`. */
export async function kommendeVorkommen(filter: (t: TerminEintrag) => boolean = () => true, anzahl = Infinity): Promise<Vorkommen[]> {
  const treffer: Vorkommen[] = [];
  for (const v of alleKommenden(await inhalte())) {
    if (treffer.length >= anzahl) break;
    if (filter(v.termin)) treffer.push(v);
  }
  return treffer;
}

/**
 * A Termin gets a print notice while it has dates to come (or a cancellation to announce):
 * a notice for what is over helps nobody, and at city scale those were thousands of pages.
 */
export function hatAushang(termin: TerminEintrag): boolean {
  return vorkommenVon(termin).length > 0;
}
