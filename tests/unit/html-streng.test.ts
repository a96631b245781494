/**
 * The fast pass of the output check (src/lib/html-streng.ts) reads a page only where it reads it
 * exactly as parse5 does; everything else it hands back. For each case: whether it takes the page,
 * and that the check's result (src/lib/html-pruefung.ts) is the same as on parse5's tree. Every page
 * of the example site is compared in tests/e2e/csp.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { analysiereHtml, analysiereMitParse5, type HtmlBefund } from '../../src/lib/html-pruefung';
import { durchlaufeStreng } from '../../src/lib/html-streng';

const seite = (kopf: string, rumpf: string) => `<!DOCTYPE html><html lang="de" dir="ltr"><head>${kopf}</head><body class="x">${rumpf}</body></html>`;
const inhalt = (html: string) => seite('<meta charset="utf-8">', `<main><div class="qp-prosa">${html}</div></main>`);

const schnell = (html: string) => durchlaufeStreng(html, () => false);
const alsDaten = (b: HtmlBefund) => ({ ...b, anker: [...b.anker].sort() });

/** The check's result on the fast pass equals the one on parse5's tree (or the pass handed the page back). */
function gleich(html: string) {
  expect(alsDaten(analysiereHtml(html))).toEqual(alsDaten(analysiereMitParse5(html)));
}

/** A page as our templates write it: head with metadata, inline style and scripts, body with the usual parts. */
const TYPISCH = seite(
  '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Treff &amp; Café – Portal</title>' +
    '<link rel="canonical" href="https://example.org/treffs/a/"><meta property="og:image" content="https://example.org/og/a.png">' +
    '<link rel="icon" href="data:image/svg+xml,%3Csvg%3E"><script type="application/ld+json">{"@type":"Place","name":"A &amp; B"}</script>' +
    '<style>address[data-astro-cid-x]{font-style:normal}</style><script type="module">import("/_astro/a.js")</script>',
  '<a class="qp-skiplink" href="#inhalt">Zum Inhalt</a>\n<header class="qp-kopf"><nav aria-label="Haupt"><ul><li><a href="/quartiere/">Quartiere</a></li><li><a href="/treffs/" aria-current="page">Treffs</a></li></ul></nav>' +
    '<form role="search" action="/suche/" method="get" data-astro-cid-e><label class="qp-sr" for="q">Suchbegriff</label><input id="q" type="search" name="q" data-astro-cid-e><button type="submit">Suchen</button></form></header>' +
    '<main id="inhalt"><h1>Treff &lt;A&gt;</h1><p class="qp-meta" style="--qp-farbe:#0b3a5b">Öffnungszeiten<br>heute</p>' +
    '<table class="qp-tabelle"><caption class="qp-sr">Öffnungszeiten</caption><thead><tr><th scope="col">Tag</th><th>Zeit</th></tr></thead><tbody><tr><th scope="row">Montag</th><td>09:00–18:00 Uhr</td></tr></tbody></table>' +
    '<dl><dt>Adresse</dt><dd><address>Westwall 1</address></dd></dl><ul><li>eins<ul><li>zwei</li></ul></li></ul>' +
    '<div class="qp-prosa"><p>Text mit <a href="https://www.krefeld.de/?a=1&amp;b=2" id="x">Link</a> und <strong>fett</strong>.</p><img src="/_astro/a.webp" srcset="/_astro/a.webp 400w, /_astro/b.webp 800w" alt="" loading="lazy"></div>' +
    '<svg role="img" aria-label="QR-Code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 45 45"><path fill="#fff" d="M0 0h45v45H0z"/><path stroke="#000" d="M4 4.5h7"/></svg>' +
    '<noscript><p>Die Karte braucht JavaScript.</p><script>x()</script></noscript><!-- Kommentar --><astro-island uid="1" component-url="/_astro/K.js"></astro-island>' +
    '<script>document.documentElement.classList.add("js")</script></main>\n<footer><p>Stadt Krefeld</p></footer>',
);

describe('Schneller Durchlauf der Ausgabeprüfung', () => {
  it('liest eine Seite, wie unsere Vorlagen sie schreiben, selbst – mit demselben Ergebnis wie parse5', () => {
    expect(schnell(TYPISCH)).toBe(true);
    gleich(TYPISCH);
    const b = analysiereHtml(TYPISCH);
    expect(b.inlineSkripte).toEqual(['import("/_astro/a.js")', 'document.documentElement.classList.add("js")']);
    expect(b.inlineStile).toEqual(['address[data-astro-cid-x]{font-style:normal}']);
    expect(b.stilAttribute).toEqual(['--qp-farbe:#0b3a5b']);
    expect(b.links.map((l) => l.wert)).toContain('https://www.krefeld.de/?a=1&b=2');
    expect([...b.anker].sort()).toEqual(['inhalt', 'q', 'x']);
  });

  it('sieht, was es prüfen soll: Ereignis-Attribute, Adressen mit Zeichenreferenzen, Skripte im Inhalt', () => {
    const faelle = [
      inhalt('<img src="/a.png" alt="" ONERROR="x()">'),
      inhalt('<a href="&#106;avascript:alert(1)">x</a>'),
      inhalt('<a href="&#x6A;avascript:alert(1)">x</a>'),
      inhalt('<a href=" javascript:alert(1)">x</a>'),
      inhalt('<p><IMG SRC=/x.png ALT=bild onError=y></p>'),
      inhalt('<script>s()</script><style>p{}</style><p style="a:b">p</p><embed src="/e">'),
      seite('<meta http-equiv="refresh" content="0;url=javascript:x()">', ''),
    ];
    for (const html of faelle) {
      expect(schnell(html), html).toBe(true);
      gleich(html);
      expect(analysiereHtml(html).verstoesse.length, html).toBeGreaterThan(0);
    }
  });

  it('gibt Seiten an parse5, wo der Browser anders bauen würde, als geschrieben steht', () => {
    const faelle = {
      // Implicitly closed elements: the script is not inside the Markdown area for a browser.
      'p vor div': inhalt('<p class="qp-prosa">x<div><script>s()</script></div></p>'),
      'zweites li': seite('', '<ul class="qp-prosa"><li>a<li><script>s()</script></ul>'),
      'dd nach dt': seite('', '<dl><dt>a<dd>b</dl>'),
      'h3 in h2': seite('', '<h2>a<h3>b</h3></h2>'),
      'a in a': seite('', '<a href="/">a<a href="/b">b</a></a>'),
      'form in form': seite('', '<form><form></form></form>'),
      'button in button': seite('', '<button>a<button>b</button></button>'),
      // Tables: implied tbody, fostered content.
      'tr ohne tbody': seite('', '<table><tr><td>x</td></tr></table>'),
      'Text in table': seite('', '<table>x<tbody></tbody></table>'),
      'script in table': seite('', '<table><script>s()</script></table>'),
      // Other tokenizer states and insertion modes.
      template: seite('', '<template><script>s()</script></template>'),
      textarea: seite('', '<textarea><script>s()</script></textarea>'),
      select: seite('', '<select><option>a<option>b</select>'),
      'script mit <!--': seite('<script><!--<script>x</script>y()--></script>', ''),
      math: seite('', '<math><mi>x</mi></math>'),
      'svg mit a': seite('', '<svg><a xlink:href="javascript:x()"><text>t</text></a></svg>'),
      'svg mit style': seite('', '<svg><style>p{}</style></svg>'),
      // Tokens the tokenizer repairs or reads differently.
      'div/': seite('', '<div/>x'),
      'Endtag falsch': seite('', '<b><i>x</b></i>'),
      'Endtag mit Attribut': seite('', '<p>x</p class="y">'),
      'script-Ende mit Leerzeichen': seite('<script>a()</script >', ''),
      'doppeltes Attribut': seite('', '<a href="/" href="javascript:x()">a</a>'),
      'Attribute ohne Leerzeichen': seite('', '<a href="/"title="x">a</a>'),
      '&Tab;': inhalt('<a href="jav&Tab;ascript:alert(1)">x</a>'),
      '&amp ohne ;': seite('', '<a href="/?a=1&amp=2">a</a>'),
      '&#128;': seite('', '<a title="&#128;">a</a>'),
      'Wagenrücklauf': seite('', '<p>a\r\nb</p>'),
      'NUL': seite('', '<p>a\0b</p>'),
      'Kommentar <!-->': seite('', '<!--><script>s()</script>-->'),
      'Kommentar --!>': seite('', '<!-- a --!><script>s()</script>-->'),
      '< ohne Tag': seite('', '<p>a < b</p>'),
      // The document's frame as a browser completes it.
      'ohne doctype': '<html><head></head><body></body></html>',
      'Quirks-doctype': '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN"><html><head></head><body></body></html>',
      'div im head': '<!DOCTYPE html><html><head><div class="qp-prosa"></div></head><body><script>s()</script></body></html>',
      'Text im head': '<!DOCTYPE html><html><head>x</head><body></body></html>',
      'zweites body': seite('', '<body onload="x()">'),
      'ohne </html>': '<!DOCTYPE html><html><head></head><body></body>',
      'Text nach </html>': `${seite('', '')}x`,
    };
    for (const [name, html] of Object.entries(faelle)) {
      expect(schnell(html), name).toBe(false);
      gleich(html);
    }
  });

  it('liest Rohtext wie der Browser: <noscript> und <title> enthalten keine Elemente', () => {
    const html = seite('<title>a <script>s()</script></title><noscript><style>p{}</style></noscript>', '<noscript><img src="x" onerror="y()"></noscript>');
    expect(schnell(html)).toBe(true);
    gleich(html);
    expect(analysiereHtml(html)).toMatchObject({ inlineSkripte: [], inlineStile: [], verstoesse: [] });
  });
});
