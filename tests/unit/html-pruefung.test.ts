/**
 * Each rule of the output check (src/lib/html-pruefung.ts) on its own: what must fail a build, what
 * is hashed for the CSP, which links and anchors the link check gets.
 */
import { describe, expect, it } from 'vitest';
import { analysiereHtml, sha256 } from '../../src/lib/html-pruefung';

const seite = (kopf: string, body: string) => `<!doctype html><html lang="de"><head>${kopf}</head><body>${body}</body></html>`;
const inhalt = (html: string) => seite('', `<main><div class="qp-prosa">${html}</div></main>`);

describe('HTML-Prüfung', () => {
  it('meldet Ereignis-Attribute überall, in jeder Schreibweise', () => {
    const b = analysiereHtml(seite('', '<img src="/a.png" alt="" ONERROR="x()"><svg><a onClick="y()"><text>t</text></a></svg><p onmouseover=z>p</p>'));
    expect(b.verstoesse).toEqual([
      '<img> hat ein Ereignis-Attribut onerror="x()"',
      '<a> hat ein Ereignis-Attribut onclick="y()"',
      '<p> hat ein Ereignis-Attribut onmouseover="z"',
    ]);
    // Any name starting with "on" counts (stricter than the list of handlers); "on" elsewhere does not.
    expect(analysiereHtml(seite('', '<p data-on="1" o="3" one="2">p</p>')).verstoesse).toEqual(['<p> hat ein Ereignis-Attribut one="2"']);
  });

  it('sammelt Inline-Skripte (nur ausführbare), Stile und style-Attribute außerhalb des Inhalts', () => {
    const b = analysiereHtml(
      seite(
        '<script>a()</script><script type="module">b()</script><script type=" Text/JavaScript ">c()</script><script type="application/ld+json">{"x":1}</script><script src="/x.js"></script><style>p{color:red}</style>',
        '<p style="color:blue">p</p>',
      ),
    );
    expect(b.inlineSkripte).toEqual(['a()', 'b()', 'c()']);
    expect(b.inlineStile).toEqual(['p{color:red}']);
    expect(b.stilAttribute).toEqual(['color:blue']);
    expect(b.verstoesse).toEqual([]);
    expect(sha256('a()')).toMatch(/^sha256-[A-Za-z0-9+/]+=*$/);
  });

  it('verbietet im Inhaltsbereich Skripte, Stile, style-Attribute und eingebettete Rahmen – auch am Element mit der Klasse selbst', () => {
    const b = analysiereHtml(
      seite(
        '',
        '<div class="x qp-prosa" style="a:b"><script>s()</script><style>p{}</style><p style="c:d">p</p><iframe src="/x"></iframe><object data="/o"></object><embed src="/e"><base href="/"></div>',
      ),
    );
    expect(b.verstoesse).toEqual([
      '<div style="a:b"> im Inhaltsbereich',
      '<script> im Inhaltsbereich (.qp-prosa) – Markdown darf kein Skript erzeugen',
      '<style> im Inhaltsbereich (.qp-prosa)',
      '<p style="c:d"> im Inhaltsbereich',
      '<iframe> im Inhaltsbereich',
      '<object> im Inhaltsbereich',
      '<embed> im Inhaltsbereich',
      '<base> im Inhaltsbereich',
    ]);
    expect(b.inlineSkripte).toEqual([]);
    expect(b.stilAttribute).toEqual([]);
    // A class that only contains the name is not the content area.
    expect(analysiereHtml(seite('', '<div class="qp-prosa-rand"><iframe src="/x"></iframe></div>')).verstoesse).toEqual([]);
  });

  it('verbietet javascript:, vbscript: und data: in Adressen, auch in srcset und verschleiert; data:-Bilder nur außerhalb des Inhalts', () => {
    const b = analysiereHtml(
      seite(
        '<link rel="icon" href="data:image/svg+xml,%3Csvg%3E">',
        '<a href=" java\tscript:x()">a</a><img alt="" srcset="/a.png 1x, vbscript:y 2x"><img alt="" src="data:image/png;base64,AAAA"><a href="data:text/html,x">d</a>',
      ),
    );
    expect(b.verstoesse).toEqual([
      '<a href=" java\tscript:x()"> – javascript:-Adressen sind nicht erlaubt',
      '<img srcset="vbscript:y"> – vbscript:-Adressen sind nicht erlaubt',
      '<a href="data:text/html,x"> – data:-Adressen sind nicht erlaubt',
    ]);
    expect(analysiereHtml(inhalt('<img alt="" src="data:image/png;base64,AAAA">')).verstoesse).toEqual([
      '<img src="data:image/png;base64,AAAA"> – data:-Adressen sind nicht erlaubt',
    ]);
  });

  it('liefert Links (auch Vorschaubilder und Weiterleitungen) und Anker für die Link-Prüfung', () => {
    const b = analysiereHtml(
      seite(
        '<meta property="og:image" content="https://q.example/og/a.png"><meta name="twitter:image" content="https://q.example/og/b.png"><meta name="description" content="nicht"><meta http-equiv="Refresh" content="0; url=\'/neu/\'">',
        '<h2 id="oben">h</h2><a name="alt">x</a><a href="/treffs/#oben">t</a><img alt="" src="/b.png" srcset="/b-1.png 1x, /b-2.png 2x"><template><a href="/im-template/">t</a></template>',
      ),
    );
    expect(b.links).toEqual([
      { tag: 'meta', attribut: 'og:image', wert: 'https://q.example/og/a.png' },
      { tag: 'meta', attribut: 'twitter:image', wert: 'https://q.example/og/b.png' },
      { tag: 'meta', attribut: 'http-equiv=refresh', wert: '/neu/' },
      { tag: 'a', attribut: 'href', wert: '/treffs/#oben' },
      { tag: 'img', attribut: 'src', wert: '/b.png' },
      { tag: 'img', attribut: 'srcset', wert: '/b-1.png' },
      { tag: 'img', attribut: 'srcset', wert: '/b-2.png' },
      { tag: 'a', attribut: 'href', wert: '/im-template/' },
    ]);
    expect(b.weiterleitung).toBe('/neu/');
    expect([...b.anker]).toEqual(['oben', 'alt']);
    expect(analysiereHtml(seite('<meta http-equiv="refresh" content="0;url=javascript:x()">', '')).verstoesse).toEqual(['<meta http-equiv=refresh> zu javascript:-Adresse']);
  });

  it('liest wie ein Browser: was der Parser in den Inhalt verschiebt, gilt als Inhalt', () => {
    // An unclosed table cell: the browser puts the script inside the content area's table.
    const b = analysiereHtml(inhalt('<table><tr><td>x<script>s()</script></table>'));
    expect(b.verstoesse).toEqual(['<script> im Inhaltsbereich (.qp-prosa) – Markdown darf kein Skript erzeugen']);
  });
});
