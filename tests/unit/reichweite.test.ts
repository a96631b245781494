/**
 * The plain logic behind search, printed notices, RSS, share images and the embed snippet.
 */
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { aushangMonat, tageText, termineImMonat } from '../../src/lib/aushang';
import { einbettenCode } from '../../src/lib/einbetten';
import { ogPng } from '../../src/lib/og-bild';
import { qrSvg } from '../../src/lib/qr';
import { inhaltsHash, rssEintraege } from '../../src/lib/rss-eintraege';
import { suchTexte } from '../../src/i18n';
import { gruppieren, sichererAuszug, trefferOrt, trefferText, type Treffer } from '../../src/lib/suche';
import { ladeInhalt } from './inhalt-laden';

const inhalt = ladeInhalt();

describe('Suche', () => {
  const t = (typ: string, titel: string): Treffer => ({ url: `/${titel}/`, titel, typ, auszug: '' });

  it('gruppiert Treffer in fester Reihenfolge: Treffs, Angebote, Termine, Quartiere, Seiten', () => {
    const g = gruppieren([t('Termin', 'a'), t('Seite', 'b'), t('Treff', 'c'), t('Angebot', 'd'), t('Termin', 'e'), t('?', 'f')], suchTexte('de'));
    expect(g.map((x) => `${x.mehrzahl}:${x.treffer.length}`)).toEqual(['Treffs:1', 'Angebote:1', 'Termine:2', 'Seiten:1', 'Weitere:1']);
  });

  it('zählt Treffer nach den Pluralregeln der Sprache', () => {
    expect(trefferText(0, 'Café', suchTexte('de'))).toBe('Keine Treffer für „Café“.');
    expect(trefferText(1, 'Café', suchTexte('de'))).toBe('1 Treffer für „Café“.');
    expect(trefferText(1, 'Café', suchTexte('en'))).toBe('1 result for “Café”.');
    expect(trefferText(1200, 'Café', suchTexte('en'))).toBe('1,200 results for “Café”.');
    expect(trefferText(3, 'Café', suchTexte('uk'))).toBe('3 результати для «Café».');
    expect(trefferText(5, 'Café', suchTexte('uk'))).toBe('5 результатів для «Café».');
    expect(trefferText(21, 'Café', suchTexte('uk'))).toBe('21 результат для «Café».');
    expect(gruppieren([t('Treff', 'a'), t('?', 'b')], suchTexte('tr')).map((g) => g.mehrzahl)).toEqual(['Buluşma yerleri', 'Diğer']);
  });

  it('lässt im Auszug nur <mark> als HTML durch', () => {
    expect(sichererAuszug('Das <mark>Elterncafé</mark> &amp; <img src=x onerror=alert(1)>Spiel')).toBe('Das <mark>Elterncafé</mark> &amp; Spiel');
    expect(sichererAuszug('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('zeigt das Quartier und den Ort, aber nichts doppelt', () => {
    expect(trefferOrt({ typ: 'Angebot', quartier: 'Stahldorf', ort: 'Quartierszentrum Stahldorf' }, suchTexte('de'))).toBe('Quartier Stahldorf · Quartierszentrum Stahldorf');
    expect(trefferOrt({ typ: 'Quartier', quartier: 'Stahldorf' }, suchTexte('de'))).toBe('');
    expect(trefferOrt({ typ: 'Treff', quartier: 'Stahldorf', ort: 'X' }, suchTexte('de'))).toBe('Quartier Stahldorf');
  });
});

describe('Aushang', () => {
  it('gilt bis zum 20. für den laufenden Monat (ab heute), danach für den nächsten', () => {
    expect(aushangMonat('2026-11-05')).toEqual({ monat: '2026-11', name: 'November 2026', von: '2026-11-05', bis: '2026-12-01' });
    expect(aushangMonat('2026-11-25')).toEqual({ monat: '2026-12', name: 'Dezember 2026', von: '2026-12-01', bis: '2027-01-01' });
    expect(aushangMonat('2026-12-28')).toEqual({ monat: '2027-01', name: 'Januar 2027', von: '2027-01-01', bis: '2027-02-01' });
  });

  it('schreibt die Tage einer Reihe in eine Zeile', () => {
    expect(tageText(['2026-12-02'])).toBe('2. Dezember');
    expect(tageText(['2026-12-02', '2026-12-09', '2026-12-16'])).toBe('2., 9. und 16. Dezember');
  });

  it('nimmt Ferien-Ausnahmen heraus und nennt Ausfälle mit Grund', () => {
    const eltern = inhalt.termine.find((t) => t.id === 'elterncafe-stahldorf')!;
    const [dez] = termineImMonat([eltern], aushangMonat('2026-11-25'));
    expect(dez).toMatchObject({ titel: 'Elterncafé', zeit: '10:00–12:00 Uhr', tage: '2., 9. und 16. Dezember', ausfaelle: [] });
    const [feb] = termineImMonat([eltern], aushangMonat('2027-01-25'));
    expect(feb.ausfaelle).toEqual(['10. Februar: Fortbildung des Teams']);
    expect(feb.tage).not.toContain('10.');
  });
});

describe('QR-Codes', () => {
  it('das erzeugte SVG lässt sich wieder lesen und führt zur richtigen Adresse', async () => {
    const url = 'https://quartiere.krefeld.example/kalender/treff/quartierszentrum-stahldorf.ics';
    const svg = await qrSvg(url, 'Kalender');
    expect(svg).toMatch(/^<svg role="img" aria-label="Kalender"/);
    const bild = new Resvg(svg, { fitTo: { mode: 'width', value: 300 }, background: '#fff' }).render();
    expect(jsQR(new Uint8ClampedArray(bild.pixels), bild.width, bild.height)?.data).toBe(url);
  });
});

describe('RSS', () => {
  const orte = { ortName: () => 'Treff', quartierName: () => 'Stahldorf' };
  const jetzt = new Date('2026-11-25T10:00:00Z');

  it('Angebote tragen ihr Prüfdatum, Termine kein erfundenes Datum', () => {
    const items = rssEintraege(inhalt.angebote, inhalt.termine, orte, jetzt);
    const angebot = items.find((i) => i.link.startsWith('/angebote/'))!;
    const termin = items.find((i) => i.link === '/termine/elterncafe-stahldorf/')!;
    expect(angebot.pubDate).toBeInstanceOf(Date);
    expect(termin.pubDate).toBeUndefined();
    expect(termin.description).toMatch(/^Nächster Termin: Mittwoch, 25\. November 2026, 10:00–12:00 Uhr/);
  });

  it('eine Änderung am Inhalt gibt eine neue guid, sonst bleibt sie gleich', () => {
    const eltern = inhalt.termine.find((t) => t.id === 'elterncafe-stahldorf')!;
    const geaendert = { ...eltern, data: { ...eltern.data, beginn: '10:30' } };
    const guid = (t: typeof eltern) => rssEintraege([], [t], orte, jetzt)[0].customData;
    expect(guid(eltern)).toBe(guid({ ...eltern }));
    expect(guid(geaendert)).not.toBe(guid(eltern));
    expect(inhaltsHash({ a: 1 }, 'x')).toMatch(/^[0-9a-f]{12}$/);
  });

  it('nur kürzlich geprüfte Angebote zählen als neu oder geändert', () => {
    const items = rssEintraege(inhalt.angebote, [], orte, jetzt);
    for (const i of items) expect(i.pubDate!.getTime()).toBeGreaterThan(new Date('2026-07-27').getTime());
  });
});

describe('Einbetten und Vorschaubild', () => {
  it('der Code ist ein iframe ohne Skript, mit Titel und ohne Referrer', () => {
    expect(einbettenCode('https://quartiere.krefeld.example', 'freiraum21', 'FREIraum21 "Mitte"')).toBe(
      '<iframe src="https://quartiere.krefeld.example/einbetten/treff/freiraum21/" title="Die nächsten Termine: FREIraum21 &quot;Mitte&quot;" width="100%" height="460" style="border:1px solid #c6c6c6;max-width:40rem" loading="lazy" referrerpolicy="no-referrer"></iframe>',
    );
  });

  it('das Vorschaubild ist ein PNG mit 1200 × 630 Pixeln', async () => {
    const png = Buffer.from(await ogPng({ oben: 'Treff im Quartier Stahldorf', titel: 'Quartierszentrum Stahldorf', zeilen: ['Remscheider Straße 48'] }));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});
