/**
 * The editor's bundle (Decap CMS, src/cms/admin.ts, 6.4 MB) is built apart from Astro's client
 * build: by Vite in a process of its own (src/integrations/redaktion-bauen.ts), started when the
 * build starts, so it runs on the second core while Astro reads the content on the first. It is
 * kept in the cache folder and built again only when one of its inputs changed.
 *
 * Why: inside Astro's client build it was 5.7 s of every build's wall time (and 9 s CPU),
 * whatever the content; a QE's edit never changes it. Measured with the example content: client
 * build 5.9 s with it, 0.2 s without.
 *
 * The page /admin/ (src/pages/admin/index.astro) gets the bundle's address from the virtual module
 * `virtual:qp-redaktion` (`skript`, `stile`). In the build that module waits for the bundle; under
 * `astro dev` it names a module of Vite's dev server that loads the editor from source.
 *
 * Inputs (the cache key): every file below src/ except uploaded photos, tsconfig.json,
 * package.json, the installed packages (node_modules/.package-lock.json) and the `PUBLIC_`
 * variables (environment and `.env` files), which the editor reads for its backend. Content is not
 * an input: the editor reads content at run time.
 *
 * astro.config.mjs imports this with Node itself: `node:` imports, packages and relative `.ts`.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnv, type Plugin } from 'vite';
import { MEDIEN_ORDNER } from '../schema/medien.ts';

/** The editor's entry module, relative to the project. */
export const EINTRAG = 'src/cms/admin.ts';
/** What src/pages/admin/index.astro imports. */
export const VIRTUELL = 'virtual:qp-redaktion';
/**
 * Under `astro dev` the page loads this module: React's fast-refresh preamble first (the editor's
 * widgets are .tsx, which @vitejs/plugin-react expects it for), then the editor from source.
 */
const ENTWICKLUNG = `${VIRTUELL}/dev`;

/** What redaktion-bauen.ts writes last into its folder. */
export interface RedaktionsManifest {
  /** Key of the inputs the files were built from (`schluessel`). */
  schluessel: string;
  /** Address of the entry script, `/_astro/redaktion.[hash].js`. */
  skript: string;
  /** Addresses of style sheets the entry needs on the page. */
  stile: string[];
  /** Every file, relative to the output folder (`_astro/…`). */
  dateien: string[];
}

/**
 * The files the bundle is built from, besides the packages' own: src/ without the media folder
 * (photos QE upload, which the editor shows from the site, never bundles), tsconfig.json,
 * package.json, the installed versions.
 */
export function eingaben(wurzel: string): string[] {
  const medien = join(wurzel, MEDIEN_ORDNER) + sep;
  const einzeln = ['tsconfig.json', 'package.json', 'node_modules/.package-lock.json'].map((d) => join(wurzel, d)).filter((d) => existsSync(d));
  const quellen = readdirSync(join(wurzel, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  return [...quellen.filter((d) => !d.startsWith(medien)), ...einzeln].sort();
}

/** A key that changes when any input changes: names and contents of `eingaben`, and the `PUBLIC_` variables. */
export function schluessel(wurzel: string, umgebung: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const datei of eingaben(wurzel)) hash.update(`${relative(wurzel, datei).split(sep).join('/')}\0`).update(readFileSync(datei)).update('\0');
  hash.update(JSON.stringify(Object.entries(umgebung).sort(([a], [b]) => a.localeCompare(b))));
  return hash.digest('hex');
}

/** The manifest in `ordner` if it was built for `schluessel` and all its files are there. */
export function gueltigesManifest(ordner: string, schluessel: string): RedaktionsManifest | undefined {
  const pfad = join(ordner, 'manifest.json');
  if (!existsSync(pfad)) return undefined;
  const manifest = JSON.parse(readFileSync(pfad, 'utf8')) as RedaktionsManifest;
  if (manifest.schluessel !== schluessel) return undefined;
  return manifest.dateien.every((d) => existsSync(join(ordner, 'dateien', d))) ? manifest : undefined;
}

/** Source of the virtual module for a bundle's manifest. */
export const modulQuelle = (m: Pick<RedaktionsManifest, 'skript' | 'stile'>): string =>
  `export const skript = ${JSON.stringify(m.skript)};\nexport const stile = ${JSON.stringify(m.stile)};\n`;

/** Runs redaktion-bauen.ts; resolves with its manifest, or rejects with the end of its error output. */
function bauen(wurzel: string, ordner: string, schluessel: string): Promise<RedaktionsManifest> {
  const skript = fileURLToPath(new URL('./redaktion-bauen.ts', import.meta.url));
  return new Promise((fertig, fehler) => {
    const kind = spawn(process.execPath, [skript, wurzel, ordner, schluessel], { stdio: ['ignore', 'ignore', 'pipe'] });
    let ausgabe = '';
    kind.stderr.on('data', (d: Buffer) => (ausgabe = (ausgabe + d.toString()).slice(-4000)));
    kind.on('error', fehler);
    kind.on('exit', (code) => {
      const manifest = code === 0 ? gueltigesManifest(ordner, schluessel) : undefined;
      if (manifest) fertig(manifest);
      else fehler(new Error(`Die Redaktion (${EINTRAG}) ließ sich nicht bauen (Exit-Code ${code}):\n${ausgabe}`));
    });
  });
}

export default function redaktion(): AstroIntegration {
  /** Only in `astro build`: the bundle, from the cache or being built. */
  let bundle: Promise<RedaktionsManifest> | undefined;
  let ordner = '';
  let log: AstroIntegrationLogger | undefined;

  const plugin: Plugin = {
    name: 'qp-redaktion',
    resolveId: (id) => (id === VIRTUELL || id === ENTWICKLUNG ? `\0${id}` : undefined),
    async load(id) {
      if (id === `\0${ENTWICKLUNG}`) return `import '@vitejs/plugin-react/preamble';\nimport '/${EINTRAG}';\n`;
      if (id !== `\0${VIRTUELL}`) return undefined;
      // Vite's dev server serves a virtual module at /@id/ with the \0 written as __x00__.
      if (!bundle) return modulQuelle({ skript: `/@id/__x00__${ENTWICKLUNG}`, stile: [] });
      const beginn = performance.now();
      const manifest = await bundle;
      const gewartet = (performance.now() - beginn) / 1000;
      if (gewartet >= 0.1) log?.info(`Auf das Redaktions-Bundle ${gewartet.toFixed(1)} s gewartet.`);
      return modulQuelle(manifest);
    },
  };

  return {
    name: 'qp-redaktion',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        log = logger;
        updateConfig({ vite: { plugins: [plugin] } });
        if (command !== 'build') return;
        const wurzel = fileURLToPath(config.root);
        ordner = join(fileURLToPath(config.cacheDir), 'qp-redaktion');
        const s = schluessel(wurzel, loadEnv('production', wurzel, 'PUBLIC_'));
        const vorhanden = gueltigesManifest(ordner, s);
        logger.info(vorhanden ? 'Redaktions-Bundle unverändert, aus dem Cache.' : 'Redaktions-Bundle wird nebenher gebaut.');
        bundle = vorhanden ? Promise.resolve(vorhanden) : bauen(wurzel, ordner, s);
        // Reported where it is awaited (the page /admin/, the end of the build), not as unhandled.
        bundle.catch(() => undefined);
      },
      // Into dist/ before qp-ausgabe-aufraeumen's build:done, so the files count as this build's.
      'astro:build:done': async ({ dir }) => {
        if (!bundle) return;
        const manifest = await bundle;
        const ausgabe = fileURLToPath(dir);
        for (const datei of manifest.dateien) {
          const ziel = join(ausgabe, datei);
          mkdirSync(dirname(ziel), { recursive: true });
          copyFileSync(join(ordner, 'dateien', datei), ziel);
        }
      },
    },
  };
}
