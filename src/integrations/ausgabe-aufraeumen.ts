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
 * into dist/ when the build starts. Only files that were there when the build started can be left
 * over, so that is when dist/ is listed, while Astro builds (asynchronously, on libuv's threads); at
 * the end only those files are looked at. Walking all 84,000 entries of a 1× build at the end took
 * 1–2 s just before the search index could start; a build into an empty folder now has nothing to
 * look at. Marker and files get their time from the same kernel clock, so
 * its coarse ticks do not matter. The removal runs at the start of `astro:build:done`, before any
 * integration reads dist/ (search index, output check) or writes into it (sitemap, search index,
 * headers): those see exactly the files of this build. The search index cleans its own folder.
 *
 * astro.config.mjs imports this with Node itself: only `node:` imports and types.
 */
import type { AstroIntegration } from 'astro';
import { lstatSync, mkdirSync, readdirSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The marker's name in dist/; removed again at the end of the build. */
export const MARKE = '.qp-build-beginn';

export interface Aufgeraeumt {
  dateien: number;
  ordner: number;
}

/** Regular files and folders below `wurzel` (not `wurzel`, not the folders `auslassen` directly below it, no links). */
export interface Bestand {
  dateien: string[];
  ordner: string[];
}

/** Lists `wurzel` with asynchronous reads (none if it does not exist). */
export async function bestandAufnehmen(wurzel: string, auslassen: ReadonlySet<string> = new Set()): Promise<Bestand> {
  const bestand: Bestand = { dateien: [], ordner: [] };
  const lesen = async (ordner: string): Promise<void> => {
    const eintraege = await readdir(ordner, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [];
      throw e;
    });
    await Promise.all(
      eintraege.map(async (e) => {
        const pfad = join(ordner, e.name);
        if (ordner === wurzel && auslassen.has(e.name)) return;
        if (e.isDirectory()) {
          bestand.ordner.push(pfad);
          await lesen(pfad);
        } else if (e.isFile()) bestand.dateien.push(pfad);
      }),
    );
  };
  await lesen(wurzel);
  return bestand;
}

/** Whether `e` says the path is gone (or no longer a folder). */
const weg = (e: unknown) => ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '');

/**
 * Removes the files of `bestand` for which `entbehrlich(pfad)` holds, then the folders of `bestand`
 * left empty (a folder with a link in it is not empty). Files and folders made since the listing are
 * not in `bestand` and stay; what has gone since is skipped. Also how the search index removes the
 * fragments it no longer has (src/integrations/suchindex.mjs).
 */
export function bestandAufraeumen(bestand: Bestand, entbehrlich: (pfad: string) => boolean): Aufgeraeumt {
  const entfernt: Aufgeraeumt = { dateien: 0, ordner: 0 };
  for (const pfad of bestand.dateien) {
    try {
      if (entbehrlich(pfad)) {
        unlinkSync(pfad);
        entfernt.dateien++;
      }
    } catch (e) {
      if (!weg(e)) throw e;
    }
  }
  // Longest paths first: a folder comes before the folder it is in.
  for (const ordner of [...bestand.ordner].sort((a, b) => b.length - a.length)) {
    try {
      if (readdirSync(ordner).length === 0) {
        rmdirSync(ordner);
        entfernt.ordner++;
      }
    } catch (e) {
      if (!weg(e)) throw e;
    }
  }
  return entfernt;
}

/**
 * `auslassen`: folders of dist/ that an integration writes in `astro:build:done` and cleans itself.
 * The search index (src/integrations/suchindex.mjs) leaves its unchanged files as they are, so their
 * age says nothing; it removes the files it no longer has on its own.
 */
export default function ausgabeAufraeumen({ auslassen = ['pagefind'] }: { auslassen?: string[] } = {}): AstroIntegration {
  let marke = '';
  let vorher: Promise<Bestand> | undefined;
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
        const dist = join(marke, '..');
        mkdirSync(dist, { recursive: true });
        writeFileSync(marke, '');
        vorher = bestandAufnehmen(dist, new Set(auslassen));
        // Awaited in build:done; a build that fails before must not report it as unhandled.
        vorher.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        const seit = statSync(marke).mtimeMs;
        unlinkSync(marke);
        const bestand = await (vorher ?? Promise.resolve({ dateien: [], ordner: [] }));
        vorher = undefined;
        // Not written since the marker: modified before it (a link put in its place stays).
        const entfernt = bestandAufraeumen(bestand, (pfad) => {
          const info = lstatSync(pfad);
          return info.isFile() && info.mtimeMs < seit;
        });
        if (entfernt.dateien || entfernt.ordner) logger.info(`${entfernt.dateien} Dateien und ${entfernt.ordner} Ordner aus dem vorigen Build entfernt (nicht mehr erzeugt).`);
      },
    },
  };
}
