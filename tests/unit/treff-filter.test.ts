import { describe, expect, it } from 'vitest';
import { KEIN_FILTER, filterAlsParams, filterAusParams, istGefiltert, passt, type Filterbar } from '../../src/lib/treff-filter';

const freiraum: Filterbar = { quartiere: ['diessem'], kategorien: ['beratung', 'sprache-bildung'], sprachen: ['de', 'ar', 'tr'], stufenlos: 'ja' };
const stJosef: Filterbar = { quartiere: ['josefsviertel'], kategorien: ['begegnung'], sprachen: ['de', 'pl'], stufenlos: 'nein' };
const dieselstrasse: Filterbar = { quartiere: ['inrath'], kategorien: [], sprachen: ['de', 'ru'], stufenlos: 'unbekannt' };

describe('Filter der Treff-Suche', () => {
  it('liest den Zustand aus der Adresse und schreibt ihn gleich zurück', () => {
    const f = filterAusParams(new URLSearchParams('?quartier=diessem&sprache=ar&stufenlos=ja&offen=ja'));
    expect(f).toEqual({ quartier: 'diessem', kategorie: '', sprache: 'ar', stufenlos: true, offen: true });
    expect(filterAlsParams(f).toString()).toBe('quartier=diessem&sprache=ar&stufenlos=ja&offen=ja');
  });
  it('eine Adresse ohne Filter ergibt keinen Filter und eine leere Abfrage', () => {
    const f = filterAusParams(new URLSearchParams(''));
    expect(f).toEqual(KEIN_FILTER);
    expect(istGefiltert(f)).toBe(false);
    expect(filterAlsParams(f).toString()).toBe('');
  });
  it('gleiche Filter ergeben gleiche Adressen, egal in welcher Reihenfolge sie kamen', () => {
    const a = filterAlsParams(filterAusParams(new URLSearchParams('offen=ja&quartier=inrath')));
    const b = filterAlsParams(filterAusParams(new URLSearchParams('quartier=inrath&offen=ja')));
    expect(a.toString()).toBe(b.toString());
  });
  it('unbekannte Werte in der Adresse werden ignoriert statt nichts zu zeigen', () => {
    const f = filterAusParams(new URLSearchParams('quartier=gibtsnicht&sprache=de&stufenlos=vielleicht'), {
      quartier: ['diessem', 'inrath'],
      sprache: ['de', 'ar'],
    });
    expect(f).toEqual({ ...KEIN_FILTER, sprache: 'de' });
  });
  it('Quartier, Angebot und Sprache grenzen ein', () => {
    const f = { ...KEIN_FILTER, quartier: 'diessem' };
    expect(passt(freiraum, f, false)).toBe(true);
    expect(passt(stJosef, f, false)).toBe(false);
    expect(passt(freiraum, { ...KEIN_FILTER, kategorie: 'begegnung' }, false)).toBe(false);
    expect(passt(stJosef, { ...KEIN_FILTER, kategorie: 'begegnung' }, false)).toBe(true);
    expect(passt(dieselstrasse, { ...KEIN_FILTER, sprache: 'ru' }, false)).toBe(true);
    expect(passt(freiraum, { ...KEIN_FILTER, sprache: 'ru' }, false)).toBe(false);
  });
  it('„stufenlos“ zeigt nur Treffs, bei denen es sicher ist – „unbekannt“ ist kein Versprechen', () => {
    const f = { ...KEIN_FILTER, stufenlos: true };
    expect(passt(freiraum, f, false)).toBe(true);
    expect(passt(stJosef, f, false)).toBe(false);
    expect(passt(dieselstrasse, f, false)).toBe(false);
  });
  it('„jetzt geöffnet“ folgt dem Status zur Ansichtszeit', () => {
    const f = { ...KEIN_FILTER, offen: true };
    expect(passt(freiraum, f, true)).toBe(true);
    expect(passt(freiraum, f, false)).toBe(false);
    expect(passt(freiraum, KEIN_FILTER, false)).toBe(true);
  });
  it('mehrere Filter gelten zusammen', () => {
    const f = { ...KEIN_FILTER, quartier: 'diessem', sprache: 'ar', stufenlos: true, offen: true };
    expect(passt(freiraum, f, true)).toBe(true);
    expect(passt(freiraum, { ...f, sprache: 'pl' }, true)).toBe(false);
  });
});
