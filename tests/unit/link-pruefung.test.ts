/** The link check finds what a visitor would hit: a missing page, a missing anchor, a broken image. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { externeLinksInInhalten, pruefeInterneLinks } from '../../src/lib/link-pruefung';

const tmp = mkdtempSync(join(tmpdir(), 'qp-links-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function schreibe(wurzel: string, dateien: Record<string, string>) {
  for (const [pfad, inhalt] of Object.entries(dateien)) {
    mkdirSync(dirname(join(wurzel, pfad)), { recursive: true });
    writeFileSync(join(wurzel, pfad), inhalt);
  }
}

const seite = (body: string, kopf = '') =>
  `<!doctype html><html lang="de"><head><link rel="canonical" href="https://quartiere.example/">${kopf}</head><body>${body}</body></html>`;

describe('interne Links', () => {
  it('meldet fehlende Seiten, Anker und Bilder mit der Seite, auf der sie stehen', () => {
    const dist = join(tmp, 'dist');
    schreibe(dist, {
      'index.html': seite(
        '<a href="/treffs/">ok</a> <a href="/treffs/#liste">ok</a> <a href="/treffs">ok ohne Schrägstrich</a> <a href="#oben">fehlt</a>' +
          '<a href="/gibt-es-nicht/">fehlt</a> <a href="https://quartiere.example/treffs/#weg">fehlt</a> <img src="/bild.png" alt="">' +
          '<a href="https://www.krefeld.de/">extern</a> <a href="mailto:a@example.org">mail</a>',
        '<meta property="og:image" content="https://quartiere.example/og/start.png">',
      ),
      'treffs/index.html': seite('<h1 id="liste">Treffs</h1> <a href="../">zurück</a> <a href="stra%C3%9Fe/">ok</a>'),
      'treffs/straße/index.html': seite('x'),
    });
    const { defekt } = pruefeInterneLinks(dist);
    expect(defekt).toEqual([
      { seite: '/', link: 'https://quartiere.example/og/start.png', grund: 'Ziel gibt es nicht' },
      { seite: '/', link: '#oben', grund: 'Anker #oben gibt es auf / nicht' },
      { seite: '/', link: '/gibt-es-nicht/', grund: 'Ziel gibt es nicht' },
      { seite: '/', link: 'https://quartiere.example/treffs/#weg', grund: 'Anker #weg gibt es auf /treffs/ nicht' },
      { seite: '/', link: '/bild.png', grund: 'Ziel gibt es nicht' },
    ]);
  });
});

describe('externe Links in Inhalten', () => {
  it('listet jede http(s)-Adresse mit Datei und Zeile', () => {
    const content = join(tmp, 'content');
    schreibe(content, {
      'akteure/a.yaml': 'name: A\nwebseite: https://a.example/\n',
      'treffs/t.md': '---\nname: T\n---\nMehr auf [der Seite](https://b.example/pfad?x=1). Oder https://c.example.\n',
    });
    expect(externeLinksInInhalten(content)).toEqual([
      { datei: 'akteure/a.yaml', zeile: 2, url: 'https://a.example/' },
      { datei: 'treffs/t.md', zeile: 4, url: 'https://b.example/pfad?x=1' },
      { datei: 'treffs/t.md', zeile: 4, url: 'https://c.example' },
    ]);
  });
});
