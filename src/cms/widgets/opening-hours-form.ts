/**
 * The opening-hours widget's model: OSM `opening_hours` text ⇄ one row per weekday.
 * Pure functions (no DOM, no React), so Vitest checks the round trip for every value in content/.
 *
 * The form covers the everyday subset QEs need: per weekday closed, one or more time ranges,
 * or a short comment („nur nach Vereinbarung“, also next to times: `Mo 09:00-11:00 open "…"`), plus „an Feiertagen geschlossen“ (`PH off`).
 * Everything else (school holidays, months, weeks, „24:00“ …) stays in the expert text field:
 * `textZuFormular` then returns null and the widget keeps the text as it is.
 */

export const TAGE = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type Tag = (typeof TAGE)[number];

/** German names for the rows (the syntax itself uses the English two-letter codes). */
export const TAG_NAMEN: Record<Tag, string> = {
  Mo: 'Montag',
  Tu: 'Dienstag',
  We: 'Mittwoch',
  Th: 'Donnerstag',
  Fr: 'Freitag',
  Sa: 'Samstag',
  Su: 'Sonntag',
};

export interface Zeitraum {
  /** `HH:MM` */
  von: string;
  /** `HH:MM`; earlier than `von` = past midnight („Fr 20:00-02:00“) */
  bis: string;
}

export interface TagesZeile {
  /** Empty and no comment = closed. */
  zeiten: Zeitraum[];
  /** e.g. „nur nach Vereinbarung“ – shown on the site instead of / next to the times. */
  kommentar?: string;
}

export interface OeffnungszeitenForm {
  tage: Record<Tag, TagesZeile>;
  /** Writes `PH off` (last rule, so it wins over the weekday rules). */
  feiertageGeschlossen: boolean;
}

export function leeresFormular(): OeffnungszeitenForm {
  return {
    tage: Object.fromEntries(TAGE.map((t) => [t, { zeiten: [] }])) as unknown as Record<Tag, TagesZeile>,
    feiertageGeschlossen: true,
  };
}

const UHRZEIT = /^([01]\d|2[0-3]):[0-5]\d$/;
const TAG_MUSTER = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const TAGE_AUSDRUCK = new RegExp(`^${TAG_MUSTER}(?:-${TAG_MUSTER})?(?:,${TAG_MUSTER}(?:-${TAG_MUSTER})?)*$`);

/** Splits at `;` outside of quoted comments. */
function regelnVon(text: string): string[] | null {
  const regeln: string[] = [];
  let aktuell = '';
  let inKommentar = false;
  for (const zeichen of text) {
    if (zeichen === '"') inKommentar = !inKommentar;
    if (zeichen === ';' && !inKommentar) {
      regeln.push(aktuell.trim());
      aktuell = '';
    } else aktuell += zeichen;
  }
  if (inKommentar) return null;
  regeln.push(aktuell.trim());
  return regeln.filter((r) => r.length > 0);
}

/** `Mo-We,Fr` → [Mo, Tu, We, Fr]; wraps around the week (`Sa-Mo`). */
function tageVon(ausdruck: string): Tag[] {
  const ergebnis: Tag[] = [];
  for (const teil of ausdruck.split(',')) {
    const [von, bis] = teil.split('-') as [Tag, Tag | undefined];
    const start = TAGE.indexOf(von);
    const ende = bis ? TAGE.indexOf(bis) : start;
    for (let i = start; ; i = (i + 1) % 7) {
      if (!ergebnis.includes(TAGE[i])) ergebnis.push(TAGE[i]);
      if (i === ende) break;
    }
  }
  return ergebnis;
}

function zeitenVon(ausdruck: string): Zeitraum[] | null {
  const zeiten: Zeitraum[] = [];
  for (const teil of ausdruck.split(',')) {
    const m = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(teil);
    if (!m || !UHRZEIT.test(m[1]) || !UHRZEIT.test(m[2]) || m[1] === m[2]) return null;
    zeiten.push({ von: m[1], bis: m[2] });
  }
  return zeiten;
}

/**
 * The form for `text`, or null when the value uses more than the form can show (then the
 * widget offers only the expert field and leaves the text untouched).
 * Later rules replace earlier ones for their days, as in the OSM specification.
 */
export function textZuFormular(text: string): OeffnungszeitenForm | null {
  const regeln = regelnVon(text.trim());
  if (!regeln || regeln.length === 0) return null;
  const form = leeresFormular();
  form.feiertageGeschlossen = false;
  for (const [i, regel] of regeln.entries()) {
    if (/^PH\s+(off|closed)$/.test(regel)) {
      // Only as the last rule does `PH off` mean "closed on holidays" for every day.
      if (i !== regeln.length - 1) return null;
      form.feiertageGeschlossen = true;
      continue;
    }
    const m = /^(\S+)\s+(.+)$/.exec(regel);
    if (!m || !TAGE_AUSDRUCK.test(m[1])) return null;
    const tage = tageVon(m[1]);
    const rest = m[2].trim();
    let zeile: TagesZeile;
    if (/^(off|closed)$/.test(rest)) zeile = { zeiten: [] };
    else {
      // `Mo 09:00-11:00 open "Frauenfrühstück"`; without `open` the library reads „unknown“.
      const k = /^(?:(\S+)\s+open\s+)?"([^"]*)"$/.exec(rest);
      const zeitText = k ? k[1] : rest;
      const kommentar = k ? k[2].trim() : undefined;
      if (k && !kommentar) return null;
      const zeiten = zeitText === undefined ? [] : zeitenVon(zeitText);
      if (!zeiten) return null;
      zeile = kommentar ? { zeiten, kommentar } : { zeiten };
    }
    for (const tag of tage) form.tage[tag] = { zeiten: zeile.zeiten.map((z) => ({ ...z })), ...(zeile.kommentar ? { kommentar: zeile.kommentar } : {}) };
  }
  return form;
}

/** Only complete, sensible ranges count; half-typed rows in the form are left out of the text. */
export function vollstaendig(z: Zeitraum): boolean {
  return UHRZEIT.test(z.von) && UHRZEIT.test(z.bis) && z.von !== z.bis;
}

function zeilenSchluessel(zeile: TagesZeile): string {
  const zeiten = zeile.zeiten
    .filter(vollstaendig)
    .sort((a, b) => a.von.localeCompare(b.von))
    .map((z) => `${z.von}-${z.bis}`)
    .join(',');
  const kommentar = zeile.kommentar?.replace(/"/g, '').trim();
  if (!kommentar) return zeiten;
  return zeiten ? `${zeiten} open "${kommentar}"` : `"${kommentar}"`;
}

/** [Mo, Tu, We, Fr] → `Mo-We,Fr`; two neighbouring days stay a list (`Mo,Tu`). */
function tageAusdruck(tage: Tag[]): string {
  const idx = tage.map((t) => TAGE.indexOf(t)).sort((a, b) => a - b);
  const teile: string[] = [];
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j] + 1) j++;
    if (j - i >= 2) teile.push(`${TAGE[idx[i]]}-${TAGE[idx[j]]}`);
    else for (let k = i; k <= j; k++) teile.push(TAGE[idx[k]]);
    i = j + 1;
  }
  return teile.join(',');
}

/**
 * The OSM text for the form: days with the same hours share one rule, in weekday order,
 * `PH off` last. Closed days are simply not mentioned (closed is the default).
 */
export function formularZuText(form: OeffnungszeitenForm): string {
  const gruppen = new Map<string, Tag[]>();
  for (const tag of TAGE) {
    const schluessel = zeilenSchluessel(form.tage[tag]);
    if (!schluessel) continue;
    gruppen.set(schluessel, [...(gruppen.get(schluessel) ?? []), tag]);
  }
  const regeln = [...gruppen].map(([schluessel, tage]) => `${tageAusdruck(tage)} ${schluessel}`);
  if (form.feiertageGeschlossen) regeln.push('PH off');
  return regeln.join('; ');
}

/** True if nothing is open and nothing is said (an empty form writes no value). */
export function formularLeer(form: OeffnungszeitenForm): boolean {
  return TAGE.every((t) => !zeilenSchluessel(form.tage[t]));
}
