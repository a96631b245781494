import { describe, expect, it } from 'vitest';
import {
  addDays,
  berlinOffsetMinutes,
  berlinParts,
  berlinWallToInstant,
  formatDatumKurz,
  formatDatumLang,
  formatTerminzeit,
  formatZeitspanne,
  heuteBerlin,
  tageZwischen,
  wochentagVon,
} from '../../src/lib/time';

const iso = (d: Date) => d.toISOString();

describe('Krefelder Zeit unabhängig von der Zeitzone des Rechners', () => {
  it('kennt Winter- und Sommerzeit', () => {
    expect(berlinOffsetMinutes(new Date('2026-12-03T12:00:00Z'))).toBe(60);
    expect(berlinOffsetMinutes(new Date('2026-07-01T12:00:00Z'))).toBe(120);
  });

  it('wechselt genau zur Zeitumstellung die Stunde (25. Oktober 2026 und 28. März 2027)', () => {
    expect(berlinOffsetMinutes(new Date('2026-10-25T00:59:59Z'))).toBe(120);
    expect(berlinOffsetMinutes(new Date('2026-10-25T01:00:00Z'))).toBe(60);
    expect(berlinOffsetMinutes(new Date('2027-03-28T00:59:59Z'))).toBe(60);
    expect(berlinOffsetMinutes(new Date('2027-03-28T01:00:00Z'))).toBe(120);
  });

  it('rechnet eine Krefelder Uhrzeit in den richtigen Zeitpunkt um', () => {
    expect(iso(berlinWallToInstant('2026-12-03', '15:00'))).toBe('2026-12-03T14:00:00.000Z');
    expect(iso(berlinWallToInstant('2026-07-01', '10:00'))).toBe('2026-07-01T08:00:00.000Z');
    expect(iso(berlinWallToInstant('2027-03-28', '03:00'))).toBe('2027-03-28T01:00:00.000Z');
    expect(iso(berlinWallToInstant('2026-12-03', '24:00'))).toBe('2026-12-03T23:00:00.000Z');
  });

  it('schiebt eine Uhrzeit aus der übersprungenen Stunde (02:30 am 28. März 2027) auf 03:30 Sommerzeit', () => {
    const t = berlinWallToInstant('2027-03-28', '02:30');
    expect(iso(t)).toBe('2027-03-28T01:30:00.000Z');
    expect(berlinParts(t).zeit).toBe('03:30');
  });

  it('nimmt bei der doppelten Stunde (02:30 am 25. Oktober 2026) die erste, noch Sommerzeit', () => {
    expect(iso(berlinWallToInstant('2026-10-25', '02:30'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('zerlegt einen Zeitpunkt in Krefelder Datum, Uhrzeit und Wochentag', () => {
    const p = berlinParts(new Date('2026-12-31T23:30:00Z'));
    expect(p).toMatchObject({ datum: '2027-01-01', zeit: '00:30', wochentag: 5, year: 2027, month: 1, day: 1, hour: 0, minute: 30 });
    expect(berlinParts(new Date('2026-11-29T23:00:00Z'))).toMatchObject({ datum: '2026-11-30', zeit: '00:00', wochentag: 1 });
  });

  it('„heute“ ist der Krefelder Tag, auch wenn es in New York noch gestern ist', () => {
    expect(heuteBerlin(new Date('2026-11-25T23:30:00Z'))).toBe('2026-11-26');
    expect(heuteBerlin(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(heuteBerlin(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('zählt Kalendertage über Monats-, Jahres- und Zeitumstellungsgrenzen', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(tageZwischen('2026-10-24', '2026-10-26')).toBe(2);
    expect(wochentagVon('2027-05-27')).toBe(4);
    expect(wochentagVon('2026-11-01')).toBe(7);
  });
});

describe('Datum und Uhrzeit auf Deutsch', () => {
  it('schreibt das Datum lang aus', () => {
    expect(formatDatumLang('2026-12-03')).toBe('Donnerstag, 3. Dezember 2026');
  });

  it('schreibt das Datum kurz für Listen', () => {
    expect(formatDatumKurz('2026-12-03')).toBe('Do., 3. Dez.');
    expect(formatDatumKurz('2027-03-01')).toBe('Mo., 1. März');
  });

  it('verschiebt ein Datum nie auf den Vortag', () => {
    expect(formatDatumLang('2027-01-01')).toBe('Freitag, 1. Januar 2027');
  });

  it('nennt Beginn und Ende, nur den Beginn oder „ganztägig“', () => {
    expect(formatZeitspanne('15:00', '17:00', false)).toBe('15:00–17:00 Uhr');
    expect(formatZeitspanne('15:00', undefined, false)).toBe('ab 15:00 Uhr');
    expect(formatZeitspanne('15:00', '17:00', true)).toBe('ganztägig');
    expect(formatZeitspanne(undefined, undefined, false)).toBe('');
  });

  it('beschreibt einen Termin in einer Zeile', () => {
    expect(formatTerminzeit({ datum: '2026-12-01', beginn: '15:00', ende: '17:00', ganztaegig: false })).toBe(
      'Dienstag, 1. Dezember 2026, 15:00–17:00 Uhr',
    );
    expect(formatTerminzeit({ datum: '2026-12-01', endeDatum: '2026-12-01', ganztaegig: true })).toBe('Dienstag, 1. Dezember 2026, ganztägig');
  });

  it('fasst mehrtägige Termine zusammen', () => {
    expect(formatTerminzeit({ datum: '2026-12-03', endeDatum: '2026-12-05', ganztaegig: true })).toBe('3.–5. Dezember 2026');
    expect(formatTerminzeit({ datum: '2026-11-30', endeDatum: '2026-12-02', ganztaegig: true })).toBe('30. November\u2009–\u20092. Dezember 2026');
    expect(formatTerminzeit({ datum: '2026-12-03', endeDatum: '2026-12-05', beginn: '15:00', ende: '17:00', ganztaegig: false })).toBe(
      '3.–5. Dezember 2026, 15:00–17:00 Uhr',
    );
  });
});

describe('berlinParts rechnet wie Intl', () => {
  // berlinParts reads the offset from Intl once per UTC hour and the fields by arithmetic; it must
  // give what Intl's time-zone data gives, around every clock change of several years included.
  const intl = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Berlin',
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const nachIntl = (d: Date) => {
    const p = Object.fromEntries(intl.formatToParts(d).map(({ type, value }) => [type, value]));
    const wt = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 }[p.weekday as string];
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${wt}`;
  };
  const alsText = (d: Date) => {
    const b = berlinParts(d);
    expect(b.datum).toBe(`${b.year}-${String(b.month).padStart(2, '0')}-${String(b.day).padStart(2, '0')}`);
    expect(b.zeit).toBe(`${String(b.hour).padStart(2, '0')}:${String(b.minute).padStart(2, '0')}`);
    return `${b.datum} ${b.zeit}:${String(b.second).padStart(2, '0')} ${b.wochentag}`;
  };

  it('für jede Viertelstunde um alle Zeitumstellungen 2024–2030 und Stichproben dazwischen', () => {
    const zeitpunkte: Date[] = [];
    for (let jahr = 2024; jahr <= 2030; jahr++) {
      for (const monat of [2, 9]) {
        // The last Sunday of March (2) and October (9): a day either side in steps of 15 min and 1 s.
        const letzter = new Date(Date.UTC(jahr, monat + 1, 0));
        const sonntag = Date.UTC(jahr, monat, letzter.getUTCDate() - letzter.getUTCDay());
        for (let t = sonntag - 86_400_000; t <= sonntag + 2 * 86_400_000; t += 900_000) zeitpunkte.push(new Date(t), new Date(t + 59_999));
      }
    }
    // A pseudo-random walk over the years, seconds included.
    for (let t = Date.UTC(2024, 0, 1), i = 0; i < 5000; i++, t += 37_123_457) zeitpunkte.push(new Date(t));
    for (const d of zeitpunkte) expect(alsText(d), d.toISOString()).toBe(nachIntl(d));
  });

  it('Mitternacht und der Jahreswechsel', () => {
    expect(alsText(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01 00:00:00 5');
    expect(alsText(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31 23:59:59 4');
  });
});
