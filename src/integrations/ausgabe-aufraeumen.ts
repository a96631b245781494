/**
 * A build writes over the previous dist/ instead of deleting it first, and at the end removes what
 * it did not write again (a deleted Termin's pages and feeds, old search-index fragments, assets
 * with old hashes).
 *
 * Why: Astro empties dist/ before it builds. On ext4 without a journal, as on the development and
 * CI machine, the kernel then avoids reusing the inodes it just freed and checks each of them on
 * every new file (`recently_deleted()` in `find_inode_bit`) for minutes (measured: still 4 minutes
 * after the deletion, no longer after 6; `sync` did not shorten it). After 84,000
 * deleted files (the 1× benchmark content) creating the next 84,000 cost 20–45 s of kernel time
 * instead of 3 s (`perf record`; `npm run bench`). Writing over a file keeps its inode.
 *
 * What counts as written: a file whose modification time is not older than a marker file written
 * into dist/ when the build starts. Marker and files get their time from the same kernel clock, so
 * its coarse ticks do not matter. The removal runs at the start of `astro:build:done`, before any
 * integration reads dist/ (search index, output check) or writes into it (sitemap, search index,
 * headers): those see exactly the files of this build. The search index cleans its own folder.
 *
 * astro.config.mjs imports this with Node itself: only `node:` imports and types.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The marker's name in dist/; removed again at the end of the build. */
export const MARKE = '.qp-build-beginn';

export interface Aufgeraeumt {
  dateien: number;
  ordner: number;
}

/**
 * Removes below `wurzel` every file for which `entbehrlich(path)` holds, then every folder left
 * empty. `wurzel` itself stays, and so do the folders named in `auslassen` (directly below
 * `wurzel`) and links.
 */
export function entfernen(wurzel: string, entbehrlich: (pfad: string) => boolean, auslassen: ReadonlySet<string> = new Set()): Aufgeraeumt {
  const weg: Aufgeraeumt = { dateien: 0, ordner: 0 };
  /** Returns whether `ordner` is empty afterwards. */
  const gehen = (ordner: string): boolean => {
    let leer = true;
    for (const e of readdirSync(ordner, { withFileTypes: true })) {
      const pfad = join(ordner, e.name);
      if (ordner === wurzel && auslassen.has(e.name)) leer = false;
      else if (e.isDirectory()) {
        if (gehen(pfad)) {
          rmdirSync(pfad);
          weg.ordner++;
        } else leer = false;
      } else if (e.isFile() && entbehrlich(pfad)) {
        unlinkSync(pfad);
        weg.dateien++;
      } else leer = false;
    }
    return leer;
  };
  gehen(wurzel);
  return weg;
}

/** Removes the files below `wurzel` last modified before `seit` (ms since the epoch, as `mtimeMs`); see `entfernen`. */
export const veralteteEntfernen = (wurzel: string, seit: number, auslassen?: ReadonlySet<string>): Aufgeraeumt =>
  entfernen(wurzel, (pfad) => statSync(pfad).mtimeMs < seit, auslassen);

/**
 * `auslassen`: folders of dist/ that an integration writes in `astro:build:done` and cleans itself.
 * The search index (src/integrations/suchindex.mjs) leaves its unchanged files as they are, so their
 * age says nothing; it removes the files it no longer has on its own.
 */
export default function ausgabeAufraeumen({ auslassen = ['pagefind'] }: { auslassen?: string[] } = {}): AstroIntegration {
  let marke = '';
  return {
    name: 'qp-ausgabe-aufraeumen',
    hooks: {
      // Astro's own emptying of dist/ (core/build/static-build.js) is skipped with this setting.
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        marke = join(fileURLToPath(config.outDir), MARKE);
      },
      'astro:build:start': () => {
        mkdirSync(join(marke, '..'), { recursive: true });
        writeFileSync(marke, '');
      },
      'astro:build:done': ({ dir, logger }) => {
        const seit = statSync(marke).mtimeMs;
        unlinkSync(marke);
        const weg = veralteteEntfernen(fileURLToPath(dir), seit, new Set(auslassen));
        if (weg.dateien || weg.ordner) logger.info(`${weg.dateien} Dateien und ${weg.ordner} Ordner aus dem vorigen Build entfernt (nicht mehr erzeugt).`);
      },
    },
  };
}
