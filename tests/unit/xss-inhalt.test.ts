/**
 * Nothing an editor types may run code in a visitor's browser. These tests run every payload of
 * tests/fixtures/xss through the same Markdown pipeline and the same schemas as the build; the
 * e2e test tests/e2e/xss.spec.ts then builds a whole site from them and opens it in Chromium.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { analysiereHtml, schemaVon } from '../../src/lib/html-pruefung';
import { SICHERE_REHYPE_PLUGINS } from '../../src/lib/markdown-sicher';
import { z } from 'astro/zod';
import { STEUERZEICHEN, bild, text, webadresse } from '../../src/schema/fields';
import { STEUERZEICHEN_DATEI } from '../../src/schema/dateien';
import { pruefe } from '../../src/schema/errors';
import { HARMLOSE_URLS, XSS_PAYLOADS } from '../fixtures/xss/payloads';

const prozessor = await createMarkdownProcessor({ syntaxHighlight: false, rehypePlugins: [...SICHERE_REHYPE_PLUGINS] });
const alsHtml = async (md: string) => (await prozessor.render(md)).code;
const ERLAUBTE_SCHEMAS = new Set(['http', 'https', 'mailto', 'tel']);

describe('Markdown aus dem CMS', () => {
  it.each(XSS_PAYLOADS.map((p) => [p.name, p.wert]))('%s erzeugt kein ausführbares Markup', async (_name, wert) => {
    // As a paragraph, inside a list, in a link text and in an image description.
    const md = `${wert}\n\n- ${wert}\n\n[${wert}](/treffs/)\n\n![${wert}](https://example.org/bild.png)\n\n${wert}`;
    const html = await alsHtml(md);
    const befund = analysiereHtml(`<div class="qp-prosa">${html}</div>`);
    expect(befund.verstoesse).toEqual([]);
    expect(befund.inlineSkripte).toEqual([]);
    expect(befund.inlineStile).toEqual([]);
    expect(befund.stilAttribute).toEqual([]);
    for (const link of befund.links) {
      const schema = schemaVon(link.wert);
      if (schema) expect(ERLAUBTE_SCHEMAS, `${link.tag} ${link.attribut}="${link.wert}"`).toContain(schema);
    }
    // Payload text may remain, escaped (`&#x3C;img onerror=…`): as text it is harmless.
    expect(html).not.toMatch(/<(script|style|iframe|object|embed|form|base|meta|link|template|svg|math)\b/i);
  });

  it('lässt normale Formatierung, Links und Fußnoten stehen', async () => {
    const html = await alsHtml(
      '# Titel\n\n**fett** und _kursiv_, <abbr title="Quartiersentwicklung">QE</abbr>, ' +
        '[Treffs](/treffs/), [Stadt](https://www.krefeld.de/), [Mail](mailto:qe@example.org), [Tel](tel:+4921510), Fußnote[^1]\n\n[^1]: Erklärung.',
    );
    expect(html).toContain('<h2');
    expect(html).not.toContain('<h1');
    expect(html).toContain('<strong>fett</strong>');
    expect(html).toContain('<abbr title="Quartiersentwicklung">QE</abbr>');
    for (const href of ['/treffs/', 'https://www.krefeld.de/', 'mailto:qe@example.org', 'tel:+4921510']) expect(html).toContain(`href="${href}"`);
    // Footnote links still find their target.
    const befund = analysiereHtml(html);
    const anker = befund.links.filter((l) => l.wert.startsWith('#')).map((l) => l.wert.slice(1));
    expect(anker.length).toBeGreaterThan(0);
    for (const a of anker) expect(befund.anker, `#${a}`).toContain(a);
  });

  it('macht aus einem Bild von fremdem Server einen Link (keine Anfrage ohne Zustimmung)', async () => {
    const html = await alsHtml('![Plakat Sommerfest](https://example.org/plakat.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://example.org/plakat.png">Bild auf externer Seite: Plakat Sommerfest</a>');
  });

  it('setzt ids aus dem Inhalt unter ein Präfix, damit sie keine Seiten-ids überschreiben', async () => {
    const html = await alsHtml('<a id="qp-zeiten" name="qp-finder" href="/">x</a>');
    expect(html).toContain('id="user-content-qp-zeiten"');
    expect(html).not.toMatch(/id="qp-zeiten"/);
  });
});

describe('Felder im Inhaltsmodell', () => {
  it.each(XSS_PAYLOADS.map((p) => [p.name, p.wert]))('Web-Adresse %s wird mit deutscher Meldung abgelehnt', (_name, wert) => {
    const r = pruefe(webadresse(), wert);
    expect(r.ok).toBe(false);
    expect(r.fehler.join(' ')).toMatch(/Web-Adresse|Pflichtfeld|Keine gültige/);
  });

  it.each(HARMLOSE_URLS)('Web-Adresse %s bleibt eine normale Adresse', (wert) => {
    expect(pruefe(webadresse(), wert)).toMatchObject({ ok: true, data: wert });
  });

  it.each(XSS_PAYLOADS.map((p) => [p.name, p.wert]))('Textfeld %s wird als Text gespeichert oder mit deutscher Meldung abgelehnt', (_name, wert) => {
    const r = pruefe(text('Titel', undefined, 300), wert);
    if (STEUERZEICHEN.test(wert)) {
      expect(r.ok).toBe(false);
      expect(r.fehler.join(' ')).toContain('Steuerzeichen');
    } else expect(r).toMatchObject({ ok: true, data: wert.trim() });
  });

  it.each(['javascript:window.__xss=1', 'data:image/svg+xml;base64,PHN2Zz4=', 'https://example.org/bild.jpg', '//example.org/bild.jpg', ' JAVASCRIPT:x'])(
    'Bilddatei %s wird mit deutscher Meldung abgelehnt',
    (src) => {
      const r = pruefe(bild(() => z.string()), { src, alt: 'Ein Foto vom Treff' });
      expect(r.ok).toBe(false);
      expect(r.fehler.join(' ')).toContain('src („Bilddatei“): Bitte ein hochgeladenes Bild wählen');
    },
  );

  it('nimmt hochgeladene Bilder an', () => {
    expect(pruefe(bild(() => z.string()), { src: '../../src/assets/uploads/foto.jpg', alt: 'Ein Foto vom Treff' }).ok).toBe(true);
  });

  it('prüft Steuerzeichen in Feldern und in ganzen Dateien gleich', () => {
    expect(STEUERZEICHEN_DATEI.source).toBe(STEUERZEICHEN.source);
  });
});
