import { describe, expect, it } from 'vitest';
import { de } from '../../src/i18n/de';
import { SPRACHEN, ohneSprache, pfadIn, spracheVonPfad, uebersetzer } from '../../src/i18n';

describe('Oberflächensprachen', () => {
  it('es gibt mindestens Deutsch, Englisch, Türkisch, Arabisch und Ukrainisch', () => {
    expect(SPRACHEN.map((s) => s.meta.code)).toEqual(expect.arrayContaining(['de', 'en', 'tr', 'ar', 'uk']));
    expect(SPRACHEN[0].meta.code).toBe('de');
  });

  it('jede Sprachdatei hat genau die Schlüssel der deutschen, keiner ist leer', () => {
    for (const s of SPRACHEN) {
      expect(Object.keys(s.texte).sort(), s.meta.code).toEqual(Object.keys(de).sort());
      for (const [k, v] of Object.entries(s.texte)) expect(v.trim(), `${s.meta.code}:${k}`).not.toBe('');
    }
  });

  it('Platzhalter wie {anzahl} stehen in jeder Übersetzung', () => {
    for (const [key, text] of Object.entries(de)) {
      const platzhalter = text.match(/\{\w+\}/g) ?? [];
      for (const s of SPRACHEN) for (const p of platzhalter) expect(s.texte[key as keyof typeof de], `${s.meta.code}:${key}`).toContain(p);
    }
  });

  it('Arabisch wird von rechts nach links geschrieben, die anderen von links nach rechts', () => {
    for (const s of SPRACHEN) expect(s.meta.dir).toBe(s.meta.code === 'ar' ? 'rtl' : 'ltr');
  });

  it('übersetzt und fällt bei unbekannter Sprache auf Deutsch zurück', () => {
    expect(uebersetzer('en')('nav.treffs')).toBe('Meeting places');
    expect(uebersetzer('xx')('nav.treffs')).toBe('Treffs');
  });
});

describe('Adressen je Sprache', () => {
  it('Deutsch ohne Präfix, andere Sprachen mit', () => {
    expect(pfadIn('de', '/treffs/freiraum21/')).toBe('/treffs/freiraum21/');
    expect(pfadIn('ar', '/treffs/freiraum21/')).toBe('/ar/treffs/freiraum21/');
    expect(pfadIn('en', '/tr/treffs/')).toBe('/en/treffs/');
    expect(pfadIn('en', '/')).toBe('/en/');
  });
  it('erkennt die Sprache einer Adresse', () => {
    expect(spracheVonPfad('/uk/kalender/')).toBe('uk');
    expect(spracheVonPfad('/treffs/')).toBe('de');
    expect(ohneSprache('/uk/kalender/')).toBe('/kalender/');
    expect(ohneSprache('/en/')).toBe('/');
  });
});
