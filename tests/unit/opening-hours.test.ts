import { describe, expect, it } from 'vitest';
import {
  feiertageAb,
  feiertagsName,
  istFeiertag,
  kompakteIntervalle,
  oeffnungsIntervalle,
  oeffnungsStatus,
  wochentabelle,
} from '../../src/lib/opening-hours';
import { berlinParts, berlinWallToInstant } from '../../src/lib/time';

/** A Krefeld wall-clock moment as a real instant. */
const berlin = (datum: string, zeit = '00:00') => berlinWallToInstant(datum, zeit);

/** Intervals as readable Berlin wall-clock text: "2027-05-24 09:00–17:00". */
const lesbar = (iv: Array<{ start: Date; ende: Date; kommentar?: string }>) =>
  iv.map(({ start, ende, kommentar }) => {
    const s = berlinParts(start);
    const e = berlinParts(ende);
    const bis = e.datum === s.datum ? e.zeit : `${e.datum} ${e.zeit}`;
    return `${s.datum} ${s.zeit}–${bis}${kommentar ? ` „${kommentar}“` : ''}`;
  });

const TREFF = 'Mo 10:00-12:00,14:00-17:00; Tu,Th 14:00-18:00; We "nur nach Vereinbarung"; PH off';

describe('Wochentabelle auf der Treff-Seite', () => {
  it('zeigt die normale Woche von Montag bis Sonntag', () => {
    const { tage, feiertage } = wochentabelle(TREFF, berlin('2026-11-25', '12:00'));
    expect(tage.map((t) => t.kurz)).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);
    expect(tage[0]).toEqual({
      kurz: 'Mo',
      name: 'Montag',
      zeiten: [
        { von: '10:00', bis: '12:00' },
        { von: '14:00', bis: '17:00' },
      ],
    });
    expect(tage[1].zeiten).toEqual([{ von: '14:00', bis: '18:00' }]);
    expect(tage[4]).toEqual({ kurz: 'Fr', name: 'Freitag', zeiten: [] });
    expect(feiertage).toBe('geschlossen');
  });

  it('zeigt einen Tag nur mit Kommentar („nur nach Vereinbarung“) ohne Zeiten', () => {
    const { tage } = wochentabelle(TREFF, berlin('2026-11-25'));
    expect(tage[2]).toEqual({ kurz: 'Mi', name: 'Mittwoch', zeiten: [], kommentar: 'nur nach Vereinbarung' });
  });

  it('lässt in einer Feiertagswoche (Fronleichnam 2027) den Donnerstag nicht leer', () => {
    const { tage } = wochentabelle(TREFF, berlin('2027-05-26'));
    expect(tage[3].zeiten).toEqual([{ von: '14:00', bis: '18:00' }]);
  });

  it('sagt, ob an Feiertagen geöffnet ist, und „unbekannt“, wenn die Angabe PH fehlt', () => {
    const ab = berlin('2026-11-25');
    expect(wochentabelle('Mo-Fr 09:00-17:00', ab).feiertage).toBe('unbekannt');
    expect(wochentabelle('Mo-Fr 09:00-17:00; PH 10:00-12:00', ab).feiertage).toBe('geoeffnet');
    expect(wochentabelle('Mo-Fr 09:00-17:00; PH "nach Absprache"', ab).feiertage).toBe('unbekannt');
    expect(wochentabelle('Mo-Fr 09:00-17:00 "Feiertage: PH"', ab).feiertage).toBe('unbekannt');
  });

  it('lässt eine Öffnung über Mitternacht am Tag ihres Beginns stehen', () => {
    const { tage } = wochentabelle('Fr 20:00-02:00; Su 18:00-01:00', berlin('2026-11-25'));
    expect(tage[4].zeiten).toEqual([{ von: '20:00', bis: '02:00' }]);
    expect(tage[5].zeiten).toEqual([]);
    expect(tage[6].zeiten).toEqual([{ von: '18:00', bis: '01:00' }]);
    expect(tage[0].zeiten).toEqual([]);
  });

  it('zeigt „rund um die Uhr“ als 00:00–24:00 an jedem Tag', () => {
    const { tage } = wochentabelle('24/7', berlin('2026-11-25'));
    expect(tage.every((t) => t.zeiten.length === 1 && t.zeiten[0].von === '00:00' && t.zeiten[0].bis === '24:00')).toBe(true);
  });

  it('zeigt Kommentare an Öffnungszeiten, mit und ohne „open“', () => {
    for (const oh of ['Mo 09:00-11:00 "Frauenfrühstück"', 'Mo 09:00-11:00 open "Frauenfrühstück"']) {
      const { tage } = wochentabelle(oh, berlin('2026-11-25'));
      expect(tage[0]).toMatchObject({ zeiten: [{ von: '09:00', bis: '11:00' }], kommentar: 'Frauenfrühstück' });
    }
  });
});

describe('Feiertage in NRW', () => {
  it('kennt Fronleichnam und Allerheiligen als Feiertage, den Heiligabend nicht', () => {
    expect(istFeiertag('2027-05-27')).toBe(true);
    expect(istFeiertag('2027-11-01')).toBe(true);
    expect(istFeiertag('2026-12-24')).toBe(false);
    expect(istFeiertag('2027-05-26')).toBe(false);
  });

  it('listet die Feiertage der nächsten Wochen für den Browser', () => {
    expect(feiertageAb(berlin('2027-05-20', '18:00'), 14)).toEqual(['2027-05-27']);
    expect(feiertageAb(berlin('2026-12-20'), 14)).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);
  });

  it('nennt den Namen des Feiertags', () => {
    expect(feiertagsName('2027-05-27')).toBe('Fronleichnam');
    expect(feiertagsName('2027-11-01')).toBe('Allerheiligen');
    expect(feiertagsName('2026-12-24')).toBeUndefined();
  });
});

describe('Öffnungszeiträume als echte Zeitpunkte', () => {
  it('ist an Fronleichnam (27. Mai 2027) mit „PH off“ geschlossen', () => {
    const iv = oeffnungsIntervalle('Mo-Fr 09:00-17:00; PH off', berlin('2027-05-24'), berlin('2027-05-29'));
    expect(lesbar(iv)).toEqual(['2027-05-24 09:00–17:00', '2027-05-25 09:00–17:00', '2027-05-26 09:00–17:00', '2027-05-28 09:00–17:00']);
  });

  it('ist an Allerheiligen (Montag, 1. November 2027) mit „PH off“ geschlossen', () => {
    const iv = oeffnungsIntervalle('Mo,We 10:00-12:00; PH off', berlin('2027-11-01'), berlin('2027-11-04'));
    expect(lesbar(iv)).toEqual(['2027-11-03 10:00–12:00']);
  });

  it('öffnet an Feiertagen normal, wenn PH nicht angegeben ist', () => {
    const iv = oeffnungsIntervalle('Mo 10:00-12:00', berlin('2027-11-01'), berlin('2027-11-02'));
    expect(lesbar(iv)).toEqual(['2027-11-01 10:00–12:00']);
  });

  it('bleibt am Wochenende der Zeitumstellung bei 10:00 Krefelder Zeit', () => {
    const herbst = oeffnungsIntervalle('Sa,Su 10:00-12:00', berlin('2026-10-24'), berlin('2026-10-26'));
    expect(herbst.map((i) => i.start.toISOString())).toEqual(['2026-10-24T08:00:00.000Z', '2026-10-25T09:00:00.000Z']);
    const fruehling = oeffnungsIntervalle('Sa,Su 10:00-12:00', berlin('2027-03-27'), berlin('2027-03-29'));
    expect(fruehling.map((i) => i.start.toISOString())).toEqual(['2027-03-27T09:00:00.000Z', '2027-03-28T08:00:00.000Z']);
  });

  it('rechnet eine Nacht über die Zeitumstellung richtig lang (22–04 Uhr: im Herbst 7, im Frühling 5 Stunden)', () => {
    const dauer = (iv: Array<{ start: Date; ende: Date }>) => iv.map((i) => (i.ende.getTime() - i.start.getTime()) / 3_600_000);
    expect(dauer(oeffnungsIntervalle('Sa 22:00-04:00', berlin('2026-10-24'), berlin('2026-10-26')))).toEqual([7]);
    expect(dauer(oeffnungsIntervalle('Sa 22:00-04:00', berlin('2027-03-27'), berlin('2027-03-29')))).toEqual([5]);
  });

  it('zählt Zeiten nur mit Kommentar nicht als geöffnet (OSM: Kommentar ohne „open“ heißt „unbekannt“)', () => {
    expect(oeffnungsIntervalle('We "nur nach Vereinbarung"', berlin('2026-11-23'), berlin('2026-11-30'))).toEqual([]);
    expect(oeffnungsIntervalle('Mo 09:00-11:00 "Frauenfrühstück"', berlin('2026-11-23'), berlin('2026-11-30'))).toEqual([]);
    const offen = oeffnungsIntervalle('Mo 09:00-11:00 open "Frauenfrühstück"', berlin('2026-11-23'), berlin('2026-11-30'));
    expect(lesbar(offen)).toEqual(['2026-11-23 09:00–11:00 „Frauenfrühstück“']);
  });

  it('liefert Zeiträume in Epochen-Minuten für den Browser, vom Beginn des Krefelder Tages an', () => {
    const iv = kompakteIntervalle('Mo-Fr 09:00-17:00; PH off', berlin('2026-11-23', '13:00'), 7);
    expect(iv).toHaveLength(5);
    expect(iv[0]).toEqual([Date.parse('2026-11-23T08:00:00Z') / 60_000, Date.parse('2026-11-23T16:00:00Z') / 60_000]);
    expect(kompakteIntervalle('Mo-Fr 09:00-17:00', berlin('2026-11-23'))).toHaveLength(30);
  });

  it('fügt aneinanderstoßende Zeiträume zu einem zusammen', () => {
    expect(kompakteIntervalle('Mo-Su 00:00-24:00', berlin('2026-11-23'), 3)).toHaveLength(1);
  });
});

describe('„Jetzt geöffnet“ auf der Treff-Karte', () => {
  const OH = 'Mo 10:00-12:00; Tu 14:00-17:00; Th 09:00-12:00; PH off';
  // Built once for six weeks from Monday, 30 November 2026, like the site does at build time.
  const iv = kompakteIntervalle(OH, berlin('2026-11-30'));
  const status = (datum: string, zeit: string, opts?: Parameters<typeof oeffnungsStatus>[2]) =>
    oeffnungsStatus(iv, berlin(datum, zeit), opts);

  it('sagt, dass geöffnet ist und bis wann', () => {
    expect(status('2026-11-30', '11:00')).toEqual({ offen: true, art: 'offen', text: 'Jetzt geöffnet · bis 12:00' });
  });

  it('sagt, wann heute geöffnet wird', () => {
    expect(status('2026-12-01', '10:00')).toEqual({ offen: false, art: 'oeffnet-heute', text: 'Öffnet heute um 14:00' });
  });

  it('sagt „morgen“, wenn morgen geöffnet wird', () => {
    expect(status('2026-12-02', '12:00')).toEqual({ offen: false, art: 'oeffnet-spaeter', text: 'Öffnet morgen um 09:00' });
  });

  it('nennt den Wochentag, an dem als Nächstes geöffnet wird', () => {
    expect(status('2026-12-04', '12:00')).toEqual({ offen: false, art: 'oeffnet-spaeter', text: 'Öffnet Montag 10:00' });
  });

  it('nennt bei mehr als einer Woche das Datum', () => {
    const nurMontags = kompakteIntervalle('Mo 10:00-12:00', berlin('2026-11-30'));
    expect(oeffnungsStatus(nurMontags, berlin('2026-11-30', '13:00')).text).toBe('Öffnet am 7. Dezember um 10:00');
  });

  it('sagt am Feiertag, warum heute geschlossen ist', () => {
    const mai = kompakteIntervalle(OH, berlin('2027-05-24'));
    expect(oeffnungsStatus(mai, berlin('2027-05-27', '10:00'), { feiertagHeute: true })).toEqual({
      offen: false,
      art: 'geschlossen',
      text: 'Heute geschlossen (Feiertag)',
    });
  });

  it('meldet eine vorübergehende Schließung bis einschließlich des letzten Tages', () => {
    const opts = { geschlossenBis: '2027-01-06' };
    expect(status('2026-12-21', '10:30', opts)).toEqual({
      offen: false,
      art: 'voruebergehend',
      text: 'Vorübergehend geschlossen bis 6. Januar',
    });
    expect(status('2027-01-06', '23:59', opts).art).toBe('voruebergehend');
    expect(status('2027-01-07', '09:30', opts)).toMatchObject({ offen: true, text: 'Jetzt geöffnet · bis 12:00' });
  });

  it('rät nicht, wenn die Daten vom letzten Bauen der Seite aufgebraucht sind', () => {
    expect(status('2027-03-01', '11:00')).toEqual({ offen: false, art: 'unbekannt', text: 'Öffnungszeiten siehe Tabelle' });
    expect(oeffnungsStatus([], berlin('2026-12-01', '11:00')).art).toBe('unbekannt');
  });

  it('zeigt Krefelder Zeit, auch wenn das Gerät in New York eingestellt ist', () => {
    // Tuesday 23:30 in Krefeld is 17:30 in New York: next opening is Thursday, not "tomorrow".
    expect(oeffnungsStatus(iv, new Date('2026-12-01T22:30:00Z')).text).toBe('Öffnet Donnerstag 09:00');
    // Thursday 00:30 in Krefeld is still Wednesday in New York: it opens "today".
    expect(oeffnungsStatus(iv, new Date('2026-12-02T23:30:00Z')).text).toBe('Öffnet heute um 09:00');
  });

  it('stimmt am Tag der Zeitumstellung', () => {
    const sonntags = kompakteIntervalle('Su 10:00-12:00', berlin('2027-03-22'));
    expect(oeffnungsStatus(sonntags, new Date('2027-03-28T08:30:00Z')).text).toBe('Jetzt geöffnet · bis 12:00');
    expect(oeffnungsStatus(sonntags, new Date('2027-03-28T07:30:00Z')).text).toBe('Öffnet heute um 10:00');
  });

  it('sagt bei Öffnung bis Mitternacht „bis 24:00“', () => {
    const abends = kompakteIntervalle('Fr 18:00-24:00', berlin('2026-11-30'));
    expect(oeffnungsStatus(abends, berlin('2026-12-04', '20:00')).text).toBe('Jetzt geöffnet · bis 24:00');
  });
});
