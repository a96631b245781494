/**
 * Subscribed calendars and bookmarks must not break: building the same content again gives the
 * same feeds byte for byte (apart from DTSTAMP), the same event UIDs and the same URLs; renaming a
 * Termin changes its title and nothing else; an old address listed in `frueher` redirects.
 *
 * Two builds instead of three (each takes half a minute): build B is build A plus one renamed
 * title, and everything that does not mention that Termin must be byte-identical.
 *
 * A third build, C, writes B's content over a copy of A's output (as a developer's second build
 * does, src/integrations/ausgabe-aufraeumen.ts) with a page of a since deleted Termin added to it:
 * it must end up with exactly B's files, search index included, and without the deleted page. C
 * also starts with A's cache folder, as a second build does: the editor's bundle comes from there
 * (src/integrations/redaktion.ts) and must be the one B built afresh.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baue, testOrdner, type BuildErgebnis } from '../support/test-build';

const ordner = testOrdner('stabil');
afterAll(() => rmSync(ordner, { recursive: true, force: true }));

const TERMIN = 'elterncafe';
const ALT = 'Elterncafé';
const NEU = 'Elterncafé mit Spielecke';
/** The series and each single date downloaded on its own (`termin-elterncafe-20261201@…`). */
const FRUEHER = 'eltern-cafe-alt';
// Its UIDs keep the first file name it was published under, so subscribers never see it twice.
const UID = new RegExp(`^termin-${FRUEHER}(-\\d{8})?@`);

function dateien(wurzel: string, dir = wurzel): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? dateien(wurzel, join(dir, e.name)) : [relative(wurzel, join(dir, e.name)).split(sep).join('/')]))
    .sort();
}

/** iCal text without line folding and without DTSTAMP (the only line allowed to differ). */
const ohneDtstamp = (ics: string) =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((z) => !z.startsWith('DTSTAMP'))
    .join('\n');

/** UIDs of all events of a feed. */
function uidsIn(ics: string): string[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((ev) => String(ev.getFirstPropertyValue('uid')));
}

let a: BuildErgebnis;
let b: BuildErgebnis;
let c: BuildErgebnis;
/** Pages of a Termin deleted since build A, planted into C's starting point. */
const GELOESCHT = ['termine/geloescht/index.html', 'en/termine/geloescht/index.html', 'termine/geloescht/serie.ics'];

beforeAll(() => {
  const inhalt = join(ordner, 'inhalt');
  cpSync('tests/fixtures/kalender', inhalt, { recursive: true });
  // The Termin was once published under another file name.
  const datei = join(inhalt, 'termine', `${TERMIN}.md`);
  const original = readFileSync(datei, 'utf8').replace(/^---\n/, `---\nfrueher: [${FRUEHER}]\n`);
  writeFileSync(datei, original);
  a = baue(inhalt, ordner, 'a');
  // The same content with the title changed in the CMS.
  writeFileSync(datei, original.replace(`titel: ${ALT}\n`, `titel: ${NEU}\n`));
  b = baue(inhalt, ordner, 'b');
  // C starts from A's output plus the pages of a Termin deleted since, written a minute earlier.
  const cDist = join(ordner, 'c', 'dist');
  cpSync(a.dist, cDist, { recursive: true });
  const frueher = new Date(Date.now() - 60_000);
  for (const f of GELOESCHT) {
    mkdirSync(join(cDist, f, '..'), { recursive: true });
    writeFileSync(join(cDist, f), 'alt');
    utimesSync(join(cDist, f), frueher, frueher);
  }
  cpSync(join(ordner, 'a', 'cache'), join(ordner, 'c', 'cache'), { recursive: true });
  c = baue(inhalt, ordner, 'c', {}, { ueberschreiben: true });
}, 900_000);

describe('Zwei Builds derselben Inhalte', () => {
  it('bauen beide ohne Fehler', () => {
    expect(a.status, a.ausgabe.slice(-2000)).toBe(0);
    expect(b.status, b.ausgabe.slice(-2000)).toBe(0);
    console.log(`Build A ${a.dauerMs} ms, Build B ${b.dauerMs} ms, Build C (über A) ${c.dauerMs} ms`);
  });

  it('haben dieselben URLs', () => {
    const urls = (d: string) => dateien(d).filter((f) => !f.startsWith('_astro/') && !f.startsWith('pagefind/'));
    expect(urls(b.dist)).toEqual(urls(a.dist));
    expect(urls(a.dist)).toContain(`termine/${TERMIN}/index.html`);
  });

  it('liefern byte-gleiche iCal-Dateien (bis auf DTSTAMP); nur der umbenannte Titel ändert sich', () => {
    const ics = dateien(a.dist).filter((f) => f.endsWith('.ics'));
    expect(ics.length).toBeGreaterThan(5);
    let mitTermin = 0;
    for (const f of ics) {
      const textA = ohneDtstamp(readFileSync(join(a.dist, f), 'utf8'));
      if (textA.includes(ALT)) mitTermin++;
      // Unfolded, so a longer title that folds differently still compares line by line.
      expect(ohneDtstamp(readFileSync(join(b.dist, f), 'utf8')), f).toBe(textA.replaceAll(ALT, NEU));
    }
    expect(mitTermin, 'Feeds, die den umbenannten Termin enthalten').toBeGreaterThan(0);
  });

  it('geben jedem Termin dieselbe UID, auch nach dem Umbenennen', () => {
    const uids = (dist: string) =>
      new Set(
        dateien(dist)
          .filter((f) => f.endsWith('.ics'))
          .flatMap((f) => uidsIn(readFileSync(join(dist, f), 'utf8'))),
      );
    const uidsA = uids(a.dist);
    expect([...uidsA].some((u) => UID.test(u))).toBe(true);
    expect([...uids(b.dist)].sort()).toEqual([...uidsA].sort());
  });

  it('liefern byte-gleiche Daten-Dateien, wo der Termin nicht vorkommt', () => {
    for (const f of dateien(a.dist).filter((d) => /\.(json|geojson|xml|txt)$/.test(d) && !d.startsWith('pagefind/'))) {
      const textA = readFileSync(join(a.dist, f), 'utf8');
      if (textA.includes(ALT)) continue;
      expect(readFileSync(join(b.dist, f), 'utf8'), f).toBe(textA);
    }
  });

  it('leiten die frühere Adresse auf die jetzige um (Seite, _redirects, nginx)', () => {
    const alt = readFileSync(join(a.dist, 'termine', 'eltern-cafe-alt', 'index.html'), 'utf8');
    expect(alt).toMatch(/http-equiv="refresh" content="0;\s*url=\/termine\/elterncafe\/"/);
    expect(readFileSync(join(a.dist, '_redirects'), 'utf8')).toContain('/termine/eltern-cafe-alt/ /termine/elterncafe/ 301');
    expect(readFileSync(join(a.dist, '_nginx', 'default.conf'), 'utf8')).toContain('location = /termine/eltern-cafe-alt/ { return 301 /termine/elterncafe/; }');
    // Search engines learn the new address only.
    const sitemaps = dateien(a.dist).filter((f) => /^sitemap.*\.xml$/.test(f));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const f of sitemaps) expect(readFileSync(join(a.dist, f), 'utf8')).not.toContain('eltern-cafe-alt');
  });
});

describe('Ein Build über die Ausgabe des vorigen', () => {
  it('gelingt', () => {
    expect(c.status, c.ausgabe.slice(-2000)).toBe(0);
  });

  it('hat genau die Dateien eines Builds in einen leeren Ordner, Suchindex und Assets eingeschlossen', () => {
    expect(dateien(c.dist)).toEqual(dateien(b.dist));
    // The renamed title changed the search index: A's files for it must be gone, B's there.
    const pagefind = (d: string) => dateien(d).filter((f) => f.startsWith('pagefind/'));
    expect(pagefind(a.dist)).not.toEqual(pagefind(b.dist));
  });

  it('der Suchindex entsteht neben Sitemap und Prüfung: auch ein Build in einen leeren Ordner hat seine Cache-Regel', () => {
    // pagefind runs while the output check writes _headers from the folders in dist/.
    for (const d of [a.dist, b.dist, c.dist]) expect(readFileSync(join(d, '_headers'), 'utf8')).toMatch(/^\/pagefind\/\*\n {2}Cache-Control: public, max-age=300/m);
    expect(dateien(a.dist).filter((f) => f.startsWith('pagefind/fragment/')).length).toBeGreaterThan(10);
  });

  it('entfernt Seiten und Feeds, die es nicht mehr gibt, samt ihrer Ordner', () => {
    for (const f of GELOESCHT) expect(existsSync(join(c.dist, f)), f).toBe(false);
    expect(existsSync(join(c.dist, 'termine', 'geloescht'))).toBe(false);
    expect(existsSync(join(c.dist, 'en', 'termine', 'geloescht'))).toBe(false);
    expect(c.ausgabe).toMatch(/\d+ Dateien und \d+ Ordner aus dem vorigen Build entfernt/);
  });

  it('bündelt beim Einlesen der Inhalte keine Abhängigkeiten für einen Browser vor (src/integrations/ohne-vorbuendeln.ts)', () => {
    // Vite's optimizer writes what it bundled into its cache folder (ASTRO_CACHE_DIR/vite/deps).
    expect(a.ausgabe).toContain('Synced content');
    expect(existsSync(join(ordner, 'a', 'cache', 'vite', 'deps'))).toBe(false);
  });

  it('nimmt die Redaktion aus dem Cache, und /admin/ lädt sie aus dem eigenen dist/', () => {
    expect(a.ausgabe).toContain('Redaktions-Bundle wird nebenher gebaut');
    expect(c.ausgabe).toContain('Redaktions-Bundle unverändert, aus dem Cache');
    for (const d of [a.dist, b.dist, c.dist]) {
      const skript = /<script type="module" src="(\/_astro\/redaktion\.[\w-]+\.js)"><\/script>/.exec(readFileSync(join(d, 'admin', 'index.html'), 'utf8'))?.[1];
      expect(skript, d).toBeDefined();
      expect(readFileSync(join(d, skript!), 'utf8'), d).toContain('decap');
    }
  });

  it('schreibt Seiten mit demselben Inhalt wie ein Build in einen leeren Ordner', () => {
    for (const f of dateien(b.dist).filter((d) => d.endsWith('.html') || d.endsWith('.json'))) {
      expect(readFileSync(join(c.dist, f), 'utf8'), f).toBe(readFileSync(join(b.dist, f), 'utf8'));
    }
  });
});
