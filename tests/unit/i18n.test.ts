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
    // {treffs} („3 Treffs“) may be said with the bare number {n} where a language counts differently.
    const ersatz: Record<string, string> = { '{treffs}': '{n}' };
    for (const [key, text] of Object.entries(de)) {
      const platzhalter = text.match(/\{\w+\}/g) ?? [];
      for (const s of SPRACHEN)
        for (const p of platzhalter) {
          const uebersetzt = s.texte[key as keyof typeof de];
          expect(uebersetzt.includes(p) || (p in ersatz && uebersetzt.includes(ersatz[p])), `${s.meta.code}:${key} braucht ${p}`).toBe(true);
        }
    }
  });

  it('eine Übersetzung nutzt keine Platzhalter, die es nicht gibt', () => {
    for (const [key, text] of Object.entries(de)) {
      const erlaubt = new Set([...(text.match(/\{\w+\}/g) ?? []), ...(text.includes('{treffs}') ? ['{n}'] : []), ...(key.endsWith('.one') ? ['{n}'] : [])]);
      for (const s of SPRACHEN)
        for (const p of s.texte[key as keyof typeof de].match(/\{\w+\}/g) ?? []) expect(erlaubt.has(p), `${s.meta.code}:${key} kennt ${p} nicht`).toBe(true);
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

describe('Links auf Seiten in anderen Sprachen', async () => {
  const { linksInSprache, mitSprachen } = await import('../../src/i18n');
  const seiten = new Set(['impressum', 'ueber-uns']);
  it('führen zur Seite in derselben Sprache, Feeds, Daten und Aushänge bleiben, wie sie sind', () => {
    const html = [
      '<a href="/">Start</a>',
      '<a class="x" href="/treffs/freiraum21/#zeiten">T</a>',
      '<a href="/impressum/">I</a>',
      '<a href="/kalender/treff/freiraum21.ics">Feed</a>',
      '<a href="/daten/">Daten</a>',
      '<a href="/treffs/freiraum21/aushang/">Aushang</a>',
      '<a href="https://www.openstreetmap.org/">OSM</a>',
      '<a href="/en/treffs/">schon englisch</a>',
      '<a href="/treffs/" hreflang="de" data-sprachwahl>Deutsch</a>',
      '<link rel="alternate" href="/treffs/">',
    ].join('');
    expect(linksInSprache(html, 'ar', seiten)).toBe(
      [
        '<a href="/ar/">Start</a>',
        '<a class="x" href="/ar/treffs/freiraum21/#zeiten">T</a>',
        '<a href="/ar/impressum/">I</a>',
        '<a href="/kalender/treff/freiraum21.ics">Feed</a>',
        '<a href="/daten/">Daten</a>',
        '<a href="/treffs/freiraum21/aushang/">Aushang</a>',
        '<a href="https://www.openstreetmap.org/">OSM</a>',
        '<a href="/en/treffs/">schon englisch</a>',
      '<a href="/treffs/" hreflang="de" data-sprachwahl>Deutsch</a>',
        '<link rel="alternate" href="/treffs/">',
      ].join(''),
    );
    expect(linksInSprache(html, 'de', seiten)).toBe(html);
  });
  it('jede Seite gibt es in jeder Sprache', () => {
    const pfade = mitSprachen([{ params: { slug: 'a' } }]);
    expect(pfade.map((p) => p.params.sprache ?? 'de').sort()).toEqual(['ar', 'de', 'en', 'tr', 'uk']);
    expect(pfade.every((p) => p.params.slug === 'a')).toBe(true);
  });
});
