import { describe, expect, it } from 'vitest';
import { expandOccurrences, naechsteTermine, serienBeschreibung, startPasstZurRegel, type TerminLike } from '../../src/lib/recurrence';
import { berlinParts, berlinWallToInstant } from '../../src/lib/time';

const berlin = (datum: string, zeit = '00:00') => berlinWallToInstant(datum, zeit);
const daten = (occ: Array<{ datum: string }>) => occ.map((o) => o.datum);
const uhrzeiten = (occ: Array<{ start: Date }>) => occ.map((o) => berlinParts(o.start).zeit);

/** Tuesday 10:00–12:00, weekly, starting 6 October 2026 (an Elterncafé). */
const elterncafe: TerminLike = {
  datum: '2026-10-06',
  beginn: '10:00',
  ende: '12:00',
  ganztaegig: false,
  wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=TU', ausnahmen: [], zusatztermine: [] },
  ausfaelle: [],
  abgesagt: false,
};

describe('Serientermine', () => {
  it('ein wöchentlicher Termin bleibt nach der Zeitumstellung im Herbst um 10:00', () => {
    const occ = expandOccurrences(elterncafe, 'elterncafe', berlin('2026-10-19'), berlin('2026-11-04'));
    expect(daten(occ)).toEqual(['2026-10-20', '2026-10-27', '2026-11-03']);
    expect(uhrzeiten(occ)).toEqual(['10:00', '10:00', '10:00']);
    expect(occ.map((o) => o.start.toISOString())).toEqual(['2026-10-20T08:00:00.000Z', '2026-10-27T09:00:00.000Z', '2026-11-03T09:00:00.000Z']);
    expect(occ.map((o) => berlinParts(o.end).zeit)).toEqual(['12:00', '12:00', '12:00']);
  });

  it('ein wöchentlicher Termin bleibt nach der Zeitumstellung im Frühling um 10:00', () => {
    const sonntags: TerminLike = { ...elterncafe, datum: '2027-03-21', wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=SU' } };
    const occ = expandOccurrences(sonntags, 'fruehstueck', berlin('2027-03-20'), berlin('2027-04-05'));
    expect(daten(occ)).toEqual(['2027-03-21', '2027-03-28', '2027-04-04']);
    expect(occ.map((o) => o.start.toISOString())).toEqual(['2027-03-21T09:00:00.000Z', '2027-03-28T08:00:00.000Z', '2027-04-04T08:00:00.000Z']);
  });

  it('ein Termin in der übersprungenen Stunde beginnt um 03:30 Sommerzeit', () => {
    const nachts: TerminLike = { datum: '2027-03-27', beginn: '02:30', ganztaegig: false, wiederholung: { regel: 'FREQ=DAILY;COUNT=3' } };
    expect(uhrzeiten(expandOccurrences(nachts, 'n', berlin('2027-03-27'), berlin('2027-03-31')))).toEqual(['02:30', '03:30', '02:30']);
  });

  it('lässt Ausnahmen (EXDATE) weg, z. B. in den Ferien', () => {
    const t: TerminLike = { ...elterncafe, wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=TU', ausnahmen: ['2026-12-22', '2026-12-29'] } };
    expect(daten(expandOccurrences(t, 'e', berlin('2026-12-14'), berlin('2027-01-10')))).toEqual(['2026-12-15', '2027-01-05']);
  });

  it('fügt Zusatztermine (RDATE) zur selben Uhrzeit hinzu und kennzeichnet sie', () => {
    const t: TerminLike = { ...elterncafe, wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=TU', zusatztermine: ['2026-12-17', '2026-12-15'] } };
    const occ = expandOccurrences(t, 'e', berlin('2026-12-14'), berlin('2026-12-21'));
    expect(occ.map((o) => [o.datum, berlinParts(o.start).zeit, o.zusatztermin])).toEqual([
      ['2026-12-15', '10:00', false],
      ['2026-12-17', '10:00', true],
    ]);
  });

  it('findet jeden 2. Mittwoch im Monat', () => {
    const t: TerminLike = { datum: '2026-12-09', beginn: '18:00', ganztaegig: false, wiederholung: { regel: 'FREQ=MONTHLY;BYDAY=2WE' } };
    expect(daten(expandOccurrences(t, 's', berlin('2026-12-01'), berlin('2027-05-01')))).toEqual([
      '2026-12-09',
      '2027-01-13',
      '2027-02-10',
      '2027-03-10',
      '2027-04-14',
    ]);
  });

  it('hört nach der angegebenen Anzahl Termine auf (COUNT)', () => {
    const t: TerminLike = { ...elterncafe, wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3' } };
    expect(daten(expandOccurrences(t, 'e', berlin('2026-01-01'), berlin('2028-01-01')))).toEqual(['2026-10-06', '2026-10-13', '2026-10-20']);
  });

  it('schließt den letzten Tag ein, wenn die Serie bis zu einem Datum läuft (UNTIL=20270630)', () => {
    const t: TerminLike = { datum: '2027-06-02', beginn: '19:00', ganztaegig: false, wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=WE;UNTIL=20270630' } };
    expect(daten(expandOccurrences(t, 'c', berlin('2027-06-01'), berlin('2027-12-31')))).toEqual([
      '2027-06-02',
      '2027-06-09',
      '2027-06-16',
      '2027-06-23',
      '2027-06-30',
    ]);
  });

  it('versteht UNTIL auch als UTC-Zeitpunkt', () => {
    const t: TerminLike = { datum: '2027-06-23', beginn: '19:00', ganztaegig: false, wiederholung: { regel: 'FREQ=WEEKLY;UNTIL=20270630T170000Z' } };
    expect(daten(expandOccurrences(t, 'c', berlin('2027-06-01'), berlin('2027-12-31')))).toEqual(['2027-06-23', '2027-06-30']);
  });

  it('zeigt einen einzelnen ausgefallenen Termin weiter an, mit Grund', () => {
    const t: TerminLike = { ...elterncafe, ausfaelle: [{ datum: '2026-10-13', grund: 'Krankheit' }] };
    const occ = expandOccurrences(t, 'elterncafe', berlin('2026-10-06'), berlin('2026-10-21'));
    expect(occ.map((o) => [o.key, o.ausgefallen, o.grund])).toEqual([
      ['elterncafe@2026-10-06', false, undefined],
      ['elterncafe@2026-10-13', true, 'Krankheit'],
      ['elterncafe@2026-10-20', false, undefined],
    ]);
  });

  it('markiert bei einer abgesagten Serie jeden Termin als ausgefallen', () => {
    const t: TerminLike = { ...elterncafe, abgesagt: true, absage_grund: 'Der Treff schließt.' };
    const occ = expandOccurrences(t, 'e', berlin('2026-10-06'), berlin('2026-10-21'));
    expect(occ).toHaveLength(3);
    expect(occ.every((o) => o.ausgefallen && o.grund === 'Der Treff schließt.')).toBe(true);
  });

  it('zeigt laufende Termine: was sich mit dem Zeitraum überschneidet, ist dabei', () => {
    const einzeln: TerminLike = { datum: '2026-12-03', beginn: '15:00', ende: '17:00', ganztaegig: false };
    expect(expandOccurrences(einzeln, 'x', berlin('2026-12-03', '16:00'), berlin('2026-12-04'))).toHaveLength(1);
    expect(expandOccurrences(einzeln, 'x', berlin('2026-12-03', '17:00'), berlin('2026-12-04'))).toHaveLength(0);
    expect(expandOccurrences(einzeln, 'x', berlin('2026-12-01'), berlin('2026-12-03', '15:00'))).toHaveLength(0);
  });

  it('sortiert nach Beginn und ist in jeder Zeitzone des Rechners gleich', () => {
    const t: TerminLike = { ...elterncafe, wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=TU', zusatztermine: ['2026-10-01'] } };
    const occ = expandOccurrences(t, 'e', berlin('2026-09-28'), berlin('2026-10-14'));
    expect(occ.map((o) => o.start.toISOString())).toEqual(['2026-10-01T08:00:00.000Z', '2026-10-06T08:00:00.000Z', '2026-10-13T08:00:00.000Z']);
  });
});

describe('Wiederholte Abfragen derselben Reihe (die Termine einer Regel werden je Build gemerkt)', () => {
  // A rule of its own, so no other test has asked for its dates before.
  const montags: TerminLike = { ...elterncafe, datum: '2026-01-05', wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=MO;INTERVAL=1' } };

  it('ein späteres Fenster nach einem früheren, ein früheres nach einem späteren: dieselben Termine', () => {
    expect(daten(expandOccurrences(montags, 'm', berlin('2026-03-01'), berlin('2026-03-17')))).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    // Years beyond what the first question made known.
    expect(daten(expandOccurrences(montags, 'm', berlin('2031-01-01'), berlin('2031-01-14')))).toEqual(['2031-01-06', '2031-01-13']);
    expect(daten(expandOccurrences(montags, 'm', berlin('2026-01-01'), berlin('2026-01-13')))).toEqual(['2026-01-05', '2026-01-12']);
    // Window edges: a date at exactly the end of the window is outside, at its start inside.
    expect(daten(expandOccurrences(montags, 'm', berlin('2026-03-09', '10:00'), berlin('2026-03-16', '10:00')))).toEqual(['2026-03-09']);
  });

  it('dieselbe Regel mit anderem Beginn oder Start ist eine andere Reihe', () => {
    expect(daten(expandOccurrences({ ...montags, datum: '2026-03-09' }, 'm2', berlin('2026-03-01'), berlin('2026-03-17')))).toEqual(['2026-03-09', '2026-03-16']);
    const abends = expandOccurrences({ ...montags, beginn: '19:00', ende: '21:00' }, 'm3', berlin('2026-03-01'), berlin('2026-03-10'));
    expect(uhrzeiten(abends)).toEqual(['19:00', '19:00']);
  });
});

describe('Einzeltermine', () => {
  it('hat genau einen Termin', () => {
    const t: TerminLike = { datum: '2026-12-03', beginn: '15:00', ende: '17:00', ganztaegig: false };
    const [o, ...rest] = expandOccurrences(t, 'adventsfeier', berlin('2026-12-01'), berlin('2026-12-31'));
    expect(rest).toEqual([]);
    expect(o).toEqual({
      terminId: 'adventsfeier',
      key: 'adventsfeier@2026-12-03',
      datum: '2026-12-03',
      endeDatum: '2026-12-03',
      beginn: '15:00',
      ende: '17:00',
      ganztaegig: false,
      start: new Date('2026-12-03T14:00:00Z'),
      end: new Date('2026-12-03T16:00:00Z'),
      ausgefallen: false,
      zusatztermin: false,
    });
  });

  it('ein ganztägiger mehrtägiger Termin reicht von Mitternacht bis Mitternacht in Krefeld', () => {
    const t: TerminLike = { datum: '2026-12-03', ende_datum: '2026-12-05', ganztaegig: true };
    const [o] = expandOccurrences(t, 'markt', berlin('2026-12-05', '12:00'), berlin('2026-12-06'));
    expect(o).toMatchObject({ datum: '2026-12-03', endeDatum: '2026-12-05', ganztaegig: true });
    expect(o.start.toISOString()).toBe('2026-12-02T23:00:00.000Z');
    expect(o.end.toISOString()).toBe('2026-12-05T23:00:00.000Z');
    expect(o.beginn).toBeUndefined();
  });

  it('ein abgesagter Einzeltermin bleibt sichtbar, mit Grund', () => {
    const t: TerminLike = { datum: '2026-12-03', beginn: '15:00', ganztaegig: false, abgesagt: true, absage_grund: 'Raum nicht verfügbar' };
    expect(expandOccurrences(t, 'x', berlin('2026-12-01'), berlin('2026-12-31'))).toMatchObject([
      { ausgefallen: true, grund: 'Raum nicht verfügbar' },
    ]);
  });

  it('ein Termin ohne Ende läuft für die Übersicht bis Mitternacht', () => {
    const t: TerminLike = { datum: '2026-12-03', beginn: '19:00', ganztaegig: false };
    const [o] = expandOccurrences(t, 'x', berlin('2026-12-03', '22:00'), berlin('2026-12-04'));
    expect(o.ende).toBeUndefined();
    expect(o.end.toISOString()).toBe('2026-12-03T23:00:00.000Z');
  });
});

describe('Nächste Termine', () => {
  it('nennt die nächsten Termine, ein gerade laufender zählt mit', () => {
    const occ = naechsteTermine(elterncafe, 'e', berlin('2026-11-03', '11:00'), 3);
    expect(daten(occ)).toEqual(['2026-11-03', '2026-11-10', '2026-11-17']);
  });

  it('findet auch den nächsten Termin einer jährlichen Serie', () => {
    const t: TerminLike = { datum: '2026-09-20', beginn: '11:00', ganztaegig: false, wiederholung: { regel: 'FREQ=YEARLY' } };
    expect(daten(naechsteTermine(t, 'fest', berlin('2026-10-01'), 3))).toEqual(['2027-09-20', '2028-09-20', '2029-09-20']);
  });

  it('gibt nichts zurück, wenn alles vorbei ist', () => {
    const t: TerminLike = { ...elterncafe, wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2' } };
    expect(naechsteTermine(t, 'e', berlin('2027-01-01'), 5)).toEqual([]);
  });
});

describe('Serie in Worten', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=TU', 'jeden Dienstag'],
    ['RRULE:FREQ=WEEKLY;BYDAY=TU,TH', 'jeden Dienstag und Donnerstag'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', 'alle 2 Wochen am Donnerstag'],
    ['FREQ=MONTHLY;BYDAY=2WE', 'jeden 2. Mittwoch im Monat'],
    ['FREQ=MONTHLY;BYDAY=WE;BYSETPOS=2', 'jeden 2. Mittwoch im Monat'],
    ['FREQ=MONTHLY;BYDAY=-1FR', 'jeden letzten Freitag im Monat'],
    ['FREQ=MONTHLY;BYDAY=1MO,3MO', 'jeden 1. und 3. Montag im Monat'],
    ['FREQ=DAILY', 'täglich'],
    ['FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', 'montags bis freitags'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'montags bis freitags'],
    ['FREQ=WEEKLY;BYDAY=MO,WE,FR', 'jeden Montag, Mittwoch und Freitag'],
    ['FREQ=DAILY;INTERVAL=2', 'alle 2 Tage'],
    ['FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1', 'alle 2 Monate am 1.'],
    ['FREQ=MONTHLY;BYMONTHDAY=15', 'jeden Monat am 15.'],
    ['FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630', 'jeden Dienstag bis 30. Juni 2027'],
    ['FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T215959Z', 'jeden Dienstag bis 30. Juni 2027'],
    ['FREQ=MONTHLY;BYDAY=2WE;COUNT=10', 'jeden 2. Mittwoch im Monat, 10 Termine'],
  ])('%s → „%s“', (regel, text) => {
    expect(serienBeschreibung(regel)).toBe(text);
  });

  it('nimmt den Wochentag oder Monatstag aus dem ersten Datum, wenn die Regel ihn nicht nennt', () => {
    expect(serienBeschreibung('FREQ=WEEKLY', '2026-12-03')).toBe('jeden Donnerstag');
    expect(serienBeschreibung('FREQ=MONTHLY', '2026-12-03')).toBe('jeden Monat am 3.');
    expect(serienBeschreibung('FREQ=YEARLY', '2026-12-03')).toBe('jedes Jahr am 3. Dezember');
  });
});

describe('Erster Termin und Regel', () => {
  it('erkennt, wenn das Datum selbst nicht zur Regel passt', () => {
    expect(startPasstZurRegel('2026-10-06', 'FREQ=WEEKLY;BYDAY=TU', '10:00')).toBe(true);
    expect(startPasstZurRegel('2026-10-05', 'FREQ=WEEKLY;BYDAY=TU', '10:00')).toBe(false);
  });
});
