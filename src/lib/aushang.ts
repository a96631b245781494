/**
 * What goes on a printed monthly notice: which month, and that month's Termine, one line per
 * Termin with all its dates („2., 9. und 16. Dezember“), so a weekly series does not fill the page.
 * Dates come from the one recurrence engine. Pure: plain data in, plain data out.
 */
import { expandOccurrences, type TerminLike } from './recurrence';
import { addDays, berlinWallToInstant, formatZeitspanne } from './time';

const MONATE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** After this day of the month, the notice is for the next month (it is printed to hang a while). */
export const AUSHANG_WECHSELTAG = 20;

export interface AushangMonat {
  /** `YYYY-MM` */
  monat: string;
  /** „Dezember 2026“ */
  name: string;
  /** First day that counts (`YYYY-MM-DD`): today within the current month, else the 1st. */
  von: string;
  /** Day after the month (`YYYY-MM-DD`). */
  bis: string;
}

export function aushangMonat(heute: string): AushangMonat {
  const [y, m, d] = heute.split('-').map(Number);
  const naechster = d > AUSHANG_WECHSELTAG;
  const jahr = naechster && m === 12 ? y + 1 : y;
  const monatNr = naechster ? (m % 12) + 1 : m;
  const monat = `${jahr}-${String(monatNr).padStart(2, '0')}`;
  const erster = `${monat}-01`;
  const folgemonat = monatNr === 12 ? `${jahr + 1}-01-01` : `${jahr}-${String(monatNr + 1).padStart(2, '0')}-01`;
  return { monat, name: `${MONATE[monatNr - 1]} ${jahr}`, von: naechster ? erster : heute, bis: folgemonat };
}

export interface AushangTermin {
  id: string;
  titel: string;
  /** „10:00–12:00 Uhr“ */
  zeit: string;
  /** „2., 9. und 16. Dezember“ — only the dates that take place. */
  tage: string;
  /** Cancelled dates with reason: „9. Dezember: Fortbildung“. */
  ausfaelle: string[];
  /** Whole Termin or series cancelled. */
  abgesagt: boolean;
  ortName?: string;
  start: number;
}

/** „2.“, „2. und 9.“, „2., 9. und 16.“ followed by the month name. */
export function tageText(daten: readonly string[]): string {
  if (daten.length === 0) return '';
  const teile = daten.map((d) => `${Number(d.slice(8, 10))}.`);
  const monat = MONATE[Number(daten[0].slice(5, 7)) - 1];
  const liste = teile.length === 1 ? teile[0] : `${teile.slice(0, -1).join(', ')} und ${teile.at(-1)}`;
  return `${liste} ${monat}`;
}

export function termineImMonat<T extends TerminLike & { titel: string }>(
  termine: ReadonlyArray<{ id: string; data: T; ortName?: string }>,
  zeitraum: Pick<AushangMonat, 'von' | 'bis'>,
): AushangTermin[] {
  const von = berlinWallToInstant(zeitraum.von);
  const bis = berlinWallToInstant(zeitraum.bis);
  const liste: AushangTermin[] = [];
  for (const t of termine) {
    const occ = expandOccurrences(t.data, t.id, von, bis).filter((o) => o.datum >= zeitraum.von && o.datum < zeitraum.bis);
    if (occ.length === 0) continue;
    const finden = occ.filter((o) => !o.ausgefallen).map((o) => o.datum);
    const erster = occ[0];
    liste.push({
      id: t.id,
      titel: t.data.titel,
      zeit: formatZeitspanne(erster.beginn, erster.ende, erster.ganztaegig),
      tage: tageText(finden),
      ausfaelle: occ.filter((o) => o.ausgefallen && !t.data.abgesagt).map((o) => `${tageText([o.datum])}${o.grund ? `: ${o.grund}` : ''}`),
      abgesagt: Boolean(t.data.abgesagt),
      ortName: t.ortName,
      start: erster.start.getTime(),
    });
  }
  return liste.sort((a, b) => a.start - b.start || a.titel.localeCompare(b.titel, 'de'));
}

/** The last day shown on the notice, for „bis 31. Dezember“. */
export const letzterTag = (z: Pick<AushangMonat, 'bis'>) => addDays(z.bis, -1);
