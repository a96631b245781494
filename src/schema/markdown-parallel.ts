/**
 * Markdown bodies are rendered in a worker thread while the content is read.
 *
 * Astro's `glob()` loader reads, checks and renders every entry in the main thread. At city scale
 * that is one core busy for 7–9 s before any page is built (5,647 entries at 1×, `npm run bench`),
 * a third of it turning Markdown into HTML, while the second core idles once the editor's bundle
 * (src/integrations/redaktion.ts) is done. This wraps `glob()`: the loader stays Astro's (files,
 * ids, digests, cache, watcher, schema checks), only its render function for `.md` is replaced by
 * one that posts the body to a worker, which renders it with the site's own processor
 * (src/lib/markdown-verarbeitung.ts) and the same settings (`createRenderer`, as Astro's
 * `markdownContentEntryType` calls it). The HTML and metadata are the same as rendered in the main
 * thread (tests/unit/build-seiten-parallel.test.ts compares two builds, pages and data store).
 *
 * The workers live while a sync runs (all collections load at once) and end with it. A body
 * rendered later (a file saved while `astro dev` runs) is rendered in the main thread, as Astro
 * would.
 *
 * Workers: `QP_MARKDOWN_WORKER` (a number; 0 = render in the main thread), by default one per core
 * besides the main thread's, at most two: the main thread still reads and checks every entry.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Loader, LoaderContext } from 'astro/loaders';
import { workerAusUmgebung } from '../lib/worker-anzahl.ts';
import type { AstroConfig } from 'astro';

/** What a render function gets (Astro's `DataEntry`) and gives (`RenderedContent`). */
interface Eintrag {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
}
interface Gerendert {
  html: string;
  metadata?: Record<string, unknown>;
}
type RenderFunktion = (eintrag: Eintrag) => Promise<Gerendert>;
/** Astro's content entry type (the part used here). */
interface EintragsTyp {
  getRenderFunction?(config: AstroConfig): Promise<RenderFunktion>;
}

/** What the worker gets once: the settings Astro passes to `createRenderer` (structured-clonable). */
export interface MarkdownStart {
  geteilt: Record<string, unknown>;
}
export interface MarkdownAuftrag {
  nr: number;
  body: string;
  frontmatter: Record<string, unknown>;
  datei?: string;
}
export type MarkdownAntwort = { nr: number; html: string; metadata: Record<string, unknown> } | { nr: number; fehler: string };

/** Number of Markdown workers: `QP_MARKDOWN_WORKER`, else one per core besides the main thread's, at most two. */
export function markdownWorkerAnzahl(env: NodeJS.ProcessEnv = process.env, kerne = availableParallelism()): number {
  return workerAusUmgebung(env, 'QP_MARKDOWN_WORKER', Math.max(0, Math.min(kerne - 1, 2)));
}

/**
 * The settings Astro's `markdownContentEntryType` passes to the processor's `createRenderer`
 * (astro/dist/vite-plugin-markdown/content-entry-type.js).
 */
export function rendererEinstellungen(config: AstroConfig): Record<string, unknown> {
  const { markdown, image } = config;
  return { image, syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: markdown.gfm, smartypants: markdown.smartypants };
}

interface Wartend {
  eintrag: Eintrag;
  ok: (a: Gerendert) => void;
  fehler: (e: Error) => void;
}

class Pool {
  private readonly worker: Worker[] = [];
  private readonly offen: Map<number, Wartend>[] = [];
  private nr = 0;
  nutzer = 0;
  gerendert = 0;
  /** Set once a worker is gone: what it had and everything after is rendered by `ersatz`. */
  kaputt = false;

  /** `ersatz`: the main thread's renderer, for the bodies of a worker that died. */
  constructor(anzahl: number, start: MarkdownStart, private readonly ersatz: RenderFunktion) {
    for (let i = 0; i < anzahl; i++) {
      const offen = new Map<number, Wartend>();
      const w = new Worker(new URL('./markdown-parallel-worker.ts', import.meta.url), { workerData: start });
      w.on('message', (a: MarkdownAntwort) => {
        const wartet = offen.get(a.nr);
        offen.delete(a.nr);
        if (!wartet) return;
        if ('fehler' in a) return wartet.fehler(new Error(a.fehler));
        this.gerendert++;
        // The front matter went in as a copy: hand back the entry's own object, in its place, as
        // the main thread's renderer does (it passes `entry.data` through).
        const metadata: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(a.metadata)) metadata[k] = k === 'frontmatter' ? wartet.eintrag.data : v;
        wartet.ok({ html: a.html, metadata });
      });
      const weg = () => {
        this.kaputt = true;
        for (const w of offen.values()) this.ersatz(w.eintrag).then(w.ok, w.fehler);
        offen.clear();
      };
      w.on('error', weg);
      w.on('exit', weg);
      this.worker.push(w);
      this.offen.push(offen);
    }
  }

  render(eintrag: Eintrag): Promise<Gerendert> {
    if (this.kaputt) return this.ersatz(eintrag);
    // The worker with the fewest bodies waiting.
    let i = 0;
    for (let k = 1; k < this.offen.length; k++) if (this.offen[k].size < this.offen[i].size) i = k;
    const nr = this.nr++;
    return new Promise((ok, fehler) => {
      this.offen[i].set(nr, { eintrag, ok, fehler });
      const auftrag: MarkdownAuftrag = { nr, body: eintrag.body ?? '', frontmatter: eintrag.data, datei: eintrag.filePath };
      this.worker[i].postMessage(auftrag);
    });
  }

  async beenden(): Promise<void> {
    await Promise.all(this.worker.map((w) => w.terminate()));
  }
}

/** The pool of the sync that is running, shared by all collections that load at the same time. */
let laufend: Pool | undefined;

/**
 * `glob()` (or any loader that renders through Astro's content entry types) with its Markdown
 * rendered in worker threads while it loads.
 */
export function mitMarkdownWorkern(loader: Loader, anzahl = markdownWorkerAnzahl()): Loader {
  if (anzahl === 0) return loader;
  return {
    ...loader,
    load: async (kontext: LoaderContext) => {
      const { entryTypes } = kontext as LoaderContext & { entryTypes?: Map<string, EintragsTyp> };
      const md = entryTypes?.get('.md');
      if (!entryTypes || !md?.getRenderFunction) return loader.load(kontext);
      // The main thread's renderer, made when first needed: once the pool is gone (a file changed
      // under `astro dev`) or if a worker dies.
      let hier: Promise<RenderFunktion> | undefined;
      const imHauptthread: RenderFunktion = async (eintrag) => (await (hier ??= md.getRenderFunction!(kontext.config)))(eintrag);
      const pool = (laufend ??= new Pool(anzahl, { geteilt: rendererEinstellungen(kontext.config) }, imHauptthread));
      pool.nutzer++;
      const typen = new Map(entryTypes);
      typen.set('.md', { ...md, getRenderFunction: async () => (eintrag: Eintrag) => (laufend ? laufend.render(eintrag) : imHauptthread(eintrag)) });
      try {
        await loader.load({ ...kontext, entryTypes: typen } as LoaderContext);
      } finally {
        if (--pool.nutzer === 0 && laufend === pool) {
          laufend = undefined;
          await pool.beenden();
          if (pool.gerendert > 0) kontext.logger.info(`${pool.gerendert} Markdown-Texte in ${anzahl} Worker-Thread${anzahl === 1 ? '' : 's'} gerendert.`);
        }
      }
    },
  };
}
