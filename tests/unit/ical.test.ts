/**
 * The iCal feed residents subscribe to: every recurrence case must reach their calendar app
 * the way the portal shows it. Feeds are read back with ical.js (an independent parser) and
 * compared with the recurrence engine.
 */
import { describe, expect, it } from 'vitest';
import { buildFeed, feedRegel, imFeedfenster, terminUid, type FeedTermin } from '../../src/lib/ical';
import { markdownZuKlartext } from '../../src/lib/klartext';
import { expandOccurrences } from '../../src/lib/recurrence';
import { berlinWallToInstant } from '../../src/lib/time';
import { eigenschaften, instanzen, zeitzonen, type Instanz } from './ical-lesen';

const berlin = (datum: string, zeit = '00:00') => berlinWallToInstant(datum, zeit);
const JETZT = new Date('2026-11-25T10:00:00Z');
const KOPF = { name: 'Termine in Krefeld', beschreibung: 'Alle Termine der Quartierstreffs.' };

const ort = { name: 'Treff am Bleichpfad', adresse: 'Bleichpfad 10, 47799 Krefeld', koordinaten: { lat: 51.336, lon: 6.57 } };

function termin(id: string, daten: Partial<FeedTermin['daten']>, extra: Partial<FeedTermin> = {}): FeedTermin {
  return {
    id,
    daten: { titel: id, datum: '2026-12-01', beginn: '10:00', ende: '12:00', ganztaegig: false, ausfaelle: [], abgesagt: false, ...daten },
    url: `https://quartiere.krefeld.example/termine/${id}/`,
    ort,
    kategorien: ['Kinder & Familie'],
    ...extra,
  };
}

/** Elterncafé: weekly on Tuesdays 10–12, holidays off, one extra date, one cancelled date. */
const elterncafe = termin(
  'elterncafe',
  {
    titel: 'Elterncafé',
    datum: '2026-10-06',
    wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=TU', ausnahmen: ['2026-12-22', '2026-12-29'], zusatztermine: ['2026-12-23'] },
    ausfaelle: [{ datum: '2026-12-08', grund: 'Die Leitung ist krank.' }],
    kosten: { kostenlos: true },
  },
  { markdown: 'Kaffee, Tee und **Gespräche**; für Eltern.\n\n- Spielecke\n- Beratung\n\nMehr beim [Werkhaus](https://www.example.org/) oder <b>vor Ort</b>.' },
);

/** What the engine says for the same window, in the reader's form. */
function motor(t: FeedTermin, von: Date, bis: Date): Omit<Instanz, 'titel'>[] {
  return expandOccurrences(t.daten, t.id, von, bis)
    .filter((o) => o.start >= von)
    .map((o) => {
      const allDay = o.ganztaegig || !o.beginn;
      const tagNach = new Date(Date.parse(`${o.endeDatum}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      return {
        uid: terminUid(t.id),
        start: allDay ? o.datum : o.start.toISOString(),
        ...(allDay ? { ende: tagNach } : t.daten.ende ? { ende: o.end.toISOString() } : {}),
        abgesagt: o.ausgefallen,
      };
    });
}

const ohneTitel = (liste: Instanz[]) => liste.map(({ titel: _titel, ...rest }) => rest);

/** Feed of one Termin, read back with ical.js over six months from JETZT. */
function vergleiche(t: FeedTermin, von = berlin('2026-11-25'), bis = berlin('2027-05-25')) {
  const feed = buildFeed(KOPF, [t], { jetzt: JETZT });
  expect(ohneTitel(instanzen(feed, von, bis))).toEqual(motor(t, von, bis));
  return feed;
}

const zeilen = (feed: string) => feed.replace(/\r\n[ \t]/g, '').split('\r\n');
/** The VEVENT part (the VTIMEZONE has RRULEs of its own). */
const ereignisse = (feed: string) => feed.slice(feed.indexOf('BEGIN:VEVENT'));
const vevents = (feed: string) => feed.split('BEGIN:VEVENT').length - 1;

describe('Serien im Feed', () => {
  it('eine Serie steht als RRULE mit EXDATE und RDATE im Feed, nicht als einzelne Termine', () => {
    const feed = vergleiche(elterncafe);
    const z = zeilen(feed);
    expect(z).toContain('DTSTART;TZID=Europe/Berlin:20261006T100000');
    expect(z).toContain('DTEND;TZID=Europe/Berlin:20261006T120000');
    expect(z).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
    expect(z).toContain('EXDATE;TZID=Europe/Berlin:20261222T100000,20261229T100000');
    expect(z).toContain('RDATE;TZID=Europe/Berlin:20261223T100000');
    // the series and its one cancelled date
    expect(vevents(feed)).toBe(2);
  });

  it('ein einzelner Ausfall ist eine überschreibende Instanz mit STATUS:CANCELLED und Grund', () => {
    const feed = vergleiche(elterncafe);
    const ausfall = feed.split('BEGIN:VEVENT')[2];
    expect(ausfall).toContain('UID:termin-elterncafe@quartiersportal-krefeld');
    expect(ausfall).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20261208T100000');
    expect(ausfall).toContain('STATUS:CANCELLED');
    expect(ausfall).toContain('SUMMARY:Fällt aus: Elterncafé');
    expect(ausfall).toContain('DESCRIPTION:Fällt aus: Die Leitung ist krank.');
    const i = instanzen(feed, berlin('2026-12-01'), berlin('2026-12-31'));
    expect(i.map((x) => [x.start.slice(0, 10), x.abgesagt])).toEqual([
      ['2026-12-01', false],
      ['2026-12-08', true],
      ['2026-12-15', false],
      ['2026-12-23', false],
    ]);
  });

  it('ein wöchentlicher Termin um 10:00 bleibt nach der Zeitumstellung im Oktober um 10:00', () => {
    const feed = vergleiche(elterncafe, berlin('2026-10-19'), berlin('2026-11-04'));
    expect(instanzen(feed, berlin('2026-10-19'), berlin('2026-11-04')).map((x) => x.start)).toEqual([
      '2026-10-20T08:00:00.000Z',
      '2026-10-27T09:00:00.000Z',
      '2026-11-03T09:00:00.000Z',
    ]);
  });

  it('und nach der Umstellung im März ebenso', () => {
    const t = termin('fruehstueck', { datum: '2027-03-07', wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=SU;UNTIL=20270425' } });
    const feed = vergleiche(t, berlin('2027-03-01'), berlin('2027-05-01'));
    expect(instanzen(feed, berlin('2027-03-20'), berlin('2027-04-05')).map((x) => x.start)).toEqual([
      '2027-03-21T09:00:00.000Z',
      '2027-03-28T08:00:00.000Z',
      '2027-04-04T08:00:00.000Z',
    ]);
  });

  it('„jeden 2. Mittwoch im Monat“ bis zu einem Datum: UNTIL wird UTC und schließt den letzten Tag ein', () => {
    const t = termin('rat', { datum: '2026-10-14', beginn: '18:00', ende: '19:30', wiederholung: { regel: 'FREQ=MONTHLY;BYDAY=2WE;UNTIL=20270609' } });
    const feed = vergleiche(t, berlin('2026-11-01'), berlin('2027-08-01'));
    expect(zeilen(feed)).toContain('RRULE:FREQ=MONTHLY;BYDAY=2WE;UNTIL=20270609T215959Z');
    const i = instanzen(feed, berlin('2027-05-01'), berlin('2027-08-01'));
    expect(i.map((x) => x.start.slice(0, 10))).toEqual(['2027-05-12', '2027-06-09']);
  });

  it('eine Serie mit Anzahl (COUNT) endet in der App nach genauso vielen Terminen', () => {
    const t = termin('kurs', { datum: '2026-11-02', beginn: '09:00', ende: '11:00', wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=16' } });
    const feed = vergleiche(t, berlin('2026-11-01'), berlin('2027-03-01'));
    expect(zeilen(feed)).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=16');
    expect(instanzen(feed, berlin('2026-11-01'), berlin('2027-03-01'))).toHaveLength(16);
  });

  it('eine abgesagte Serie trägt STATUS:CANCELLED und den Grund', () => {
    const t = termin('spiele', { wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=TH' }, datum: '2026-11-05', abgesagt: true, absage_grund: 'Renovierung' });
    const feed = vergleiche(t);
    expect(vevents(feed)).toBe(1);
    expect(feed).toContain('STATUS:CANCELLED');
    expect(feed).toContain('SUMMARY:Abgesagt: spiele');
    expect(eigenschaften(feed, 'description')[0]).toMatch(/^Abgesagt: Renovierung/);
    expect(instanzen(feed, berlin('2026-12-01'), berlin('2026-12-31')).every((x) => x.abgesagt)).toBe(true);
  });

  it('ein ganztägiger Serientermin nutzt Datumswerte, auch für Ausnahmen und Ausfälle', () => {
    const t = termin('markt', {
      datum: '2026-12-05',
      ganztaegig: true,
      beginn: undefined,
      ende: undefined,
      wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=SA;UNTIL=20270130', ausnahmen: ['2026-12-26'], zusatztermine: ['2026-12-30'] },
      ausfaelle: [{ datum: '2027-01-02', grund: 'Neujahr' }],
    });
    const feed = vergleiche(t, berlin('2026-12-01'), berlin('2027-02-01'));
    const z = zeilen(feed);
    expect(z).toContain('DTSTART;VALUE=DATE:20261205');
    expect(z).toContain('DTEND;VALUE=DATE:20261206');
    expect(z).toContain('RRULE:FREQ=WEEKLY;BYDAY=SA;UNTIL=20270130');
    expect(z).toContain('EXDATE;VALUE=DATE:20261226');
    expect(z).toContain('RDATE;VALUE=DATE:20261230');
    expect(z).toContain('RECURRENCE-ID;VALUE=DATE:20270102');
  });

  it('ein Zusatztermin, der ohnehin ein Regeltermin ist, steht nur einmal im Kalender', () => {
    const t = termin('doppelt', { datum: '2026-12-01', wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4', zusatztermine: ['2026-12-08', '2026-12-10'] } });
    const feed = vergleiche(t, berlin('2026-11-25'), berlin('2027-01-31'));
    expect(instanzen(feed, berlin('2026-11-25'), berlin('2027-01-31')).map((x) => x.start.slice(0, 10))).toEqual([
      '2026-12-01',
      '2026-12-08',
      '2026-12-10',
      '2026-12-15',
      '2026-12-22',
    ]);
  });

  it('auch ein Zusatztermin kann ausfallen', () => {
    const t = { ...elterncafe, daten: { ...elterncafe.daten, ausfaelle: [{ datum: '2026-12-23', grund: 'Weihnachtsfeier' }] } };
    const feed = vergleiche(t);
    expect(feed).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20261223T100000');
  });

  it('ein DTSTART, der nicht zur Regel passt, wird auf den ersten Regeltermin gelegt', () => {
    // 2026-12-01 is a Tuesday; the rule says Thursdays. Apps would otherwise show the Tuesday too.
    const t = termin('versetzt', { datum: '2026-12-01', wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=TH;COUNT=3' } });
    const feed = vergleiche(t, berlin('2026-11-25'), berlin('2027-01-31'));
    expect(zeilen(feed)).toContain('DTSTART;TZID=Europe/Berlin:20261203T100000');
  });
});

describe('Einzeltermine im Feed', () => {
  it('ein abgesagter Einzeltermin trägt STATUS:CANCELLED', () => {
    const t = termin('erzaehlcafe', { datum: '2026-12-16', ausfaelle: [{ datum: '2026-12-16', grund: 'Krankheit' }] });
    const feed = vergleiche(t);
    expect(feed).toContain('STATUS:CANCELLED');
    expect(ereignisse(feed)).not.toContain('RRULE');
    expect(feed).not.toContain('RECURRENCE-ID');
  });

  it('ein mehrtägiger ganztägiger Termin endet am Tag nach dem letzten Tag (DTEND exklusiv)', () => {
    const t = termin('advent', { datum: '2026-12-04', ende_datum: '2026-12-06', ganztaegig: true, beginn: undefined, ende: undefined });
    const feed = vergleiche(t);
    expect(zeilen(feed)).toEqual(expect.arrayContaining(['DTSTART;VALUE=DATE:20261204', 'DTEND;VALUE=DATE:20261207']));
  });

  it('„ab 19:00 Uhr“ ohne Ende bekommt kein erfundenes Ende', () => {
    const t = termin('lesung', { datum: '2026-12-10', beginn: '19:00', ende: undefined });
    const feed = vergleiche(t);
    expect(feed).toContain('DTSTART;TZID=Europe/Berlin:20261210T190000');
    expect(feed).not.toContain('DTEND');
  });

  it('nur ein Datum einer Serie: ein eigenes Ereignis ohne RRULE, mit eigener UID', () => {
    const feed = buildFeed(KOPF, [elterncafe], { jetzt: JETZT, nurDatum: '2026-12-15' });
    expect(vevents(feed)).toBe(1);
    expect(ereignisse(feed)).not.toContain('RRULE');
    expect(feed).toContain('UID:termin-elterncafe-20261215@quartiersportal-krefeld');
    expect(feed).toContain('DTSTART;TZID=Europe/Berlin:20261215T100000');
    expect(buildFeed(KOPF, [elterncafe], { jetzt: JETZT, nurDatum: '2026-12-08' })).toContain('STATUS:CANCELLED');
  });
});

describe('Zeitfenster: Zukunft und die letzten 30 Tage', () => {
  const vergangen = termin('sommerfest', { datum: '2026-07-04' });
  const kuerzlich = termin('herbstputz', { datum: '2026-11-07' });
  const alteSerie = termin('alt', { datum: '2026-01-06', wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630' } });

  it('nimmt Vergangenes älter als 30 Tage nicht auf, Jüngeres schon', () => {
    expect(imFeedfenster(vergangen.daten, vergangen.id, JETZT)).toBe(false);
    expect(imFeedfenster(kuerzlich.daten, kuerzlich.id, JETZT)).toBe(true);
    expect(imFeedfenster(alteSerie.daten, alteSerie.id, JETZT)).toBe(false);
    const feed = buildFeed(KOPF, [vergangen, kuerzlich, alteSerie, elterncafe], { jetzt: JETZT });
    expect(eigenschaften(feed, 'uid').sort()).toEqual([terminUid('elterncafe'), terminUid('elterncafe'), terminUid('herbstputz')]);
  });

  it('eine Serie mit kommenden Terminen bleibt ganz, mit ihrem ersten Datum', () => {
    expect(zeilen(buildFeed(KOPF, [elterncafe], { jetzt: JETZT }))).toContain('DTSTART;TZID=Europe/Berlin:20261006T100000');
  });

  it('die Downloads einzelner Termine gelten auch für Vergangenes', () => {
    expect(vevents(buildFeed(KOPF, [vergangen], { jetzt: JETZT, fenster: false }))).toBe(1);
  });
});

describe('Kalenderkopf und Eigenschaften', () => {
  const feed = buildFeed({ ...KOPF, name: 'Termine: Quartier Bleichpfad, Kinder & Familie', url: 'https://quartiere.krefeld.example/kalender/' }, [elterncafe], {
    jetzt: JETZT,
  });
  const z = zeilen(feed);

  it('hat Name, Beschreibung und einen Hinweis, wie oft neu geladen wird', () => {
    expect(z).toContain('X-WR-CALNAME:Termine: Quartier Bleichpfad\\, Kinder & Familie');
    expect(z).toContain('X-WR-CALDESC:Alle Termine der Quartierstreffs.');
    expect(z).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT6H');
    expect(z).toContain('X-PUBLISHED-TTL:PT6H');
    expect(z).toContain('METHOD:PUBLISH');
  });

  it('jede TZID hat ihre VTIMEZONE, und DTSTAMP steht in UTC', () => {
    const { benutzt, definiert } = zeitzonen(feed);
    expect(benutzt).toEqual(['Europe/Berlin']);
    expect(definiert).toEqual(benutzt);
    expect(z).toContain('DTSTAMP:20261125T100000Z');
  });

  it('GEO steht als Breitengrad;Längengrad, LOCATION mit Adresse', () => {
    expect(z).toContain('GEO:51.336;6.57');
    expect(eigenschaften(feed, 'location')[0]).toBe('Treff am Bleichpfad, Bleichpfad 10, 47799 Krefeld');
  });

  it('URL der Terminseite, Kategorien, Titel ohne Seitennamen', () => {
    expect(z).toContain('URL;VALUE=URI:https://quartiere.krefeld.example/termine/elterncafe/');
    expect(z).toContain('CATEGORIES:Kinder & Familie');
    expect(eigenschaften(feed, 'summary')[0]).toBe('Elterncafé');
    expect(feed).not.toContain('Quartiersportal Krefeld\r\nEND');
    for (const s of eigenschaften(feed, 'summary')) expect(s).not.toMatch(/Quartiersportal/);
  });

  it('DESCRIPTION ist Klartext aus dem Markdown, ohne HTML, Zeilenumbrüche nach RFC 5545 maskiert', () => {
    const raw = z.find((l) => l.startsWith('DESCRIPTION:'))!;
    expect(raw).not.toMatch(/<[a-z/]/i);
    expect(raw).toContain('\\n');
    expect(raw).toContain('Kaffee\\, Tee und Gespräche\\; für Eltern.');
    const text = eigenschaften(feed, 'description')[0];
    expect(text).toContain('– Spielecke\n– Beratung');
    expect(text).toContain('Werkhaus (https://www.example.org/) oder vor Ort.');
    expect(text).toContain('Wann: jeden Dienstag, 10:00–12:00 Uhr');
    expect(text).toContain('Kosten: kostenlos');
    expect(text).toContain('Mehr: https://quartiere.krefeld.example/termine/elterncafe/');
  });

  it('Zeilen sind nach 75 Oktetten gefaltet und enden mit CRLF', () => {
    for (const zeile of feed.split('\r\n')) expect(Buffer.byteLength(zeile, 'utf8')).toBeLessThanOrEqual(75);
    expect(feed.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('UIDs', () => {
  it('kommen nur aus der Inhalts-ID: zwei Builds (andere Reihenfolge, anderer Tag) ergeben dieselben UIDs', () => {
    const andere = termin('lesung', { datum: '2026-12-10' });
    const a = buildFeed(KOPF, [elterncafe, andere], { jetzt: JETZT });
    const b = buildFeed(KOPF, [andere, elterncafe], { jetzt: new Date('2026-11-26T04:00:00Z') });
    expect(eigenschaften(a, 'uid')).toEqual(eigenschaften(b, 'uid'));
    expect(eigenschaften(a, 'uid')).toEqual([terminUid('elterncafe'), terminUid('elterncafe'), terminUid('lesung')]);
    // same day, same content → byte-identical file
    expect(buildFeed(KOPF, [andere, elterncafe], { jetzt: JETZT })).toBe(a);
  });

  it('bleiben nach dem Umbenennen der Datei gleich, wenn der alte Name unter „frueher“ steht', () => {
    const vorher = buildFeed(KOPF, [elterncafe], { jetzt: JETZT });
    const umbenannt = { ...elterncafe, id: 'elterncafe-stahldorf', daten: { ...elterncafe.daten, frueher: ['elterncafe'] } };
    expect(eigenschaften(buildFeed(KOPF, [umbenannt], { jetzt: JETZT }), 'uid')).toEqual(eigenschaften(vorher, 'uid'));
  });
});

describe('feedRegel', () => {
  it('rechnet UNTIL in UTC um und lässt alles andere stehen', () => {
    expect(feedRegel('FREQ=WEEKLY;BYDAY=TU;UNTIL=20261231', false)).toBe('RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261231T225959Z');
    expect(feedRegel('RRULE:FREQ=WEEKLY;UNTIL=20270630T180000', false)).toBe('RRULE:FREQ=WEEKLY;UNTIL=20270630T160000Z');
    expect(feedRegel('FREQ=WEEKLY;UNTIL=20270630T160000Z', false)).toBe('RRULE:FREQ=WEEKLY;UNTIL=20270630T160000Z');
    expect(feedRegel('FREQ=DAILY;UNTIL=20270630T160000Z', true)).toBe('RRULE:FREQ=DAILY;UNTIL=20270630');
    expect(feedRegel('FREQ=MONTHLY;BYDAY=2WE', false)).toBe('RRULE:FREQ=MONTHLY;BYDAY=2WE');
  });
});

describe('markdownZuKlartext', () => {
  it('macht aus Markdown lesbaren Text ohne Auszeichnung', () => {
    expect(markdownZuKlartext('# Titel\n\nEin *kurzer* Text mit `Code`.\n\n1. eins\n2. zwei\n\n> Zitat &amp; mehr')).toBe(
      'Titel\n\nEin kurzer Text mit Code.\n\n1. eins\n2. zwei\n\nZitat & mehr',
    );
  });

  it('entfernt HTML und Skripte, behält aber den Text', () => {
    expect(markdownZuKlartext('Hallo <script>alert(1)</script><em>Welt</em>\n\n<div>Block</div>')).not.toMatch(/<|>/);
    expect(markdownZuKlartext('Mail an <info@example.org>')).toBe('Mail an info@example.org');
  });

  it('lässt arabischen Text unverändert', () => {
    expect(markdownZuKlartext('مقهى **الحكايات**')).toBe('مقهى الحكايات');
  });
});
