/**
 * Builds the site from another content folder into a folder of its own, for tests that check the
 * whole build (XSS, stability, fuzz). Never touches dist/, which other tests serve.
 *
 * The output folder lies inside the project on purpose: for an outDir outside the working
 * directory Astro 7 puts its prerender bundle into the shared `.astro/.prerender/`, and two builds
 * at once (tests in parallel, a developer's `npm run build`) then delete each other's files
 * ("Cannot find module …/.astro/.prerender/chunks/…").
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { BUILD_UMGEBUNG } from '../../scripts/build-optionen.mjs';

export const TEST_BUILD_WURZEL = resolve('node_modules/.cache/qp-tests');

/** The "now" of every test build, so "next dates" and feeds do not depend on the day the test runs. */
export const QP_JETZT_TEST = '2026-11-25T10:00:00Z';

export interface BuildErgebnis {
  status: number | null;
  ausgabe: string;
  dist: string;
  dauerMs: number;
}

/** A fresh folder for one test file's builds; remove it with `rmSync(…, { recursive: true })`. */
export function testOrdner(name: string): string {
  mkdirSync(TEST_BUILD_WURZEL, { recursive: true });
  return mkdtempSync(join(TEST_BUILD_WURZEL, `${name}-`));
}

/**
 * `astro build` of `inhalt` into `<ordner>/<name>/dist`, like CI would run it; into an empty folder
 * unless `ueberschreiben` (then over what is there, as a developer's second build).
 */
export function baue(inhalt: string, ordner: string, name = 'dist', env: Record<string, string> = {}, { ueberschreiben = false } = {}): BuildErgebnis {
  const dist = join(ordner, name, 'dist');
  if (!ueberschreiben) rmSync(dist, { recursive: true, force: true });
  const start = Date.now();
  const r = spawnSync('npx', ['astro', 'build'], {
    cwd: process.cwd(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      // As `npm run build`: no transparent huge pages (less kernel time on machines that zero them).
      ...BUILD_UMGEBUNG,
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      QP_JETZT: QP_JETZT_TEST,
      CONTENT_DIR: inhalt,
      ASTRO_OUT_DIR: dist,
      ASTRO_CACHE_DIR: join(ordner, name, 'cache'),
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ...env,
    },
  });
  return { status: r.status, ausgabe: `${r.stdout}\n${r.stderr}`, dist, dauerMs: Date.now() - start };
}

async function freierPort(): Promise<number> {
  return new Promise((ok, fehler) => {
    const s = createServer();
    s.once('error', fehler);
    s.listen(0, '127.0.0.1', () => {
      const adresse = s.address();
      const port = typeof adresse === 'object' && adresse ? adresse.port : 0;
      s.close(() => ok(port));
    });
  });
}

/** Serves `dist` with scripts/serve-dist.mjs on a free port; returns its base URL and a stop function. */
export async function serviere(dist: string, mitHeaders = false): Promise<{ basis: string; stopp: () => void }> {
  const port = await freierPort();
  const kind = spawn(process.execPath, ['scripts/serve-dist.mjs', '--port', String(port), '--dir', dist, ...(mitHeaders ? ['--headers'] : [])], {
    stdio: 'ignore',
  });
  const basis = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${basis}/`)).status < 500) return { basis, stopp: () => kind.kill() };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  kind.kill();
  throw new Error(`serve-dist.mjs startet nicht auf Port ${port}`);
}
