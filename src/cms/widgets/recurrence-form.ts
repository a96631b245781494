/**
 * The recurrence widget's model: a Termin's `wiederholung` ({ regel, ausnahmen, zusatztermine })
 * ⇄ the choices a QE makes („jede Woche am Dienstag“, „jeden 2. Mittwoch im Monat“, bis …).
 * Pure functions, so Vitest checks the round trip for every series in content/.
 *
 * Rules the form cannot show (daily, yearly, every 3rd week, BYMONTHDAY …) stay in the
 * expert field as written (`art: 'experte'`).
 */

export const WOCHENTAGE = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Wochentag = (typeof WOCHENTAGE)[number];

export const WOCHENTAG_NAMEN: Record<Wochentag, string> = {
  MO: 'Montag',
  TU: 'Dienstag',
  WE: 'Mittwoch',
  TH: 'Donnerstag',
  FR: 'Freitag',
  SA: 'Samstag',
  SU: 'Sonntag',
};

export type Art = 'einmalig' | 'woechentlich' | 'zweiwoechentlich' | 'monatlich' | 'experte';

export const ARTEN: ReadonlyArray<{ value: Art; label: string }> = [
  { value: 'einmalig', label: 'Einmalig (keine Wiederholung)' },
  { value: 'woechentlich', label: 'Jede Woche' },
  { value: 'zweiwoechentlich', label: 'Alle 2 Wochen' },
  { value: 'monatlich', label: 'Jeden Monat an einem Wochentag (z. B. jeden 2. Mittwoch)' },
  { value: 'experte', label: 'Eigene Regel (für Fachleute, RRULE)' },
];

/** n-th weekday of the month; -1 = the last one. */
export type MonatsWoche = 1 | 2 | 3 | 4 | 5 | -1;
export const MONATS_WOCHEN: ReadonlyArray<{ value: MonatsWoche; label: string }> = [
  { value: 1, label: '1.' },
  { value: 2, label: '2.' },
  { value: 3, label: '3.' },
  { value: 4, label: '4.' },
  { value: 5, label: '5.' },
  { value: -1, label: 'letzten' },
];

export type Ende = 'offen' | 'datum' | 'anzahl';

export interface WiederholungsForm {
  art: Art;
  /** woechentlich / zweiwoechentlich; empty = the weekday of the first date (rrule's default). */
  wochentage: Wochentag[];
  monatsWoche: MonatsWoche;
  monatsTag: Wochentag;
  ende: Ende;
  /** `YYYY-MM-DD`, last possible date (inclusive) when `ende === 'datum'`. */
  bis: string;
  /** Number of dates when `ende === 'anzahl'`. */
  anzahl: number | null;
  /** The raw rule, used as is when `art === 'experte'`. */
  regel: string;
  /** EXDATE: dates the series skips (holidays). */
  ausnahmen: string[];
  /** RDATE: extra dates at the same time. */
  zusatztermine: string[];
}

/** The stored shape (schema: `terminSchema.wiederholung`). */
export interface WiederholungsWert {
  regel: string;
  ausnahmen?: readonly unknown[];
  zusatztermine?: readonly unknown[];
}

/** YAML parsers may hand over a `Date` for `2026-12-03`; the content stores plain dates. */
export function alsDatum(wert: unknown): string {
  if (wert instanceof Date && !Number.isNaN(wert.getTime())) return wert.toISOString().slice(0, 10);
  return String(wert ?? '');
}

/** Weekday of a `YYYY-MM-DD` date (calendar arithmetic, no time zone involved). */
export function wochentagVonDatum(datum: string): Wochentag | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(datum)) return undefined;
  const tag = new Date(`${datum}T12:00:00Z`).getUTCDay();
  return WOCHENTAGE[(tag + 6) % 7];
}

/** Which n-th weekday of its month a date is (1–5). */
export function monatsWocheVonDatum(datum: string): MonatsWoche | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(datum)) return undefined;
  return Math.ceil(Number(datum.slice(8, 10)) / 7) as MonatsWoche;
}

/** A form for a Termin without repetition; the choices start from its first date. */
export function leereForm(datum = ''): WiederholungsForm {
  const tag = wochentagVonDatum(datum);
  return {
    art: 'einmalig',
    wochentage: tag ? [tag] : [],
    monatsWoche: monatsWocheVonDatum(datum) ?? 1,
    monatsTag: tag ?? 'MO',
    ende: 'offen',
    bis: '',
    anzahl: null,
    regel: '',
    ausnahmen: [],
    zusatztermine: [],
  };
}

const alsTextListe = (liste: readonly unknown[] | undefined) => (liste ?? []).map(alsDatum);

type Teile = Map<string, string>;

function teileVon(regel: string): Teile | null {
  const teile: Teile = new Map();
  for (const teil of regel.trim().replace(/^RRULE:/i, '').split(';')) {
    if (!teil) continue;
    const [name, wert, ...rest] = teil.split('=');
    if (!name || wert === undefined || rest.length || teile.has(name.toUpperCase())) return null;
    teile.set(name.toUpperCase(), wert.toUpperCase());
  }
  return teile;
}

/** End of the series from UNTIL (date only) or COUNT; null if written in a way the form cannot show. */
function endeVon(teile: Teile): Pick<WiederholungsForm, 'ende' | 'bis' | 'anzahl'> | null {
  const until = teile.get('UNTIL');
  const count = teile.get('COUNT');
  if (until !== undefined && count !== undefined) return null;
  if (until !== undefined) {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(until);
    return m ? { ende: 'datum', bis: `${m[1]}-${m[2]}-${m[3]}`, anzahl: null } : null;
  }
  if (count !== undefined) return /^[1-9]\d{0,3}$/.test(count) ? { ende: 'anzahl', bis: '', anzahl: Number(count) } : null;
  return { ende: 'offen', bis: '', anzahl: null };
}

/** The form for a stored value; `datum` (the Termin's first date) fills in defaults. */
export function wertZuForm(wert: WiederholungsWert | null | undefined, datum = ''): WiederholungsForm {
  const form = leereForm(datum);
  if (!wert || typeof wert.regel !== 'string' || !wert.regel.trim()) {
    return { ...form, ausnahmen: alsTextListe(wert?.ausnahmen), zusatztermine: alsTextListe(wert?.zusatztermine) };
  }
  const basis: WiederholungsForm = {
    ...form,
    art: 'experte',
    regel: wert.regel,
    ausnahmen: alsTextListe(wert.ausnahmen),
    zusatztermine: alsTextListe(wert.zusatztermine),
  };
  const teile = teileVon(wert.regel);
  if (!teile) return basis;
  const ende = endeVon(teile);
  if (!ende) return basis;
  const erlaubt = (namen: string[]) => [...teile.keys()].every((n) => namen.includes(n));
  const byday = teile.get('BYDAY');
  const intervall = teile.get('INTERVAL') ?? '1';

  if (teile.get('FREQ') === 'WEEKLY' && erlaubt(['FREQ', 'INTERVAL', 'BYDAY', 'UNTIL', 'COUNT']) && (intervall === '1' || intervall === '2')) {
    const tage = byday === undefined ? [] : byday.split(',');
    if (!tage.every((t): t is Wochentag => (WOCHENTAGE as readonly string[]).includes(t))) return basis;
    if (new Set(tage).size !== tage.length) return basis;
    return { ...basis, ...ende, art: intervall === '1' ? 'woechentlich' : 'zweiwoechentlich', wochentage: sortiert(tage) };
  }

  if (teile.get('FREQ') === 'MONTHLY' && intervall === '1' && byday !== undefined) {
    // „2WE“ and „WE;BYSETPOS=2“ say the same; the form writes the first.
    let m: RegExpExecArray | null;
    let n: number;
    let tag: string;
    if (erlaubt(['FREQ', 'INTERVAL', 'BYDAY', 'UNTIL', 'COUNT']) && (m = /^(-1|\+?[1-5])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byday))) {
      n = Number(m[1]);
      tag = m[2];
    } else if (
      erlaubt(['FREQ', 'INTERVAL', 'BYDAY', 'BYSETPOS', 'UNTIL', 'COUNT']) &&
      /^(MO|TU|WE|TH|FR|SA|SU)$/.test(byday) &&
      /^(-1|\+?[1-5])$/.test(teile.get('BYSETPOS') ?? '')
    ) {
      n = Number(teile.get('BYSETPOS'));
      tag = byday;
    } else return basis;
    return { ...basis, ...ende, art: 'monatlich', monatsWoche: n as MonatsWoche, monatsTag: tag as Wochentag };
  }
  return basis;
}

const sortiert = (tage: Wochentag[]) => [...tage].sort((a, b) => WOCHENTAGE.indexOf(a) - WOCHENTAGE.indexOf(b));

/** The RRULE the form describes (empty for „einmalig“). Order: FREQ, INTERVAL, BYDAY, UNTIL/COUNT. */
export function regelAusForm(form: WiederholungsForm): string {
  if (form.art === 'einmalig') return '';
  if (form.art === 'experte') return form.regel.trim();
  const teile: string[] = [];
  if (form.art === 'monatlich') {
    teile.push('FREQ=MONTHLY', `BYDAY=${form.monatsWoche}${form.monatsTag}`);
  } else {
    teile.push('FREQ=WEEKLY');
    if (form.art === 'zweiwoechentlich') teile.push('INTERVAL=2');
    if (form.wochentage.length) teile.push(`BYDAY=${sortiert(form.wochentage).join(',')}`);
  }
  if (form.ende === 'datum' && /^\d{4}-\d{2}-\d{2}$/.test(form.bis)) teile.push(`UNTIL=${form.bis.replace(/-/g, '')}`);
  if (form.ende === 'anzahl' && form.anzahl && form.anzahl > 0) teile.push(`COUNT=${Math.floor(form.anzahl)}`);
  return teile.join(';');
}

/** The value to store; undefined for a single date (the Termin then has no `wiederholung`). */
export function formZuWert(form: WiederholungsForm): WiederholungsWert | undefined {
  const regel = regelAusForm(form);
  if (!regel) return undefined;
  const daten = (liste: string[]) => liste.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  return { regel, ausnahmen: daten(form.ausnahmen), zusatztermine: daten(form.zusatztermine) };
}
