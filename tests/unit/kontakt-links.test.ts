import { describe, expect, it } from 'vitest';
import { adresszeile, telHref } from '../../src/lib/kontakt-links';

describe('telHref: Telefonnummern werden antippbar', () => {
  it('eine Krefelder Nummer mit Vorwahl wird international, damit sie auch mit ausländischer SIM-Karte geht', () => {
    expect(telHref('02151 86-0')).toBe('tel:+49215186' + '0');
    expect(telHref('02151 / 000-101')).toBe('tel:+492151000101');
  });
  it('internationale Schreibweisen bleiben erhalten', () => {
    expect(telHref('+49 2151 860')).toBe('tel:+492151860');
    expect(telHref('0049 2151 860')).toBe('tel:+492151860');
  });
});

describe('adresszeile', () => {
  it('setzt Straße, Hausnummer, PLZ und Ort in eine Zeile', () => {
    expect(adresszeile({ strasse: 'Alte Linner Straße', hausnummer: '69', plz: '47799', ort: 'Krefeld' })).toBe(
      'Alte Linner Straße 69, 47799 Krefeld',
    );
  });
});

describe('Adressen ohne Hausnummer', () => {
  it('ein Platz ohne Hausnummer bekommt keine Leerstelle', () => {
    expect(adresszeile({ strasse: 'Albrechtplatz', plz: '47799', ort: 'Krefeld' })).toBe('Albrechtplatz, 47799 Krefeld');
  });
});
