/**
 * The finder's filters (Quartier, Kategorie, stufenlos, Sprache, jetzt geöffnet) and their URL form.
 * The URL is the state: `?quartier=bleichpfad&stufenlos=ja` survives a reload and can be shared.
 * Runs in the browser and in tests; no imports.
 */
export interface TreffFilter {
  quartier: string;
  kategorie: string;
  sprache: string;
  stufenlos: boolean;
  offen: boolean;
}

/** What a place must tell about itself to be filtered. */
export interface Filterbar {
  /** Quartiere the place belongs to (a Treff: one). */
  quartiere: readonly string[];
  /** Categories of the Angebote there. */
  kategorien: readonly string[];
  sprachen: readonly string[];
  stufenlos: 'ja' | 'nein' | 'unbekannt';
}

/** The values a select may take; anything else in a URL is ignored rather than showing nothing. */
export interface Erlaubt {
  quartier?: readonly string[];
  kategorie?: readonly string[];
  sprache?: readonly string[];
}

export const KEIN_FILTER: TreffFilter = { quartier: '', kategorie: '', sprache: '', stufenlos: false, offen: false };

const JA = 'ja';

function wert(p: URLSearchParams, name: 'quartier' | 'kategorie' | 'sprache', erlaubt?: readonly string[]): string {
  const w = (p.get(name) ?? '').trim();
  return w && (!erlaubt || erlaubt.includes(w)) ? w : '';
}

/** Reads the filter from a query string (`location.search` or a form's data). */
export function filterAusParams(p: URLSearchParams, erlaubt: Erlaubt = {}): TreffFilter {
  return {
    quartier: wert(p, 'quartier', erlaubt.quartier),
    kategorie: wert(p, 'kategorie', erlaubt.kategorie),
    sprache: wert(p, 'sprache', erlaubt.sprache),
    stufenlos: p.get('stufenlos') === JA,
    offen: p.get('offen') === JA,
  };
}

/** The query string for a filter: only what is set, in a fixed order, so equal filters give equal URLs. */
export function filterAlsParams(f: TreffFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.quartier) p.set('quartier', f.quartier);
  if (f.kategorie) p.set('kategorie', f.kategorie);
  if (f.sprache) p.set('sprache', f.sprache);
  if (f.stufenlos) p.set('stufenlos', JA);
  if (f.offen) p.set('offen', JA);
  return p;
}

export function istGefiltert(f: TreffFilter): boolean {
  return Boolean(f.quartier || f.kategorie || f.sprache || f.stufenlos || f.offen);
}

/**
 * Whether a place passes the filter. `jetztOffen` comes from the status computed at view time.
 * „Stufenlos“ keeps only places known to be step-free: „unbekannt“ is not a promise.
 */
export function passt(o: Filterbar, f: TreffFilter, jetztOffen: boolean): boolean {
  if (f.quartier && !o.quartiere.includes(f.quartier)) return false;
  if (f.kategorie && !o.kategorien.includes(f.kategorie)) return false;
  if (f.sprache && !o.sprachen.includes(f.sprache)) return false;
  if (f.stufenlos && o.stufenlos !== 'ja') return false;
  if (f.offen && !jetztOffen) return false;
  return true;
}
