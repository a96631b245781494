/**
 * Renders the static pages on every core, not only on one.
 *
 * Astro renders all prerendered pages in its main thread: `build.concurrency` overlaps waiting for
 * the disk, but the rendering itself is JavaScript on one core. At city scale that was two thirds
 * of the build (`npm run bench`: 70 s of 107 s at 1× on 2 cores) while the second core idled.
 *
 * This integration hands Astro a prerenderer (the public `setPrerenderer` API of
 * `astro:build:start`, meant for adapters) that passes each page to one of N worker threads. Each
 * worker imports the same prerender bundle Astro built and calls the same `app.render()` Astro's
 * own prerenderer calls; Astro still decides which paths exist, writes the files, logs and runs
 * every later step. Only where the rendering runs changes, so the output is byte for byte the
 * output of the in-process build (tests/unit/build-seiten-parallel.test.ts builds both and compares).
 *
 * One thing a worker cannot do: register an image for `astro:assets` to optimise (that list lives
 * in the main thread). A page that asks for an image in a worker is therefore rendered again in
 * the main thread, by Astro's own prerenderer; those are the few pages with photos.
 *
 * Astro is working on the same inside (withastro/astro#17932, `experimental.parallelPrerender`);
 * once that is released this file can go.
 *
 * Its second job: every rendered HTML page also goes to `beiSeite` before Astro writes it, which is
 * how the output check (src/integrations/sicherheit.ts) reads the pages while the build goes on. For
 * that the prerenderer is installed even when there are no workers (`QP_SEITEN_WORKER=0`, 1 core).
 *
 * Workers: `QP_SEITEN_WORKER` (a number; 0 = render in the main thread as Astro does), by default
 * one per core besides the main thread's, which renders too whenever the workers have enough to do
 * (see `workerAnzahl`).
 *
 * Like sicherheit.ts this is imported by Node itself from astro.config.mjs: only `node:` imports and
 * relative imports with `.ts`.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMarkedAsUntransferable, Worker } from 'node:worker_threads';
import { inhaltVon } from '../lib/antwort-inhalt.ts';
import { workerAusUmgebung } from '../lib/worker-anzahl.ts';

type Prerenderer = Parameters<Parameters<AstroIntegration['hooks']['astro:build:start'] & {}>[0]['setPrerenderer']>[0];
type AstroPrerenderer = Exclude<Prerenderer, (...args: never[]) => unknown>;

/** What the main thread tells a worker once, at its start. */
export interface WorkerStart {
  /** file: URL of Astro's prerender bundle entry (dist/.prerender/prerender-entry.*.mjs). */
  eintrag: string;
  /** The page data Astro's build environment needs while rendering: the CSS of each page. */
  stile: [schluessel: string, stile: unknown[]][];
  /** Scripts integrations inject (`injectScript`), for the page head. */
  skripte: { stage: string; content: string }[];
}

/** A page to render: its URL and the route that renders it. */
export interface Auftrag {
  nr: number;
  url: string;
  route: string;
}

/** What a worker answers for one page. */
export type Antwort =
  | { nr: number; art: 'seite'; status: number; statusText: string; kopf: [string, string][]; inhalt: ArrayBuffer | null }
  | { nr: number; art: 'hauptthread' }
  | { nr: number; art: 'fehler'; name: string; message: string; stack?: string };

/** Log lines of Astro's renderer in a worker, passed on to the build's logger. */
export interface Protokoll {
  art: 'protokoll';
  stufe: string;
  text: string;
}

/** A worker's account at the end: pages rendered and the CPU time of its thread. */
export interface Bilanz {
  art: 'bilanz';
  seiten: number;
  cpuSekunden: number;
}

/** The same key in the main thread and in a worker: both load the same route table. */
export function routenSchluessel(route: { type: string; route: string; component: string }): string {
  return `${route.type} ${route.route} ${route.component}`;
}

/**
 * Number of worker threads: `QP_SEITEN_WORKER`, else one per core besides the main thread's (which
 * renders too, see `WARTESCHLANGE`). Every worker holds its own copy of the content and of Astro's
 * caches. On 2 cores the second core is shared with the output check, V8's garbage collection and
 * the file writes, and a worker costs about 10 % more CPU (it loads the content again). Still, at 1×
 * four builds with one worker took 58.5–69.1 s (mean 63.4 s), two without 67.4 and 69.7 s, run
 * alternately on the same machine (4.12.2026). An earlier measurement that found no gain fell into
 * the time when every build first deleted the previous one, which made the disk dominate
 * (src/integrations/ausgabe-aufraeumen.ts). Two workers on 2 cores: 75.7 s twice, against 63.2 and
 * 63.4 s with one (alternating). For the example content one worker or none take the same time.
 */
export function workerAnzahl(env: NodeJS.ProcessEnv = process.env, kerne = availableParallelism()): number {
  return workerAusUmgebung(env, 'QP_SEITEN_WORKER', Math.max(0, kerne - 1));
}

/** Astro's prerender bundle entry in `ordner` (its `.prerender/` folder), or undefined. */
export function prerenderEintrag(ordner: URL): URL | undefined {
  if (!existsSync(ordner)) return undefined;
  const treffer = readdirSync(ordner).filter((n) => /^prerender-entry\.[\w-]+\.mjs$/.test(n));
  return treffer.length === 1 ? new URL(treffer[0], ordner) : undefined;
}

class Helfer {
  readonly offen = new Map<number, { ok: (a: Antwort) => void; fehler: (e: Error) => void }>();
  private readonly worker: Worker;
  private beendet = false;
  private bilanzAbholen?: (b: Bilanz) => void;
  /** Why the worker is gone, once it is: later pages fail at once instead of waiting forever. */
  private kaputt?: Error;

  constructor(start: WorkerStart, logger: AstroIntegrationLogger) {
    this.worker = new Worker(new URL('./seiten-parallel-worker.ts', import.meta.url), { workerData: start });
    this.worker.on('message', (m: Antwort | Protokoll | Bilanz) => {
      if (m.art === 'bilanz') {
        this.bilanzAbholen?.(m);
        return;
      }
      if (m.art === 'protokoll') {
        if (m.stufe === 'error') logger.error(m.text);
        else if (m.stufe === 'warn') logger.warn(m.text);
        else logger.info(m.text);
        return;
      }
      const a = m as Antwort;
      const wartet = this.offen.get(a.nr);
      this.offen.delete(a.nr);
      wartet?.ok(a);
    });
    const abbrechen = (e: Error) => {
      this.kaputt ??= e;
      for (const w of this.offen.values()) w.fehler(e);
      this.offen.clear();
      this.bilanzAbholen?.({ art: 'bilanz', seiten: 0, cpuSekunden: 0 });
    };
    this.worker.on('error', (e) => abbrechen(e instanceof Error ? e : new Error(String(e))));
    this.worker.on('exit', (code) => {
      if (!this.beendet) abbrechen(new Error(`Seiten-Worker endete unerwartet (Exit ${code}).`));
    });
  }

  rendern(auftrag: Auftrag): Promise<Antwort> {
    if (this.kaputt) return Promise.reject(this.kaputt);
    return new Promise((ok, fehler) => {
      this.offen.set(auftrag.nr, { ok, fehler });
      this.worker.postMessage(auftrag);
    });
  }

  /** Pages and CPU seconds of this worker so far. */
  bilanz(): Promise<Bilanz> {
    if (this.kaputt) return Promise.resolve({ art: 'bilanz', seiten: 0, cpuSekunden: 0 });
    return new Promise((ok) => {
      this.bilanzAbholen = ok;
      this.worker.postMessage('bilanz');
    });
  }

  async beenden(): Promise<void> {
    this.beendet = true;
    await this.worker.terminate();
  }
}

/** Pages waiting per worker before the main thread renders one itself (`QP_SEITEN_WARTESCHLANGE`). */
const WARTESCHLANGE = Number(process.env.QP_SEITEN_WARTESCHLANGE ?? 8);

/** CPU seconds of the calling thread. */
function cpuSekunden(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1e6;
}

/**
 * A response around finished bytes that gives them back as they are: Astro writes a page with
 * `Buffer.from(await response.arrayBuffer())` (astro/dist/core/build/generate.js), and a plain
 * `Response` would copy the bytes four times on the way (see src/lib/antwort-inhalt.ts).
 */
export class Seitenantwort extends Response {
  readonly #bytes: Uint8Array | null;

  constructor(bytes: Uint8Array | null, init: ResponseInit) {
    super(
      bytes &&
        new ReadableStream<Uint8Array>({
          start(strom) {
            strom.enqueue(bytes);
            strom.close();
          },
        }),
      init,
    );
    this.#bytes = bytes;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes === null ? new ArrayBuffer(0) : eigenerPuffer(this.#bytes);
  }
}

/**
 * An ArrayBuffer holding exactly `bytes`: their own buffer when they fill it (the usual case for a
 * rendered page), else a copy. Never a buffer Node shares between Buffers (its pool), so the result
 * can be handed to another thread.
 */
export function eigenerPuffer(bytes: Uint8Array): ArrayBuffer {
  const b = bytes.buffer;
  const eigen = b instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === b.byteLength && !isMarkedAsUntransferable(b);
  // A copy with Uint8Array semantics: `slice()` of a Buffer is a view on the same memory.
  return eigen ? b : new Uint8Array(bytes).buffer;
}

/** Called with every rendered HTML page (its URL path and bytes) before Astro writes it. */
export type BeiSeite = (pfad: string, html: Uint8Array) => Promise<void>;

type Ergebnis = Awaited<ReturnType<AstroPrerenderer['render']>>;

/** Whether `beiSeite` gets this answer: an HTML page (Astro writes redirect pages from the Location header, not from the body). */
const istHtmlSeite = (status: number, hatInhalt: boolean, kopf: Headers) => !(status >= 300 && status < 400) && hatInhalt && !!kopf.get('content-type')?.includes('text/html');

const urlPfad = (request: Request) => decodeURI(new URL(request.url).pathname);

/** Hands a page rendered in this thread to `beiSeite` and gives Astro the same bytes again. */
async function weitergeben(request: Request, ergebnis: Ergebnis, beiSeite: BeiSeite): Promise<Ergebnis> {
  const antwort = ergebnis instanceof Response ? ergebnis : ergebnis.response;
  if (!istHtmlSeite(antwort.status, antwort.body !== null, antwort.headers)) return ergebnis;
  const html = (await inhaltVon(antwort))!;
  await beiSeite(urlPfad(request), html);
  const neu = new Seitenantwort(html, { status: antwort.status, statusText: antwort.statusText, headers: antwort.headers });
  return ergebnis instanceof Response ? neu : { ...ergebnis, response: neu };
}

/**
 * Wraps Astro's own prerenderer: paths, setup and image pages stay with it, pages go to `anzahl`
 * workers (0: all in this thread), and each HTML page also to `beiSeite` (the output check).
 */
export function parallelerPrerenderer(standard: AstroPrerenderer, ordner: URL, anzahl: number, logger: AstroIntegrationLogger, beiSeite?: BeiSeite): AstroPrerenderer {
  const helfer: Helfer[] = [];
  let nr = 0;
  const zahl = { worker: 0, hauptthread: 0, selbst: 0 };
  let cpuStart = 0;
  return {
    name: 'qp:seiten-parallel',
    async setup() {
      cpuStart = cpuSekunden();
      await standard.setup?.();
      if (anzahl === 0) return;
      const eintrag = prerenderEintrag(ordner);
      // Astro's own prerenderer holds the app it loaded; its options carry the pages' CSS.
      const app = (standard as { app?: { getOptions?(): { allPages: Record<string, { key: string; styles: unknown[] }>; settings: { scripts: { stage: string; content: string }[] } } } }).app;
      const optionen = app?.getOptions?.();
      if (!eintrag || !optionen) {
        logger.warn('Seiten werden im Hauptthread erzeugt: Astros Prerender-Bundle nicht gefunden.');
        return;
      }
      const start: WorkerStart = {
        eintrag: eintrag.href,
        stile: Object.values(optionen.allPages).map((p) => [p.key, p.styles]),
        skripte: optionen.settings.scripts.map(({ stage, content }) => ({ stage, content })),
      };
      for (let i = 0; i < anzahl; i++) helfer.push(new Helfer(start, logger));
    },
    getStaticPaths: () => standard.getStaticPaths(),
    async render(request, optionen) {
      const { ergebnis, gesehen } = await rendern(request, optionen);
      return beiSeite && !gesehen ? weitergeben(request, ergebnis, beiSeite) : ergebnis;
    },
    collectStaticImages: standard.collectStaticImages?.bind(standard),
    async teardown() {
      if (helfer.length) {
        const bilanzen = await Promise.all(helfer.map((h) => h.bilanz()));
        const je = bilanzen.map((b) => `${b.seiten} Dateien/${b.cpuSekunden.toFixed(1)} s CPU`).join(', ');
        logger.info(`${zahl.worker} Dateien aus Worker-Threads (${je}), ${zahl.selbst + zahl.hauptthread} im Hauptthread (davon ${zahl.hauptthread} mit Bildern; Hauptthread ${(cpuSekunden() - cpuStart).toFixed(1)} s CPU).`);
      }
      await Promise.all(helfer.map((h) => h.beenden()));
      await standard.teardown?.();
    },
  };

  /** The page, and whether `beiSeite` has seen it already (`gesehen`). */
  async function rendern(request: Request, optionen: Parameters<AstroPrerenderer['render']>[1]): Promise<{ ergebnis: Ergebnis; gesehen: boolean }> {
    const selbst = async () => ({ ergebnis: await standard.render(request, optionen), gesehen: false });
    // The incremental build cache collects metadata in Astro's own render scope.
    if (helfer.length === 0 || optionen.collectMetadata) return selbst();
    // The least busy worker; ties go to the first. When every worker has enough waiting, the
    // main thread renders this one itself (it would otherwise only wait for them).
    const h = helfer.reduce((a, b) => (b.offen.size < a.offen.size ? b : a));
    if (h.offen.size >= WARTESCHLANGE) {
      zahl.selbst++;
      return selbst();
    }
    const a = await h.rendern({ nr: nr++, url: request.url, route: routenSchluessel(optionen.routeData) });
    if (a.art === 'hauptthread') {
      zahl.hauptthread++;
      return selbst();
    }
    if (a.art === 'fehler') {
      const e = new Error(a.message);
      e.name = a.name;
      if (a.stack) e.stack = a.stack;
      throw e;
    }
    zahl.worker++;
    // The worker's bytes go to `beiSeite` as they are: reading them back out of a Response and
    // wrapping them again (as for pages rendered here) copied every page twice more in the main
    // thread, and V8 starts a full garbage collection after every 64 MB of such off-heap copies
    // (`--trace-gc` at 1×: 31 instead of 47 across all threads).
    const kopf = new Headers(a.kopf);
    const html = a.inhalt === null ? null : new Uint8Array(a.inhalt);
    let gesehen = false;
    if (beiSeite && html && istHtmlSeite(a.status, true, kopf)) {
      await beiSeite(urlPfad(request), html);
      gesehen = true;
    }
    return { ergebnis: new Seitenantwort(html, { status: a.status, statusText: a.statusText, headers: kopf }), gesehen };
  }
}

/**
 * `beiSeite`: called with every rendered HTML page before Astro writes it (the output check of
 * src/integrations/sicherheit.ts runs on it while the pages are rendered). With it, the prerenderer
 * is installed even when the pages are rendered in the main thread.
 */
export default function seitenParallel({ beiSeite }: { beiSeite?: BeiSeite } = {}): AstroIntegration {
  let prerenderOrdner: URL | undefined;
  const anzahl = workerAnzahl();
  return {
    name: 'qp-seiten-parallel',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        // Enough pages in flight that every renderer has some waiting while others are written.
        if (anzahl > 0) updateConfig({ build: { concurrency: Math.max(config.build.concurrency, Math.min(64, WARTESCHLANGE * (anzahl + 1))) } });
      },
      'astro:config:done': ({ config, buildOutput }) => {
        // Where Astro puts the prerender bundle (astro/dist/prerender/utils.js, core/build/common.js):
        // <server dir>/.prerender/, for a static site the outDir, or ./.astro/ when that lies outside cwd.
        const innen = fileURLToPath(config.outDir).startsWith(process.cwd());
        const server = buildOutput === 'server' ? config.build.server : innen ? config.outDir : new URL('./.astro/', pathToFileURL(process.cwd() + sep));
        prerenderOrdner = new URL('./.prerender/', server);
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        if (!prerenderOrdner) return;
        // A build that was stopped leaves its bundle behind (dist/ is no longer emptied first,
        // src/integrations/ausgabe-aufraeumen.ts); with two entries in the folder the workers would
        // not know which is this build's and every page would be rendered in the main thread.
        rmSync(prerenderOrdner, { recursive: true, force: true });
        if (anzahl === 0 && !beiSeite) return;
        const ordner = prerenderOrdner;
        setPrerenderer((standard) => parallelerPrerenderer(standard, ordner, anzahl, logger, beiSeite));
      },
    },
  };
}
