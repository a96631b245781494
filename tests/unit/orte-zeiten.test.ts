import { describe, expect, it } from 'vitest';
import { jsonFuerHtml, ortZeiten, tagesTexte, zeitenDaten } from '../../src/lib/orte-zeiten';
import { anzeigeFuer, berlinTag } from '../../src/scripts/status';
import { berlinWallToInstant } from '../../src/lib/time';

const berlin = (datum: string, zeit = '00:00') => berlinWallToInstant(datum, zeit);
const WERKTAGS = 'Mo-Fr 09:00-18:00; PH off';

describe('Öffnungszeiten pro Tag für „Heute:“ (beim Bauen berechnet)', () => {
  it('eine normale Woche', () => {
    expect(tagesTexte('Tu 14:00-18:00; Th 09:00-12:00,14:00-17:00', '2026-11-23', 7)).toEqual([
      'geschlossen',
      '14:00–18:00 Uhr',
      'geschlossen',
      '09:00–12:00 und 14:00–17:00 Uhr',
      'geschlossen',
      'geschlossen',
      'geschlossen',
    ]);
  });
  it('Fronleichnam (NRW) ist ein Feiertag: geschlossen mit Grund', () => {
    const woche = tagesTexte(WERKTAGS, '2026-06-01', 7);
    expect(woche[3]).toBe('geschlossen (Feiertag)'); // Donnerstag, 4. Juni 2026
    expect(woche[2]).toBe('09:00–18:00 Uhr');
    expect(woche[5]).toBe('geschlossen');
  });
  it('ein Tag nur mit Kommentar zeigt den Kommentar', () => {
    expect(tagesTexte('Mo 09:00-12:00; We "nur nach Vereinbarung"', '2026-11-23', 3)).toEqual(['09:00–12:00 Uhr', 'geschlossen', 'nur nach Vereinbarung']);
  });
  it('bis Mitternacht heißt „24:00“, über Mitternacht zählt zum Anfangstag – auch am Tag der Zeitumstellung', () => {
    expect(tagesTexte('Fr 18:00-24:00', '2026-11-27', 1)).toEqual(['18:00–24:00 Uhr']);
    // 25. Oktober 2026: Ende der Sommerzeit in der Nacht von Samstag auf Sonntag
    expect(tagesTexte('Sa 20:00-02:00', '2026-10-24', 2)).toEqual(['20:00–02:00 Uhr', 'geschlossen']);
    // A later rule for Sunday replaces Saturday's night there (OSM rule order): 20:00–24:00.
    expect(tagesTexte('Sa 20:00-02:00; Su 10:00-12:00', '2026-10-24', 2)).toEqual(['20:00–24:00 Uhr', '10:00–12:00 Uhr']);
  });
  it('eine abgelaufene Schließung wird nicht mehr mitgeschickt, eine laufende schon', () => {
    const jetzt = berlin('2026-11-25', '12:00');
    expect(ortZeiten(WERKTAGS, jetzt, '2026-11-24').zu).toBeUndefined();
    expect(ortZeiten(WERKTAGS, jetzt, '2026-11-25').zu).toBe('2026-11-25');
    expect(ortZeiten(WERKTAGS, jetzt, '2026-11-26', 3).h).toEqual(['vorübergehend geschlossen', 'vorübergehend geschlossen', '09:00–18:00 Uhr']);
  });
  it('ein Angebot ohne Zeiten ist „nach Vereinbarung“ und nie „jetzt geöffnet“', () => {
    const z = ortZeiten(undefined, berlin('2026-11-25', '12:00'), undefined, 3);
    expect(z).toEqual({ i: [], h: ['nach Vereinbarung', 'nach Vereinbarung', 'nach Vereinbarung'] });
  });
  it('JSON für die Seite kann das Skript-Element nicht schließen', () => {
    expect(jsonFuerHtml({ name: '</script><b>' })).toBe('{"name":"\\u003c/script>\\u003cb>"}');
  });
});

describe('Status im Browser: „Jetzt geöffnet“ aus den mitgeschickten Daten', () => {
  const gebaut = berlin('2026-11-25', '03:00'); // nächtlicher Build am Mittwoch
  const daten = zeitenDaten({ treff: ortZeiten(WERKTAGS, gebaut) }, gebaut);

  it('während der Öffnungszeit: geöffnet bis Feierabend', () => {
    const a = anzeigeFuer(daten, 'treff', berlin('2026-11-25', '11:00'));
    expect(a.status?.text).toBe('Jetzt geöffnet · bis 18:00');
    expect(a.heute).toBe('09:00–18:00 Uhr');
  });
  it('nach Mitternacht in Krefeld gilt der neue Tag, auch wenn das Gerät in New York noch den alten hat', () => {
    const jetzt = new Date('2026-11-25T23:30:00Z'); // 00:30 in Krefeld, 18:30 in New York
    expect(berlinTag(jetzt)).toBe('2026-11-26');
    const a = anzeigeFuer(daten, 'treff', jetzt);
    expect(a.status?.text).toBe('Öffnet heute um 09:00');
    expect(a.heute).toBe('09:00–18:00 Uhr');
  });
  it('am Wochenende: öffnet Montag', () => {
    expect(anzeigeFuer(daten, 'treff', berlin('2026-11-28', '10:00')).status?.text).toBe('Öffnet Montag 09:00');
  });
  it('an einem Feiertag: heute geschlossen (Feiertag)', () => {
    const vorWeihnachten = berlin('2026-12-21', '03:00');
    const d = zeitenDaten({ treff: ortZeiten(WERKTAGS, vorWeihnachten) }, vorWeihnachten);
    const a = anzeigeFuer(d, 'treff', berlin('2026-12-25', '11:00'));
    expect(a.status?.text).toBe('Heute geschlossen (Feiertag)');
    expect(a.heute).toBe('geschlossen (Feiertag)');
  });
  it('vorübergehend geschlossen: mit Datum', () => {
    const d = zeitenDaten({ treff: ortZeiten(WERKTAGS, gebaut, '2027-01-06') }, gebaut);
    expect(anzeigeFuer(d, 'treff', berlin('2026-11-25', '11:00')).status?.text).toBe('Vorübergehend geschlossen bis 6. Januar');
  });
  it('sind die Daten aufgebraucht (Seite wochenlang nicht neu gebaut), wird nichts behauptet', () => {
    expect(anzeigeFuer(daten, 'treff', berlin('2027-01-06', '11:00'))).toEqual({});
    expect(anzeigeFuer(daten, 'treff', berlin('2026-11-24', '11:00'))).toEqual({}); // Uhr des Geräts falsch
    expect(anzeigeFuer(daten, 'unbekannt', berlin('2026-11-25', '11:00'))).toEqual({});
  });
});

describe('Öffnungszeiten rund um die Uhr', () => {
  it('jeder Tag zeigt seinen ganzen Tag, auch wenn die Zeiträume aneinanderstoßen', () => {
    expect(tagesTexte('Mo-Su 00:00-24:00', '2026-11-23', 3)).toEqual(['00:00–24:00 Uhr', '00:00–24:00 Uhr', '00:00–24:00 Uhr']);
  });
});
