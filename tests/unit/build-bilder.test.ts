/**
 * A photo a QE uploads reaches residents through Astro's image pipeline: the Treff page serves a
 * <picture> with AVIF and WebP in several widths, an <img> with width, height, alt text, lazy
 * loading — and every file it names exists. A photo that is missing from the media folder or has
 * no alt text stops the build with a German message naming the file and the field.
 *
 * The fixture uses an example photo from the real media folder (src/assets/uploads/): there is
 * one media folder for every content folder, as Decap writes it.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baue, testOrdner, type BuildErgebnis } from '../support/test-build';

const ordner = testOrdner('bilder');
afterAll(() => rmSync(ordner, { recursive: true, force: true }));

const FOTO = 'beispiel-treff-bleichpfad-eingang.jpg';
const ALT = 'Der Eingang des Treffs mit Rampe und Hochbeeten';
const TREFF = join('treffs', 'treff-test.md');

/** The fixture with these lines added to the Treff's front matter. */
function inhaltMit(name: string, zeilen: string[]): string {
  const inhalt = join(ordner, name);
  cpSync('tests/fixtures/klein', inhalt, { recursive: true });
  const datei = join(inhalt, TREFF);
  writeFileSync(datei, readFileSync(datei, 'utf8').replace(/^---\n/, `---\n${zeilen.join('\n')}\n`));
  return inhalt;
}

const attribute = (tag: string) => Object.fromEntries([...tag.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

describe('Fotos im Build', () => {
  let gut: BuildErgebnis;
  beforeAll(() => {
    const inhalt = inhaltMit('inhalt', [
      'fotos:',
      `  - src: ../../src/assets/uploads/${FOTO}`,
      `    alt: ${ALT}`,
      '    bildnachweis: "Foto: Treff Test"',
    ]);
    gut = baue(inhalt, ordner);
  }, 300_000);

  it('die Treff-Seite liefert <picture> mit AVIF und WebP in Breitenstufen und ein <img> mit Maßen, Alternativtext und lazy', () => {
    expect(gut.status, gut.ausgabe.slice(-3000)).toBe(0);
    const html = readFileSync(join(gut.dist, 'treffs', 'treff-test', 'index.html'), 'utf8');
    const picture = /<picture\b[^>]*>([\s\S]*?)<\/picture>/.exec(html)?.[1];
    expect(picture, 'kein <picture> auf der Treff-Seite').toBeDefined();

    const quellen = [...picture!.matchAll(/<source\b[^>]*>/g)].map((m) => attribute(m[0]));
    expect(quellen.map((q) => q.type)).toEqual(['image/avif', 'image/webp']);
    for (const q of quellen) {
      // Width descriptors 400w, 800w, 1200w (the upload is 1600 px wide), and a sizes attribute.
      expect(q.srcset.split(', ').map((s) => s.split(' ')[1])).toEqual(['400w', '800w', '1200w']);
      expect(q.sizes).toMatch(/^\(min-width: 60rem\) /);
    }
    expect(quellen[0].srcset).toMatch(/\/_astro\/beispiel-treff-bleichpfad-eingang\.[\w-]+\.avif 400w/);

    const img = attribute(/<img\b[^>]*>/.exec(picture!)![0]);
    expect(img).toMatchObject({ alt: ALT, width: '1200', height: '800', loading: 'lazy', decoding: 'async' });
    expect(img.srcset.split(', ').map((s) => s.split(' ')[1])).toEqual(['400w', '800w', '1200w']);
    expect(html).toContain('<figcaption class="qp-fotos__nachweis"');
    expect(html).toContain('Foto: Treff Test</figcaption>');

    // Every file the page names was built.
    const urls = [img.src, ...[img, ...quellen].flatMap((q) => q.srcset.split(', ').map((s) => s.split(' ')[0]))];
    expect(urls.filter((u) => u.endsWith('.avif'))).toHaveLength(3);
    for (const url of urls) expect(existsSync(join(gut.dist, url)), url).toBe(true);
  });

  it('die offenen Daten verweisen auf die gebaute Bilddatei', () => {
    const geo = JSON.parse(readFileSync(join(gut.dist, 'daten', 'treffs.geojson'), 'utf8')) as {
      features: { properties: { fotos: { src: string; alt: string; bildnachweis?: string }[] } }[];
    };
    const foto = geo.features[0].properties.fotos[0];
    expect(foto).toMatchObject({ alt: ALT, bildnachweis: 'Foto: Treff Test' });
    expect(existsSync(join(gut.dist, new URL(foto.src).pathname)), foto.src).toBe(true);
  });
});

describe('fehlerhafte Fotos halten den Build an', () => {
  it('eine fehlende Bilddatei: Datei, Feld und Medienordner werden genannt', { timeout: 300_000 }, () => {
    const inhalt = inhaltMit('fehlt', ['fotos:', '  - src: ../../src/assets/uploads/eingang-neu.jpg', `    alt: ${ALT}`]);
    const { status, ausgabe } = baue(inhalt, ordner, 'fehlt');
    expect(status).not.toBe(0);
    expect(ausgabe).toContain('treff-test.md');
    expect(ausgabe).toContain(
      'fotos.0.src: „Bilddatei“: Die Bilddatei „eingang-neu.jpg“ fehlt im Medienordner src/assets/uploads/. Bitte das Bild im Redaktionssystem neu hochladen oder den Dateinamen korrigieren.',
    );
  });

  it('ein Foto ohne Alternativtext: Datei und Feld werden genannt', { timeout: 300_000 }, () => {
    const inhalt = inhaltMit('ohne-alt', ['fotos:', `  - src: ../../src/assets/uploads/${FOTO}`]);
    const { status, ausgabe } = baue(inhalt, ordner, 'ohne-alt');
    expect(status).not.toBe(0);
    expect(ausgabe).toContain('treff-test.md');
    expect(ausgabe).toContain('fotos.0.alt: „Alternativtext“: Alternativtext fehlt: Beschreiben Sie in einem Satz, was auf dem Bild zu sehen ist.');
  });
});
