/**
 * The interface in the page's language where it is put together from pieces: the opening status,
 * a day's hours, a week in one line, a series in words, and the content model's labels.
 * German is covered by the tests of each module; these check that the other languages get their
 * own words, weekdays and numbers — and no German.
 */
import { describe, expect, it } from 'vitest';
import { beschrifter, serienSprache, sprache, zeitenSprache } from '../../src/i18n';
import { kompakteIntervalle, oeffnungsStatus } from '../../src/lib/opening-hours';
import { zeitenKurz } from '../../src/lib/opening-hours-kurz';
import { ortZeiten, ortZeitenIn, tagesTexte, zeitenDaten, zeitenInSprache } from '../../src/lib/orte-zeiten';
import { serienBeschreibung } from '../../src/lib/recurrence';
import { anzeigeFuer } from '../../src/scripts/status';
import { entfernungText } from '../../src/lib/entfernung';
import { berlinWallToInstant, formatTerminzeit } from '../../src/lib/time';

const berlin = (datum: string, zeit = '00:00') => berlinWallToInstant(datum, zeit);
const OH = 'Mo 10:00-12:00; Tu 14:00-17:00; Th 09:00-12:00,14:00-16:00; PH off';
/** Left-to-right isolation around times in Arabic (src/lib/time.ts). */
const LRI = '\u2066';
const PDI = '\u2069';

describe('„Jetzt geöffnet“ in der Sprache der Seite', () => {
  const iv = kompakteIntervalle(OH, berlin('2026-11-30'));
  const status = (code: string, datum: string, zeit: string) => oeffnungsStatus(iv, berlin(datum, zeit), {}, zeitenSprache(code).status).text;

  it('Englisch', () => {
    expect(status('en', '2026-11-30', '11:00')).toBe('Open now · until 12:00');
    expect(status('en', '2026-12-01', '10:00')).toBe('Opens today at 14:00');
    expect(status('en', '2026-12-01', '18:00')).toBe('Opens Thursday at 09:00');
    expect(status('en', '2026-12-04', '12:00')).toBe('Opens Monday at 10:00');
  });
  it('Türkisch, Ukrainisch und Arabisch mit ihren Wochentagen', () => {
    expect(status('tr', '2026-12-04', '12:00')).toBe('Açılış: Pazartesi 10:00');
    expect(status('uk', '2026-12-04', '12:00')).toBe('Відчиняється: понеділок, 10:00');
    expect(status('ar', '2026-12-04', '12:00')).toBe('يفتح الاثنين الساعة 10:00');
    expect(status('uk', '2026-12-02', '12:00')).toBe('Відчиняється: завтра о 09:00');
  });
  it('vorübergehend geschlossen: Datum in der Sprache der Seite', () => {
    const t = oeffnungsStatus(iv, berlin('2026-11-30', '11:00'), { geschlossenBis: '2027-01-06' }, zeitenSprache('en').status).text;
    expect(t).toBe('Temporarily closed until 6 January');
  });
  it('ein Feiertag heißt in jeder Sprache so, wie sie es sagt', () => {
    const t = oeffnungsStatus(iv, berlin('2026-12-25', '11:00'), { feiertagHeute: true }, zeitenSprache('ar').status).text;
    expect(t).toBe('مغلق اليوم (عطلة رسمية)');
  });
});

describe('Die Öffnungszeiten eines Tages („Heute: …“)', () => {
  it('in Englisch ohne „Uhr“, Listen mit „and“', () => {
    expect(tagesTexte(OH, '2026-11-30', 4, zeitenSprache('en').tag)).toEqual(['10:00–12:00', '14:00–17:00', 'closed', '09:00–12:00 and 14:00–16:00']);
  });
  it('in Arabisch bleiben die Zeiten von links nach rechts lesbar', () => {
    expect(tagesTexte(OH, '2026-11-30', 1, zeitenSprache('ar').tag)).toEqual([`${LRI}10:00–12:00${PDI}`]);
  });
  it('die Seite bekommt die Tage, den Status und die Sprache in ihrer Sprache', () => {
    const gebaut = berlin('2026-11-30', '03:00');
    const z = ortZeiten(OH, gebaut, '2026-11-30');
    const { tag, status } = zeitenSprache('uk');
    const d = zeitenInSprache(zeitenDaten({ treff: z }, gebaut), tag, status);
    expect(d.l).toBe(sprache('uk').meta.locale);
    expect(d.o.treff.h.slice(0, 2)).toEqual(['тимчасово зачинено', '14:00–17:00']);
    expect(anzeigeFuer(d, 'treff', berlin('2026-12-01', '15:00')).status?.text).toBe('Зараз відчинено · зачиняється: 17:00');
    // Nothing German shipped; the German data itself is unchanged.
    expect(JSON.stringify(d)).not.toMatch(/geschlossen|Uhr|Öffnet/);
    expect(z.h[0]).toBe('vorübergehend geschlossen');
  });
  it('Daten, die nicht aus ortZeiten kommen, bleiben, wie sie sind', () => {
    const fremd = { i: [], h: ['x'] };
    expect(ortZeitenIn(fremd, zeitenSprache('en').tag)).toBe(fremd);
  });
});

describe('Die Woche in einer Zeile', () => {
  it('Wochentage und Verbindungswörter der Sprache', () => {
    const kurz = (code: string) => zeitenKurz('Mo-Fr 09:00-18:00; Sa 10:00-12:00', undefined, { locale: sprache(code).meta.locale, aufAnfrage: '–' });
    expect(kurz('de')).toBe('Mo–Fr 09:00–18:00, Sa 10:00–12:00');
    expect(kurz('en')).toBe('Mon–Fri 09:00–18:00, Sat 10:00–12:00');
    expect(kurz('ar')).toBe(`الاثنين–الجمعة ${LRI}09:00–18:00${PDI}، السبت ${LRI}10:00–12:00${PDI}`);
  });
  it('ohne Zeiten: der Satz der Sprache', () => {
    expect(zeitenKurz('Mo off', undefined, { locale: 'en-GB', aufAnfrage: 'Times on request' })).toBe('Times on request');
  });
});

describe('Eine Terminreihe in Worten', () => {
  const in_ = (code: string, regel: string, datum?: string) => serienBeschreibung(regel, datum, serienSprache(code));
  it('Englisch', () => {
    expect(in_('en', 'FREQ=WEEKLY;BYDAY=WE;UNTIL=20270630')).toBe('every Wednesday until 30 June 2027');
    expect(in_('en', 'FREQ=MONTHLY;BYDAY=1TU,3TU')).toBe('every 1st and 3rd Tuesday of the month');
    expect(in_('en', 'FREQ=MONTHLY;BYDAY=-1FR')).toBe('every last Friday of the month');
    expect(in_('en', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH')).toBe('every 2 weeks on Thursday');
    expect(in_('en', 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR')).toBe('Monday to Friday');
    expect(in_('en', 'FREQ=YEARLY', '2026-12-03')).toBe('every year on 3 December');
    expect(in_('en', 'FREQ=WEEKLY;COUNT=10', '2026-12-03')).toBe('every Thursday, 10 dates');
  });
  it('Türkisch, Arabisch, Ukrainisch', () => {
    expect(in_('tr', 'FREQ=WEEKLY;BYDAY=WE')).toBe('her Çarşamba');
    expect(in_('ar', 'FREQ=MONTHLY;BYDAY=2WE')).toBe('الأربعاء الثاني من كل شهر');
    expect(in_('uk', 'FREQ=WEEKLY;BYDAY=WE;UNTIL=20270630')).toBe('щотижня: середа, до 30 червня 2027 р.');
  });
  it('Deutsch bleibt, wie es war', () => {
    expect(in_('de', 'FREQ=MONTHLY;BYDAY=1TU,3TU')).toBe(serienBeschreibung('FREQ=MONTHLY;BYDAY=1TU,3TU'));
    expect(serienBeschreibung('FREQ=MONTHLY;BYDAY=1TU,3TU')).toBe('jeden 1. und 3. Dienstag im Monat');
  });
});

describe('Listen des Inhaltsmodells in der Sprache der Seite', () => {
  it('Kategorien, ja/nein, Rollen und gesprochene Sprachen', () => {
    const en = beschrifter('en');
    expect(en('kategorie', 'beratung')).toBe('Advice');
    expect(en('janein', 'unbekannt')).toBe('unknown');
    expect(en('rolle', 'treffleitung')).toBe('Head of the meeting place');
    expect(en('sprache', 'tr')).toBe('Turkish');
    expect(en('sprache', 'de-leicht')).toBe('Easy German');
    expect(beschrifter('ar')('sprache', 'uk')).toBe('الأوكرانية');
    expect(beschrifter('de')('sprache', 'tr')).toBe('Türkisch');
    expect(beschrifter('de')('kategorie', 'begegnung')).toBe('Begegnung & Café');
  });
});

describe('Zahlen und Daten', () => {
  it('Entfernung mit dem Dezimalzeichen der Sprache', () => {
    expect(entfernungText(1.23)).toMatch(/^1,2 km · ca\. \d+ Min\. zu Fuß$/);
    expect(entfernungText(1.23, '{km} km · about {min} min on foot', 'en-GB')).toMatch(/^1\.2 km · about \d+ min on foot$/);
  });
  it('ein Termin in Arabisch: arabisches Komma vor der Uhrzeit', () => {
    expect(formatTerminzeit({ datum: '2026-12-02', beginn: '10:00', ende: '12:00', ganztaegig: false }, 'ar')).toBe(`الأربعاء، 2 ديسمبر 2026، ${LRI}10:00–12:00${PDI}`);
  });
});
