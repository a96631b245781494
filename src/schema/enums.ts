/**
 * The controlled lists of the content model. Every select in the CMS, every filter and every
 * label on the site comes from here: change a list once, and all of them follow.
 * `value` is what the content files store (stable, ASCII); `label` is what people read.
 */
export interface Choice<V extends string = string> {
  value: V;
  label: string;
}

function values<const T extends readonly Choice[]>(list: T) {
  return list.map((c) => c.value) as unknown as [T[number]['value'], ...T[number]['value'][]];
}

/** Label of a value from a list, or the value itself if it is not in the list. */
export function labelOf(list: readonly Choice[], value: string): string {
  return list.find((c) => c.value === value)?.label ?? value;
}

export const STADTBEZIRKE = [
  { value: 'mitte', label: 'Mitte' },
  { value: 'sued', label: 'Süd' },
  { value: 'west', label: 'West' },
  { value: 'nord', label: 'Nord' },
  { value: 'ost', label: 'Ost' },
  { value: 'huels', label: 'Hüls' },
  { value: 'oppum-linn', label: 'Oppum-Linn' },
  { value: 'uerdingen', label: 'Uerdingen' },
  { value: 'fischeln', label: 'Fischeln' },
] as const satisfies readonly Choice[];
export const STADTBEZIRK_WERTE = values(STADTBEZIRKE);

export const AKTEUR_TYPEN = [
  { value: 'traeger', label: 'Träger eines Treffs' },
  { value: 'kirchengemeinde', label: 'Kirchengemeinde' },
  { value: 'buergerverein', label: 'Bürgerverein' },
  { value: 'schule', label: 'Schule' },
  { value: 'kita', label: 'Kita' },
  { value: 'jugendeinrichtung', label: 'Jugendeinrichtung' },
  { value: 'senioreneinrichtung', label: 'Senioreneinrichtung' },
  { value: 'beratungsstelle', label: 'Beratungsstelle' },
  { value: 'wohnungsunternehmen', label: 'Wohnungsunternehmen' },
  { value: 'verein', label: 'Verein/Initiative' },
  { value: 'kultur', label: 'Kultur' },
  { value: 'sport', label: 'Sport' },
  { value: 'verwaltung', label: 'Stadtverwaltung' },
  { value: 'sonstige', label: 'Sonstige' },
] as const satisfies readonly Choice[];
export const AKTEUR_TYP_WERTE = values(AKTEUR_TYPEN);

/** Categories of Angebote and Termine; each has its own page under /angebote/<value>/. */
export const KATEGORIEN = [
  { value: 'beratung', label: 'Beratung' },
  { value: 'sprechstunde', label: 'Sprechstunden der Quartiershelfer*innen' },
  { value: 'begegnung', label: 'Begegnung & Café' },
  { value: 'kinder-familie', label: 'Kinder & Familie' },
  { value: 'jugend', label: 'Jugend' },
  { value: 'senioren', label: 'Senior*innen' },
  { value: 'sprache-bildung', label: 'Sprache & Bildung' },
  { value: 'gesundheit-bewegung', label: 'Gesundheit & Bewegung' },
  { value: 'kultur', label: 'Kultur' },
  { value: 'hilfe-alltag', label: 'Hilfe im Alltag' },
  { value: 'umwelt-quartier', label: 'Umwelt & Quartier' },
  { value: 'netzwerk', label: 'Netzwerk & Sozialraumkonferenz' },
] as const satisfies readonly Choice[];
export const KATEGORIE_WERTE = values(KATEGORIEN);

export const ZIELGRUPPEN = [
  { value: 'alle', label: 'Alle' },
  { value: 'kinder', label: 'Kinder' },
  { value: 'jugendliche', label: 'Jugendliche' },
  { value: 'eltern', label: 'Eltern und Familien' },
  { value: 'frauen', label: 'Frauen' },
  { value: 'maenner', label: 'Männer' },
  { value: 'senioren', label: 'Senior*innen' },
  { value: 'zugewanderte', label: 'Zugewanderte' },
  { value: 'arbeitsuchende', label: 'Arbeitsuchende' },
  { value: 'menschen-mit-behinderung', label: 'Menschen mit Behinderung' },
  { value: 'ehrenamtliche', label: 'Ehrenamtliche' },
  { value: 'fachkraefte', label: 'Fachkräfte und Netzwerk' },
] as const satisfies readonly Choice[];
export const ZIELGRUPPEN_WERTE = values(ZIELGRUPPEN);

/** Languages offered in Treffs, Angebote and Termine (not the site's UI languages). */
export const SPRACHEN = [
  { value: 'de', label: 'Deutsch' },
  { value: 'de-leicht', label: 'Leichte Sprache' },
  { value: 'en', label: 'Englisch' },
  { value: 'tr', label: 'Türkisch' },
  { value: 'ar', label: 'Arabisch' },
  { value: 'uk', label: 'Ukrainisch' },
  { value: 'ru', label: 'Russisch' },
  { value: 'pl', label: 'Polnisch' },
  { value: 'bg', label: 'Bulgarisch' },
  { value: 'ro', label: 'Rumänisch' },
  { value: 'fa', label: 'Persisch (Farsi/Dari)' },
  { value: 'ku', label: 'Kurdisch' },
  { value: 'fr', label: 'Französisch' },
  { value: 'es', label: 'Spanisch' },
  { value: 'it', label: 'Italienisch' },
  { value: 'el', label: 'Griechisch' },
  { value: 'sq', label: 'Albanisch' },
  { value: 'ti', label: 'Tigrinya' },
  { value: 'dgs', label: 'Deutsche Gebärdensprache' },
] as const satisfies readonly Choice[];
export const SPRACHEN_WERTE = values(SPRACHEN);

export const JA_NEIN_UNBEKANNT = [
  { value: 'ja', label: 'ja' },
  { value: 'nein', label: 'nein' },
  { value: 'unbekannt', label: 'unbekannt' },
] as const satisfies readonly Choice[];
export const JA_NEIN_UNBEKANNT_WERTE = values(JA_NEIN_UNBEKANNT);

export const KONTAKT_ROLLEN = [
  { value: 'quartiersentwicklung', label: 'Quartiersentwickler*in' },
  { value: 'treffleitung', label: 'Treffleitung' },
  { value: 'quartiershelfer', label: 'Quartiershelfer*in' },
  { value: 'sozialraumkoordination', label: 'Sozialraumkoordination' },
  { value: 'koordinierungsstelle', label: 'Koordinierungsstelle Gemeinwesenarbeit' },
] as const satisfies readonly Choice[];
export const KONTAKT_ROLLEN_WERTE = values(KONTAKT_ROLLEN);

/** Optional short summaries in the site's other UI languages (content itself stays German). */
export const UEBERSETZUNGS_SPRACHEN = ['en', 'tr', 'ar', 'uk'] as const;
