/**
 * Every feed the site publishes, built from the fixture content with the same functions the
 * endpoints use, read back with ical.js: what a subscriber's calendar shows for the next six
 * months must equal the calendar page's month files (and so the engine and the event pages).
 */
import { describe, expect, it } from 'vitest';
import { buildFeed, terminUid } from '../../src/lib/ical';
import { feedDefinitionen, feedTerminVon, kalenderMonat, monateZwischen, monatVon, type KalenderEintrag } from '../../src/lib/kalender';
import { feedFuer, filterAusUrl, filterInUrl, passt } from '../../src/lib/kalender-filter';
import { addDays, berlinTagesbeginn, heuteBerlin } from '../../src/lib/time';
import { eigenschaften, instanzen, zeitzonen } from './ical-lesen';
import { ladeFixture } from './kalender-fixture';

const JETZT = new Date('2026-11-25T10:00:00Z');
const HEUTE = heuteBerlin(JETZT);
const VON = berlinTagesbeginn(HEUTE);
const BIS = berlinTagesbeginn('2027-05-25');

const { termine, kontext } = ladeFixture();
const definitionen = feedDefinitionen(kontext);
const feeds = new Map(
  definitionen.map((d) => [
    d.pfad,
    buildFeed({ name: d.name, beschreibung: d.beschreibung }, termine.filter(d.filter).map((t) => feedTerminVon(t, kontext)), { jetzt: JETZT }),
  ]),
);

/** The month files covering the window, merged (an event spanning two months is in both). */
const eintraege: KalenderEintrag[] = [
  ...new Map(monateZwischen(monatVon(HEUTE), monatVon(addDays(HEUTE, 190))).flatMap((m) => kalenderMonat(termine, m, kontext)).map((e) => [e.id, e])).values(),
];
const startVon = (e: KalenderEintrag) => (e.ganztaegig ? berlinTagesbeginn(e.start) : new Date(e.start));
const terminIdVon = (e: KalenderEintrag) => e.id.slice(0, e.id.lastIndexOf('@'));

describe('alle Feeds, mit ical.js gelesen', () => {
  it('gibt es unter festen Adressen: stadtweit, je Quartier, Treff, Kategorie und Quartier+Kategorie', () => {
    const pfade = [...feeds.keys()];
    expect(pfade).toContain('/kalender/alle.ics');
    expect(pfade).toContain('/kalender/quartier/bleichpfad.ics');
    expect(pfade).toContain('/kalender/treff/quartierszentrum-stahldorf.ics');
    expect(pfade).toContain('/kalender/kategorie/kultur.ics');
    expect(pfade).toContain('/kalender/quartier/stahldorf/kultur.ics');
    expect(new Set(pfade).size).toBe(pfade.length);
    expect(pfade.length).toBe(1 + 2 + 2 + 12 + 2 * 12);
  });

  for (const d of definitionen) {
    it(`${d.pfad}: die Termine der nächsten 6 Monate sind dieselben wie in den Monatsdateien des Kalenders`, () => {
      const ausFeed = instanzen(feeds.get(d.pfad)!, VON, BIS).map(({ titel: _t, ...rest }) => rest);
      const ausJson = eintraege
        .filter((e) => startVon(e) >= VON && startVon(e) < BIS)
        .filter((e) => d.filter(termine.find((t) => t.id === terminIdVon(e))!))
        .map((e) => ({ uid: terminUid(terminIdVon(e)), start: e.start, ...(e.ende ? { ende: e.ende } : {}), abgesagt: Boolean(e.ausgefallen) }))
        .sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid));
      expect(ausFeed).toEqual(ausJson);
      if (d.pfad === '/kalender/alle.ics') expect(ausJson.length).toBeGreaterThan(60);
    });
  }

  it('der stadtweite Feed hat alle Fälle: Ausfall, abgesagte Serie, mehrtägig, ohne Ende, arabischer Titel', () => {
    const i = instanzen(feeds.get('/kalender/alle.ics')!, VON, BIS);
    expect(i.find((x) => x.uid === terminUid('elterncafe') && x.start.startsWith('2026-12-08'))?.abgesagt).toBe(true);
    expect(i.filter((x) => x.uid === terminUid('spieletreff')).every((x) => x.abgesagt)).toBe(true);
    expect(i.find((x) => x.uid === terminUid('adventsmarkt'))).toMatchObject({ start: '2026-12-04', ende: '2026-12-07' });
    expect(i.find((x) => x.uid === terminUid('lesung'))?.ende).toBeUndefined();
    expect(i.find((x) => x.uid === terminUid('erzaehlcafe'))).toMatchObject({ abgesagt: true, titel: 'Fällt aus: مقهى الحكايات – Erzählcafé' });
    expect(i.filter((x) => x.uid === terminUid('sprachkurs'))).toHaveLength(
      eintraege.filter((e) => e.id.startsWith('sprachkurs@') && startVon(e) >= VON && startVon(e) < BIS).length,
    );
  });

  it('hält nur Kommendes und die letzten 30 Tage: das Sommerfest im Juli fehlt, der Herbstputz ist da', () => {
    const uids = eigenschaften(feeds.get('/kalender/alle.ics')!, 'uid');
    expect(uids).not.toContain(terminUid('sommerfest'));
    expect(uids).toContain(terminUid('herbstputz'));
  });

  it('jede TZID hat ihre VTIMEZONE, in jedem Feed', () => {
    for (const [pfad, feed] of feeds) {
      const { benutzt, definiert } = zeitzonen(feed);
      expect(definiert, pfad).toEqual(expect.arrayContaining(benutzt));
    }
  });

  it('GEO steht überall als Breitengrad;Längengrad (Krefeld: 51…;6…)', () => {
    const geos = [...feeds.values()].flatMap((f) => f.replace(/\r\n[ \t]/g, '').match(/^GEO:.*$/gm) ?? []);
    expect(geos.length).toBeGreaterThan(0);
    for (const g of geos) expect(g).toMatch(/^GEO:51\.\d+;6\.\d+$/);
  });

  it('keine DESCRIPTION enthält HTML', () => {
    for (const feed of feeds.values()) for (const text of eigenschaften(feed, 'description')) expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
  });

  it('UIDs sind bei einem zweiten Build (andere Ladereihenfolge, später am Tag) dieselben', () => {
    const zweiter = ladeFixture();
    const spaeter = new Date(JETZT.getTime() + 3 * 3600_000);
    for (const d of definitionen) {
      const neu = buildFeed(
        { name: d.name, beschreibung: d.beschreibung },
        [...zweiter.termine].reverse().filter(d.filter).map((t) => feedTerminVon(t, zweiter.kontext)),
        { jetzt: spaeter },
      );
      expect(eigenschaften(neu, 'uid'), d.pfad).toEqual(eigenschaften(feeds.get(d.pfad)!, 'uid'));
    }
  });
});

describe('Filter des Kalenders', () => {
  it('stehen in der URL und kommen unverändert zurück', () => {
    const f = { quartier: 'bleichpfad', kategorie: 'kinder-familie', sprache: 'tr', kostenlos: true };
    const url = filterInUrl(f, new URLSearchParams('ansicht=listMonth&quartier=alt'));
    expect(url.toString()).toBe('ansicht=listMonth&quartier=bleichpfad&kategorie=kinder-familie&sprache=tr&kostenlos=1');
    expect(filterAusUrl(url)).toEqual(f);
    expect(filterAusUrl(new URLSearchParams('quartier=<script>&kostenlos=0'))).toEqual({});
  });

  it('wählen passende Einträge aus; „für alle“ passt zu jeder Zielgruppe', () => {
    const dez = kalenderMonat(termine, '2026-12', kontext);
    const titel = (f: Parameters<typeof passt>[1]) => [...new Set(dez.filter((e) => passt(e, f)).map((e) => e.titel))].sort();
    expect(titel({ quartier: 'stahldorf', kategorie: 'kultur' })).toEqual(['Adventsmarkt im Quartier', 'Lesung: Geschichten aus Krefeld; mit Musik']);
    expect(titel({ sprache: 'tr' })).toEqual(['Elterncafé']);
    expect(titel({ zielgruppe: 'kinder' })).toContain('Adventsmarkt im Quartier');
    expect(titel({ kostenlos: true })).not.toContain('Deutsch im Alltag');
    expect(titel({ stufenlos: true })).toEqual(['Elterncafé', 'Lesung: Geschichten aus Krefeld; mit Musik', 'Nachbarschaftsrat']);
  });

  it('führen zum passenden Abo', () => {
    expect(feedFuer({})).toEqual({ pfad: '/kalender/alle.ics', genau: true });
    expect(feedFuer({ quartier: 'bleichpfad', kategorie: 'kultur' })).toEqual({ pfad: '/kalender/quartier/bleichpfad/kultur.ics', genau: true });
    expect(feedFuer({ treff: 'treff-test' })).toEqual({ pfad: '/kalender/treff/treff-test.ics', genau: true });
    expect(feedFuer({ quartier: 'bleichpfad', sprache: 'tr' })).toEqual({ pfad: '/kalender/quartier/bleichpfad.ics', genau: false });
    for (const pfad of ['/kalender/quartier/bleichpfad/kultur.ics', '/kalender/treff/treff-test.ics', '/kalender/kategorie/kultur.ics']) expect(feeds.has(pfad)).toBe(true);
  });
});
