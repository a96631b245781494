/**
 * A worker thread of src/integrations/seiten-parallel.ts: loads Astro's prerender bundle once and
 * renders the pages the main thread sends, one after another, with the same `app.render()` Astro's
 * own prerenderer uses.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { inhaltVon } from '../lib/antwort-inhalt.ts';
import { eigenerPuffer, routenSchluessel, type Antwort, type Auftrag, type Bilanz, type Protokoll, type WorkerStart } from './seiten-parallel.ts';

interface BuildApp {
  manifest: { routes: { routeData: { type: string; route: string; component: string } }[]; entryModules?: Record<string, string> };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: unknown }): Promise<Response>;
}

const start = workerData as WorkerStart;
const port = parentPort!;

// Images for astro:assets are registered in the main thread's list (globalThis.astroAsset there).
// Here any such call only marks the page, which the main thread then renders itself.
let bildAngefragt = false;
class MerkendeMenge<T> extends Set<T> {
  override add(wert: T): this {
    bildAngefragt = true;
    return super.add(wert);
  }
}
(globalThis as { astroAsset?: unknown }).astroAsset = {
  addStaticImage() {
    bildAngefragt = true;
    return '/_bild-im-hauptthread/';
  },
  recordReferencedImage() {
    bildAngefragt = true;
  },
  referencedImages: new MerkendeMenge<string>(),
};

const { app } = (await import(start.eintrag)) as { app: BuildApp };
// What Astro's build environment reads while rendering (astro/dist/core/build/environment.js):
// the CSS per page, the bundle map for page scripts, the injected scripts, the log destination.
app.setInternals({
  pagesByKeys: new Map(start.stile.map(([schluessel, stile]) => [schluessel, { styles: stile }])),
  entrySpecifierToBundleMap: new Map(Object.entries(app.manifest.entryModules ?? {})),
});
app.setOptions({
  settings: { scripts: start.skripte },
  logger: {
    options: {
      destination: {
        write(e: { level: string; label: string | null; message: string }) {
          if (e.level === 'debug') return;
          port.postMessage({ art: 'protokoll', stufe: e.level, text: e.label ? `[${e.label}] ${e.message}` : e.message } satisfies Protokoll);
        },
      },
    },
  },
});
const routen = new Map(app.manifest.routes.map(({ routeData }) => [routenSchluessel(routeData), routeData]));

async function rendern({ nr, url, route }: Auftrag): Promise<{ antwort: Antwort; transfer: ArrayBuffer[] }> {
  const routeData = routen.get(route);
  if (!routeData) return { antwort: { nr, art: 'hauptthread' }, transfer: [] };
  bildAngefragt = false;
  try {
    const adresse = new URL(url);
    adresse.search = '';
    const antwort = await app.render(new Request(adresse), { routeData });
    const bytes = await inhaltVon(antwort);
    if (bildAngefragt) return { antwort: { nr, art: 'hauptthread' }, transfer: [] };
    const inhalt = bytes && eigenerPuffer(bytes);
    return {
      antwort: { nr, art: 'seite', status: antwort.status, statusText: antwort.statusText, kopf: [...antwort.headers], inhalt },
      transfer: inhalt ? [inhalt] : [],
    };
  } catch (e) {
    const f = e instanceof Error ? e : new Error(String(e));
    return { antwort: { nr, art: 'fehler', name: f.name, message: f.message, stack: f.stack }, transfer: [] };
  }
}

// One page at a time, so that an image request belongs to exactly one page.
const warteschlange: Auftrag[] = [];
let laeuft = false;
async function abarbeiten() {
  if (laeuft) return;
  laeuft = true;
  while (warteschlange.length) {
    const { antwort, transfer } = await rendern(warteschlange.shift()!);
    port.postMessage(antwort, transfer);
  }
  laeuft = false;
}
let seiten = 0;
port.on('message', (auftrag: Auftrag | 'bilanz') => {
  if (auftrag === 'bilanz') {
    const { user, system } = process.threadCpuUsage();
    port.postMessage({ art: 'bilanz', seiten, cpuSekunden: (user + system) / 1e6 } satisfies Bilanz);
    return;
  }
  seiten++;
  warteschlange.push(auftrag);
  void abarbeiten();
});
