/**
 * UI strings, German (the source language). Other languages are files with the same keys.
 * Content text is not here: it lives in content/.
 */
export const de = {
  'site.name': 'Quartiersportal Krefeld',
  'site.claim': 'Treffs, Angebote und Termine in Ihrem Quartier',
  'skip.main': 'Zum Inhalt springen',
  'nav.label': 'Hauptnavigation',
  'nav.start': 'Start',
  'nav.quartiere': 'Quartiere',
  'nav.treffs': 'Treffs',
  'nav.angebote': 'Angebote',
  'nav.termine': 'Termine',
  'nav.ueber': 'Über uns',
  'footer.label': 'Service',
  'footer.stadt': 'Ein Angebot der Stadt Krefeld – Koordinierungsstelle für Gemeinwesenarbeit',
  'breadcrumb.label': 'Sie sind hier',
  'beispiel.badge': 'Beispieldaten',
  'beispiel.text': 'Diese Angaben sind Beispieldaten und noch nicht von der Einrichtung bestätigt.',
  'geprueft': 'Zuletzt geprüft am',
  'adresse': 'Adresse',
  'oeffnungszeiten': 'Öffnungszeiten',
  'feiertage.geschlossen': 'An Feiertagen geschlossen.',
  'feiertage.geoeffnet': 'Auch an Feiertagen geöffnet.',
  'feiertage.unbekannt': 'An Feiertagen: bitte vorher im Treff nachfragen.',
  'geschlossen': 'geschlossen',
  'barrierefreiheit': 'Barrierefreiheit',
  'sprachen': 'Hier spricht man',
  'oepnv': 'Bus und Bahn',
  'kontakt': 'Kontakt',
  'traeger': 'Träger',
  'angebote.hier': 'Angebote hier',
  'termine.naechste': 'Nächste Termine',
  'termine.keine': 'Zurzeit sind keine Termine eingetragen.',
  'angebote.keine': 'Zurzeit sind keine Angebote eingetragen.',
  'faellt.aus': 'Fällt aus',
  'abgesagt': 'Abgesagt',
  'kostenlos': 'kostenlos',
  'anmeldung.noetig': 'Anmeldung nötig',
  'anmeldung.nicht': 'Ohne Anmeldung – einfach vorbeikommen',
  'nach.vereinbarung': 'Nach Vereinbarung',
  'zielgruppen': 'Für wen?',
  'kosten': 'Kosten',
  'zeiten': 'Wann?',
  'ort': 'Wo?',
  'kategorie': 'Kategorie',
  'veranstalter': 'Veranstalter',
  'mehr.ueber': 'Mehr über',
  'sprache.label': 'Sprache',
  'sprache.hinweis': 'Die Inhalte dieser Seite sind auf Deutsch.',
} as const;

export type UiKey = keyof typeof de;

export function t(key: UiKey): string {
  return de[key];
}
