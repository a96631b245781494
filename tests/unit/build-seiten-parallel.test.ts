/**
 * Pages rendered in worker threads (src/integrations/seiten-parallel.ts).
 *
 * 1. The pool on a made-up prerender bundle: a page comes back from the worker as Astro's app
 *    rendered it; a page that asks for an image, and a route the worker does not know, are
 *    rendered by Astro's own prerenderer instead; an error in a page fails with its message.
 * 2. Two real builds of the same content, one in the main thread only and one with every page sent
 *    to workers: every file is byte for byte the same, images included. The second build also
 *    renders the Markdown bodies in two workers while reading the content
 *    (src/schema/markdown-parallel.ts): pages and Astro's data store are the same.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parallelerPrerenderer, prerenderEintrag, workerAnzahl } from '../../src/integrations/seiten-parallel';
import { markdownWorkerAnzahl } from '../../src/schema/markdown-parallel';
import { baue, testOrdner, type BuildErgebnis } from '../support/test-build';

/** Route data as Astro hands it to a prerenderer. */
const route = (r: string) => ({ type: 'page', route: r, component: `src/pages${r}.astro` }) as never;

describe('Anzahl der Worker', () => {
  it('einer je Kern außer dem Hauptthread; QP_SEITEN_WORKER entscheidet', () => {
    expect(workerAnzahl({}, 4)).toBe(3);
    expect(workerAnzahl({}, 8)).toBe(7);
    expect(workerAnzahl({}, 2)).toBe(1);
    expect(workerAnzahl({}, 1)).toBe(0);
    expect(workerAnzahl({ QP_SEITEN_WORKER: '0' }, 8)).toBe(0);
    expect(workerAnzahl({ QP_SEITEN_WORKER: '3' }, 2)).toBe(3);
    expect(() => workerAnzahl({ QP_SEITEN_WORKER: 'zwei' }, 2)).toThrow(/ganze Zahl/);
  });

  it('für Markdown einer je Kern außer dem Hauptthread, höchstens zwei; QP_MARKDOWN_WORKER entscheidet', () => {
    expect(markdownWorkerAnzahl({}, 2)).toBe(1);
    expect(markdownWorkerAnzahl({}, 1)).toBe(0);
    expect(markdownWorkerAnzahl({}, 8)).toBe(2);
    expect(markdownWorkerAnzahl({ QP_MARKDOWN_WORKER: '0' }, 8)).toBe(0);
    expect(markdownWorkerAnzahl({ QP_MARKDOWN_WORKER: '3' }, 2)).toBe(3);
    expect(() => markdownWorkerAnzahl({ QP_MARKDOWN_WORKER: '-1' }, 2)).toThrow(/ganze Zahl/);
  });
});

describe('Worker-Pool mit einem nachgebauten Prerender-Bundle', () => {
  const ordner = mkdtempSync(join(tmpdir(), 'qp-seiten-parallel-'));
  afterAll(() => rmSync(ordner, { recursive: true, force: true }));
  const prerender = join(ordner, '.prerender');
  mkdirSync(prerender);
  // What the worker imports: an `app` like Astro's BuildApp, with four routes.
  writeFileSync(
    join(prerender, 'prerender-entry.Test123.mjs'),
    `
    const route = (r) => ({ routeData: { type: 'page', route: r, component: 'src/pages' + r + '.astro' } });
    let stile;
    export const app = {
      manifest: { routes: ['/seite', '/bild', '/kaputt', '/stile', '/absturz', '/html', '/json', '/weiter', '/fehlt'].map(route), entryModules: {} },
      setInternals(i) { stile = i.pagesByKeys; },
      setOptions() {},
      async render(request, { routeData }) {
        if (routeData.route === '/kaputt') throw new TypeError('Termin ohne Datum');
        if (routeData.route === '/absturz') process.exit(3);
        if (routeData.route === '/bild') globalThis.astroAsset.addStaticImage({ src: 'x.jpg' }, [], 'x.jpg');
        if (routeData.route === '/stile') return new Response(JSON.stringify([...stile]));
        const html = { 'content-type': 'text/html; charset=utf-8' };
        if (routeData.route === '/html') return new Response('<p>Mühle aus dem Worker</p>', { headers: html });
        if (routeData.route === '/fehlt') return new Response('<p>Nicht gefunden</p>', { status: 404, headers: html });
        if (routeData.route === '/json') return new Response('{"a":1}', { headers: { 'content-type': 'application/json' } });
        if (routeData.route === '/weiter') return new Response(null, { status: 301, headers: { ...html, location: '/neu/' } });
        return new Response('<p>aus dem Worker: ' + new URL(request.url).pathname + '</p>', { status: 200, headers: { 'x-test': 'ja' } });
      },
    };`,
  );
  const imHauptthread: string[] = [];
  const standard = {
    name: 'astro:default',
    app: undefined as unknown,
    async setup() {
      this.app = { getOptions: () => ({ allPages: { a: { key: '/stile&src/pages/stile.astro', styles: [{ sheet: { type: 'inline', content: 'p{}' } }] } }, settings: { scripts: [] } }) };
    },
    async getStaticPaths() {
      return [];
    },
    async render(request: Request) {
      imHauptthread.push(new URL(request.url).pathname);
      return new Response('<p>aus dem Hauptthread</p>', { headers: { 'content-type': 'text/html' } });
    },
  };
  const logger = { info: () => {}, warn: () => {}, error: () => {} } as never;
  const p = parallelerPrerenderer(standard, pathToFileURL(`${prerender}/`), 2, logger);
  const rendern = (pfad: string, r = pfad.replace(/\/$/, '')) => p.render(new Request(`https://example.org${pfad}`), { routeData: route(r) }) as Promise<Response>;

  beforeAll(() => p.setup!());
  afterAll(() => p.teardown!());

  it('findet das Bundle in .prerender/', () => {
    expect(prerenderEintrag(pathToFileURL(`${prerender}/`))?.pathname).toMatch(/prerender-entry\.Test123\.mjs$/);
    expect(prerenderEintrag(pathToFileURL(`${ordner}/fehlt/`))).toBeUndefined();
  });

  it('eine Seite kommt aus dem Worker, mit Status und Kopfzeilen', async () => {
    const antworten = await Promise.all(['/seite/', '/seite/', '/seite/'].map((s) => rendern(s)));
    for (const a of antworten) {
      expect(await a.text()).toBe('<p>aus dem Worker: /seite/</p>');
      expect(a.headers.get('x-test')).toBe('ja');
    }
    expect(imHauptthread).toEqual([]);
  });

  it('der Worker kennt das CSS jeder Seite aus Astros Seitendaten', async () => {
    expect(JSON.parse(await (await rendern('/stile/')).text())).toEqual([['/stile&src/pages/stile.astro', { styles: [{ sheet: { type: 'inline', content: 'p{}' } }] }]]);
  });

  it('eine Seite mit Bild und eine unbekannte Route rendert Astros eigener Prerenderer', async () => {
    expect(await (await rendern('/bild/')).text()).toBe('<p>aus dem Hauptthread</p>');
    expect(await (await rendern('/gibts-nicht/')).text()).toBe('<p>aus dem Hauptthread</p>');
    expect(imHauptthread).toEqual(['/bild/', '/gibts-nicht/']);
  });

  it('ein Fehler beim Rendern kommt mit Art und Meldung im Hauptthread an', async () => {
    await expect(rendern('/kaputt/')).rejects.toThrow(expect.objectContaining({ name: 'TypeError', message: 'Termin ohne Datum' }));
    // The worker goes on.
    expect(await (await rendern('/seite/')).text()).toBe('<p>aus dem Worker: /seite/</p>');
  });

  it('mit Ausgabeprüfung: jede HTML-Seite genau einmal, aus dem Worker wie aus dem Hauptthread; Astro bekommt dieselben Bytes', async () => {
    const gesehen: [string, string][] = [];
    const mitPruefung = parallelerPrerenderer(standard, pathToFileURL(`${prerender}/`), 1, logger, async (pfad, html) => {
      gesehen.push([pfad, new TextDecoder().decode(html)]);
    });
    await mitPruefung.setup!();
    try {
      const texte: Record<string, [number, string]> = {};
      for (const pfad of ['/html/', '/fehlt/', '/json/', '/weiter/', '/bild/']) {
        const r = (await mitPruefung.render(new Request(`https://example.org${pfad}`), { routeData: route(pfad.replace(/\/$/, '')) })) as Response;
        texte[pfad] = [r.status, await r.text()];
      }
      expect(gesehen).toEqual([
        ['/html/', '<p>Mühle aus dem Worker</p>'],
        ['/fehlt/', '<p>Nicht gefunden</p>'],
        ['/bild/', '<p>aus dem Hauptthread</p>'],
      ]);
      expect(texte).toEqual({
        '/html/': [200, '<p>Mühle aus dem Worker</p>'],
        '/fehlt/': [404, '<p>Nicht gefunden</p>'],
        '/json/': [200, '{"a":1}'],
        '/weiter/': [301, ''],
        '/bild/': [200, '<p>aus dem Hauptthread</p>'],
      });
    } finally {
      await mitPruefung.teardown!();
    }
  });

  it('stirbt ein Worker, scheitern seine Seiten sofort, statt ewig zu warten', async () => {
    await expect(rendern('/absturz/')).rejects.toThrow(/Seiten-Worker endete unerwartet \(Exit 3\)/);
    // The dead worker has nothing waiting, so it is picked next: that page fails at once too.
    await expect(rendern('/seite/')).rejects.toThrow(/endete unerwartet/);
  });
});

describe('Jede HTML-Seite geht an die Ausgabeprüfung (beiSeite)', () => {
  const antworten: Record<string, () => Response> = {
    '/seite/': () => new Response('<p>Seite</p>', { headers: { 'content-type': 'text/html' } }),
    '/404': () => new Response('<p>Nicht gefunden</p>', { status: 404, headers: { 'content-type': 'text/html' } }),
    '/alt/': () => new Response(null, { status: 301, headers: { location: '/neu/', 'content-type': 'text/html' } }),
    '/daten.json': () => new Response('{"a":1}', { headers: { 'content-type': 'application/json' } }),
    '/m%C3%BChle/': () => new Response('<p>Mühle</p>', { headers: { 'content-type': 'text/html; charset=utf-8' } }),
  };
  const standard = {
    name: 'astro:default',
    async getStaticPaths() {
      return [];
    },
    async render(request: Request) {
      return antworten[new URL(request.url).pathname]();
    },
  };
  const gesehen: [string, string][] = [];
  const p = parallelerPrerenderer(standard, pathToFileURL(`${tmpdir()}/`), 0, { info: () => {}, warn: () => {}, error: () => {} } as never, async (pfad, html) => {
    gesehen.push([pfad, new TextDecoder().decode(html)]);
  });

  it('sieht Seiten (auch 404) mit Pfad und Bytes, Astro bekommt dieselben Bytes; Weiterleitungen und JSON nicht', async () => {
    await p.setup!();
    const texte: Record<string, string> = {};
    for (const pfad of Object.keys(antworten)) {
      const r = (await p.render(new Request(`https://example.org${pfad}`), { routeData: route(pfad) })) as Response;
      texte[pfad] = await r.text();
      expect(r.status).toBe(antworten[pfad]().status);
    }
    expect(gesehen).toEqual([
      ['/seite/', '<p>Seite</p>'],
      ['/404', '<p>Nicht gefunden</p>'],
      ['/mühle/', '<p>Mühle</p>'],
    ]);
    expect(texte).toEqual({ '/seite/': '<p>Seite</p>', '/404': '<p>Nicht gefunden</p>', '/alt/': '', '/daten.json': '{"a":1}', '/m%C3%BChle/': '<p>Mühle</p>' });
    await p.teardown!();
  });
});

function dateien(wurzel: string, dir = wurzel): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? dateien(wurzel, join(dir, e.name)) : [relative(wurzel, join(dir, e.name)).split(sep).join('/')]))
    .sort();
}

describe('Build im Hauptthread und in Workern', () => {
  const ordner = testOrdner('seiten-parallel');
  afterAll(() => rmSync(ordner, { recursive: true, force: true }));
  let haupt: BuildErgebnis;
  let worker: BuildErgebnis;

  beforeAll(() => {
    const inhalt = join(ordner, 'inhalt');
    cpSync('tests/fixtures/klein', inhalt, { recursive: true });
    // A photo on the Treff: its pages must come from the main thread, which registers the image.
    const treff = join(inhalt, 'treffs', 'treff-test.md');
    writeFileSync(
      treff,
      readFileSync(treff, 'utf8').replace(/^---\n/, '---\nfotos:\n  - src: ../../src/assets/uploads/beispiel-treff-bleichpfad-eingang.jpg\n    alt: Der Eingang des Treffs\n'),
    );
    // Markdown with what the pipeline changes: typography, a table, a footnote, raw HTML to sanitise.
    const seite = join(inhalt, 'seiten', 'impressum.md');
    writeFileSync(
      seite,
      `${readFileSync(seite, 'utf8')}\n"Zitat" -- und so weiter... <b onclick="x()">fett</b>[^1]\n\n| Tag | Zeit |\n|---|---|\n| Mo | 9–12 |\n\n[^1]: Fußnote.\n`,
    );
    haupt = baue(inhalt, ordner, 'haupt', { QP_SEITEN_WORKER: '0', QP_MARKDOWN_WORKER: '0' });
    // A stopped build left its prerender bundle in dist/ (dist/ is no longer emptied): the workers
    // must still load this build's.
    const alt = join(ordner, 'worker', 'dist', '.prerender');
    mkdirSync(alt, { recursive: true });
    writeFileSync(join(alt, 'prerender-entry.Alt123.mjs'), 'throw new Error("altes Bundle");\n');
    // Two workers, and the main thread never takes a page itself.
    worker = baue(inhalt, ordner, 'worker', { QP_SEITEN_WORKER: '2', QP_SEITEN_WARTESCHLANGE: '1000000', QP_MARKDOWN_WORKER: '2' }, { ueberschreiben: true });
  }, 600_000);

  it('beide Builds gelingen; im zweiten rendern Worker alles außer den Seiten mit Foto', () => {
    expect(haupt.status, haupt.ausgabe.slice(-2000)).toBe(0);
    expect(worker.status, worker.ausgabe.slice(-2000)).toBe(0);
    expect(haupt.ausgabe).not.toMatch(/Worker-Thread/);
    expect(worker.ausgabe).toMatch(/5 Markdown-Texte in 2 Worker-Threads gerendert/);
    const m = /(\d+) Dateien aus Worker-Threads \(([^)]*)\), (\d+) im Hauptthread \(davon (\d+) mit Bildern/.exec(worker.ausgabe);
    expect(m, worker.ausgabe.slice(-2000)).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(100);
    // Two workers, both busy.
    expect(m![2].split(', ')).toHaveLength(2);
    // Exactly the files that name the photo (the Treff page in five languages, the open data), nothing else.
    const mitFoto = dateien(worker.dist).filter(
      (f) => !/^(_astro|pagefind)\//.test(f) && readFileSync(join(worker.dist, f), 'utf8').includes('/_astro/beispiel-treff-bleichpfad-eingang.'),
    );
    expect(mitFoto).toContain('treffs/treff-test/index.html');
    expect(mitFoto).toContain('uk/treffs/treff-test/index.html');
    expect([Number(m![3]), Number(m![4])]).toEqual([mitFoto.length, mitFoto.length]);
  });

  it('liefern dieselben Dateien, Byte für Byte (der Suchindex ausgenommen)', () => {
    const liste = (d: string) => dateien(d).filter((f) => !f.startsWith('pagefind/'));
    const a = liste(haupt.dist);
    expect(liste(worker.dist)).toEqual(a);
    expect(a.filter((f) => f.endsWith('.avif')).length).toBeGreaterThan(0);
    const verschieden = a.filter((f) => !readFileSync(join(haupt.dist, f)).equals(readFileSync(join(worker.dist, f))));
    expect(verschieden).toEqual([]);
    const impressum = readFileSync(join(worker.dist, 'impressum', 'index.html'), 'utf8');
    expect(impressum).toContain('„Zitat“ — und so weiter…');
    expect(impressum).toContain('<table>');
    expect(impressum).not.toContain('onclick');
  });

  it('haben denselben Datenspeicher (die gerenderten Texte, wie Astro sie ablegt)', () => {
    // Apart from the digest of the Astro config, which holds `build.concurrency` (raised with page workers).
    const speicher = (name: string) => readFileSync(join(ordner, name, 'cache', 'data-store.json'), 'utf8').replace(/"astro-config-digest","(?:[^"\\]|\\.)*"/, '');
    const erwartet = speicher('haupt');
    expect(erwartet).toContain('„Zitat“');
    expect(speicher('worker')).toBe(erwartet);
  });
});
