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

/** Upcoming occurrences of all Termine that match `filter`, sorted by start, at most `anzahl`. */
export async function kommendeVorkommen(filter: (t: TerminEintrag) => boolean = () => true, anzahl = Infinity): Promise<Vorkommen[]> {
  const alle = await inhalte();
  const liste: Vorkommen[] = [];
  for (const termin of alle.termine) {
    if (!filter(termin)) continue;
    for (const occ of vorkommenVon(termin)) liste.push(anreichern(occ, termin, alle));
  }
  liste.sort((a, b) => a.occ.start.getTime() - b.occ.start.getTime() || a.termin.data.titel.localeCompare(b.termin.data.titel, 'de'));
  return liste.slice(0, anzahl);
}
