/**
 * After every build: reads each HTML page of dist/, refuses output that could run injected code,
 * and writes the headers of src/lib/security-headers.ts for static hosts:
 * - `_headers` and `_redirects` (Netlify, Cloudflare Pages and compatible hosts),
 * - `_nginx/default.conf` (the Dockerfile copies it into nginx and removes the folder).
 *
 * The CSP hashes come from the inline scripts and styles the build produced *outside* rendered
 * Markdown (`.qp-prosa`): our templates and Astro's island code. Anything script-like inside
 * content fails the build instead of being hashed, so the CSP stays a second line of defence
 * behind the sanitiser (src/lib/markdown-sicher.ts).
 *
 * astro.config.mjs imports this with Node itself (Astro falls back to a Vite loader otherwise,
 * which breaks other integrations' dynamic imports): relative imports carry `.ts`, and only
 * modules that do the same are imported.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { analysiereHtml, sha256 } from '../lib/html-pruefung.ts';
import type { BeiSeite } from './seiten-parallel.ts';
import {
  STANDARD_OPTIONEN,
  alsHeadersDatei,
  alsNginxServer,
  alsRedirectsDatei,
  bereichVon,
  headerRegeln,
  kachelHost,
  type Bereich,
  type InlineHashes,
  type Weiterleitung,
} from '../lib/security-headers.ts';

function htmlDateien(wurzel: string, ordner = wurzel): string[] {
  return readdirSync(ordner, { withFileTypes: true }).flatMap((e) => {
    const pfad = join(ordner, e.name);
    if (e.isDirectory()) return e.name === '_astro' || e.name === 'pagefind' ? [] : htmlDateien(wurzel, pfad);
    return e.name.endsWith('.html') ? [pfad] : [];
  });
}

/** URL path of a built file: `treffs/a/index.html` → `/treffs/a/`. */
export function urlPfad(wurzel: string, datei: string): string {
  const rel = relative(wurzel, datei).split(sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

const OSM_KACHELN = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** The map's tile URL from src/config/karte.ts (the one place that decides it). */
async function kachelVorlage(logger: { warn(m: string): void }): Promise<string> {
  try {
    const { KARTE } = (await import('../config/karte.ts')) as { KARTE: { kachelUrl: string } };
    return process.env.PUBLIC_KARTE_TILES || KARTE.kachelUrl;
  } catch (error) {
    logger.warn(`src/config/karte.ts nicht lesbar (${String(error)}); CSP erlaubt Kacheln von ${process.env.PUBLIC_KARTE_TILES || OSM_KACHELN}.`);
    return process.env.PUBLIC_KARTE_TILES || OSM_KACHELN;
  }
}

type Gesammelt = Record<Bereich, { skripte: Set<string>; stile: Set<string>; stilAttribute: Set<string> }>;

/** What one share of the pages holds: violations (with the page's path) and the hashes per area. */
export interface Teilbefund {
  verstoesse: string[];
  hashes: Record<Bereich, InlineHashes>;
}

const leer = (): Gesammelt => ({
  inhalt: { skripte: new Set(), stile: new Set(), stilAttribute: new Set() },
  einbetten: { skripte: new Set(), stile: new Set(), stilAttribute: new Set() },
  admin: { skripte: new Set(), stile: new Set(), stilAttribute: new Set() },
});

/** Collects the findings of pages one by one: in this thread, in a worker, for files or rendered pages alike. */
export class Sammler {
  private readonly gesammelt = leer();
  private readonly verstoesse: string[] = [];

  /** Analyses the HTML of the page at URL path `pfad` (`/treffs/a/`). */
  seite(pfad: string, html: string): void {
    const befund = analysiereHtml(html);
    for (const v of befund.verstoesse) this.verstoesse.push(`  ${pfad}: ${v}`);
    const ziel = this.gesammelt[bereichVon(pfad)];
    for (const s of befund.inlineSkripte) ziel.skripte.add(sha256(s));
    for (const s of befund.inlineStile) ziel.stile.add(sha256(s));
    for (const s of befund.stilAttribute) ziel.stilAttribute.add(sha256(s));
  }

  befund(): Teilbefund {
    const liste = (b: Bereich): InlineHashes => ({ skripte: [...this.gesammelt[b].skripte], stile: [...this.gesammelt[b].stile], stilAttribute: [...this.gesammelt[b].stilAttribute] });
    return { verstoesse: [...this.verstoesse], hashes: { inhalt: liste('inhalt'), einbetten: liste('einbetten'), admin: liste('admin') } };
  }
}

/** Reads and analyses one share of the pages; also what each worker thread runs. */
export function pruefeDateien(wurzel: string, dateien: readonly string[]): Teilbefund {
  const sammler = new Sammler();
  for (const datei of dateien) sammler.seite(urlPfad(wurzel, datei), readFileSync(datei, 'utf8'));
  return sammler.befund();
}

/** Worker threads for the check: one per core, at most eight. */
const kerneFuerPruefung = () => Math.min(availableParallelism(), 8);

/**
 * Parsing every page with parse5 is the slow part at city scale (tens of thousands of pages):
 * shares of the pages go to worker threads, one per core. A small site is checked in this thread.
 */
export async function pruefeParallel(wurzel: string, dateien: readonly string[], abSeiten = 2_000, kerne = kerneFuerPruefung()): Promise<Teilbefund[]> {
  if (kerne <= 1 || dateien.length < abSeiten) return [pruefeDateien(wurzel, dateien)];
  const groesse = Math.ceil(dateien.length / kerne);
  const teile = Array.from({ length: kerne }, (_, i) => dateien.slice(i * groesse, (i + 1) * groesse)).filter((t) => t.length > 0);
  return Promise.all(
    teile.map(
      (teil) =>
        new Promise<Teilbefund>((fertig, fehler) => {
          const worker = new Worker(new URL('./sicherheit-worker.ts', import.meta.url), { workerData: { wurzel, dateien: teil } });
          worker.once('message', (befund: Teilbefund) => fertig(befund));
          worker.once('error', fehler);
          worker.once('exit', (code) => code !== 0 && fehler(new Error(`HTML-Prüfung: Worker endete mit ${code}`)));
        }),
    ),
  );
}

/** Messages of the running check (src/integrations/sicherheit-worker.ts). */
export type PruefAuftrag = { art: 'seite'; pfad: string; html: Uint8Array } | { art: 'ende' };
export type PruefAntwort = { art: 'erledigt' } | { art: 'befund'; befund: Teilbefund };

/**
 * The check while the pages are being rendered. The prerenderer (src/integrations/seiten-parallel.ts)
 * hands each rendered HTML page to `seite()`; worker threads analyse it on the cores the renderer
 * leaves free, instead of reading every file again after the build (at city scale 11–20 s at the
 * end of each build, `npm run bench`). When more than `hoechstens` pages wait, `seite()` makes the
 * renderer wait, so memory stays bounded when the check is the slower side.
 */
export class LaufendePruefung {
  /** URL paths of the pages checked here; build:done reads only the other HTML files from disk. */
  readonly gesehen = new Set<string>();
  private readonly worker: Worker[] = [];
  private naechster = 0;
  private wartend = 0;
  private readonly weiter: (() => void)[] = [];
  private fehler?: Error;

  private readonly anzahl: number;
  private readonly hoechstens: number;

  constructor(anzahl = Math.max(1, Math.floor(kerneFuerPruefung() / 4)), hoechstens = 64) {
    this.anzahl = anzahl;
    this.hoechstens = hoechstens;
  }

  private starten(): void {
    for (let i = 0; i < this.anzahl; i++) {
      const w = new Worker(new URL('./sicherheit-worker.ts', import.meta.url), { workerData: { laufend: true } });
      // A failed build must not wait for the check.
      w.unref();
      w.on('message', (m: PruefAntwort) => {
        if (m.art !== 'erledigt') return;
        this.wartend--;
        this.weiter.shift()?.();
      });
      w.on('error', (e) => this.abbrechen(e instanceof Error ? e : new Error(String(e))));
      w.on('exit', (code) => code !== 0 && this.abbrechen(new Error(`HTML-Prüfung: Worker endete mit ${code}`)));
      this.worker.push(w);
    }
  }

  private abbrechen(e: Error): void {
    this.fehler ??= e;
    for (const f of this.weiter.splice(0)) f();
  }

  /**
   * One rendered page: `pfad` its URL path, `html` its bytes (copied; the caller keeps them). The
   * copy is the message's own: a copy made here with `slice()` and handed over would be memory
   * outside V8's heap in this thread, which sets off full garbage collections (src/lib/antwort-inhalt.ts).
   */
  async seite(pfad: string, html: Uint8Array): Promise<void> {
    if (this.fehler) throw this.fehler;
    if (this.worker.length === 0) this.starten();
    this.gesehen.add(pfad);
    this.wartend++;
    this.worker[this.naechster++ % this.worker.length].postMessage({ art: 'seite', pfad, html } satisfies PruefAuftrag);
    if (this.wartend > this.hoechstens) await new Promise<void>((ok) => this.weiter.push(ok));
    if (this.fehler) throw this.fehler;
  }

  /** The findings of every page handed in; ends the workers. */
  async ende(): Promise<Teilbefund[]> {
    if (this.fehler) throw this.fehler;
    const befunde = await Promise.all(
      this.worker.map(
        (w) =>
          new Promise<Teilbefund>((fertig, fehler) => {
            // Now the build waits for it: keep the process alive until the answer is in.
            w.ref();
            w.on('message', (m: PruefAntwort) => m.art === 'befund' && fertig(m.befund));
            w.once('error', fehler);
            w.once('exit', (code) => fehler(new Error(`HTML-Prüfung: Worker endete mit ${code}, bevor er fertig war`)));
            w.postMessage({ art: 'ende' } satisfies PruefAuftrag);
          }),
      ),
    );
    await Promise.all(this.worker.map((w) => w.terminate()));
    this.worker.length = 0;
    return befunde;
  }
}

/** The integration, and what the prerenderer calls for each rendered page. */
export type Sicherheit = AstroIntegration & { seite: BeiSeite };

export default function sicherheit(): Sicherheit {
  let redirects: Weiterleitung[] = [];
  let laufend: LaufendePruefung | undefined;
  return {
    name: 'qp-sicherheit',
    seite: (pfad, html) => (laufend ??= new LaufendePruefung()).seite(pfad, html),
    hooks: {
      'astro:config:done': ({ config }) => {
        redirects = Object.entries(config.redirects ?? {}).map(([von, nach]) => ({
          von: von.endsWith('/') ? von : `${von}/`,
          nach: typeof nach === 'string' ? nach : nach.destination,
        }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const wurzel = fileURLToPath(dir);
        const gesammelt = leer();
        const verstoesse: string[] = [];
        const dateien = htmlDateien(wurzel);
        // Pages checked while they were rendered; the rest (redirect pages, HTML from public/) from disk.
        const gesehen = laufend?.gesehen ?? new Set<string>();
        const teile = laufend ? await laufend.ende() : [];
        laufend = undefined;
        const rest = dateien.filter((d) => !gesehen.has(urlPfad(wurzel, d)));
        teile.push(...(await pruefeParallel(wurzel, rest)));
        for (const teil of teile) {
          verstoesse.push(...teil.verstoesse);
          for (const b of Object.keys(gesammelt) as Bereich[])
            for (const art of ['skripte', 'stile', 'stilAttribute'] as const) for (const h of teil.hashes[b][art]) gesammelt[b][art].add(h);
        }
        verstoesse.sort();
        if (verstoesse.length > 0)
          throw new Error(
            `Die gebaute Seite enthält Code, der im Browser laufen könnte (${verstoesse.length}×). Kommt die Stelle aus einem Inhalt, ` +
              `bitte den Text dort prüfen; kommt sie aus einer Vorlage, das Skript in eine eigene Datei verschieben:\n${verstoesse.slice(0, 50).join('\n')}`,
          );
        const sortiert = (b: Bereich): InlineHashes => ({
          skripte: [...gesammelt[b].skripte].sort(),
          stile: [...gesammelt[b].stile].sort(),
          stilAttribute: [...gesammelt[b].stilAttribute].sort(),
        });
        const hashes: Record<Bereich, InlineHashes> = { inhalt: sortiert('inhalt'), einbetten: sortiert('einbetten'), admin: sortiert('admin') };
        const kachel = kachelHost(await kachelVorlage(logger));
        const optionen = { ...STANDARD_OPTIONEN, kachelHosts: kachel ? [kachel] : [] };
        const eintraege = readdirSync(wurzel, { withFileTypes: true }).map((e) => ({ name: e.name, ordner: e.isDirectory() }));
        writeFileSync(join(wurzel, '_headers'), alsHeadersDatei(headerRegeln(eintraege, hashes, optionen)));
        writeFileSync(join(wurzel, '_redirects'), alsRedirectsDatei(redirects));
        mkdirSync(join(wurzel, '_nginx'), { recursive: true });
        writeFileSync(join(wurzel, '_nginx', 'default.conf'), alsNginxServer(hashes, redirects, optionen));
        const anzahl = (b: Bereich) => hashes[b].skripte.length + hashes[b].stile.length + hashes[b].stilAttribute.length;
        logger.info(
          `${dateien.length} Seiten geprüft (${dateien.length - rest.length} beim Rendern); _headers, _redirects und _nginx/default.conf geschrieben ` +
            `(Hashes: Inhalt ${anzahl('inhalt')}, Einbetten ${anzahl('einbetten')}, Redaktion ${anzahl('admin')}; ${redirects.length} Weiterleitungen)`,
        );
      },
    },
  };
}
