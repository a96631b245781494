// @ts-check
/**
 * Builds the static search index (pagefind) into <outDir>/pagefind/ after every `astro build` —
 * also the builds of `npm start`, the benchmark and the tests, whatever their outDir — and removes
 * the files of an earlier index from there.
 * Only pages that mark their content with `data-pagefind-body` are indexed (Treffs, Angebote,
 * Termine, Quartiere, pages); the language comes from <html lang="de"> (German stemming).
 *
 * One index, German: the content is German in every UI language, so the copies under /en/, /tr/ …
 * are neither read nor indexed (at city scale that was four fifths of the pages and of the
 * indexing time, `npm run bench`). pagefind falls back to its largest index, so the search on
 * /en/suche/ searches the German one, and src/scripts/suche.ts opens results in the page's language.
 *
 * Two integrations: `start` begins indexing (pagefind is a process of its own) and `ende`, placed
 * last, waits for it, so that the sitemap and the output check run meanwhile (at 1× pagefind takes
 * 5–6 s and the sitemap 2 s, one after the other before). Both read only dist/'s HTML, which no
 * integration changes after the pages are written; `start` must come after the removal of left-over
 * files (src/integrations/ausgabe-aufraeumen.ts).
 * @returns {{ start: import('astro').AstroIntegration, ende: import('astro').AstroIntegration }}
 */
export default function suchindex() {
  /** @type {Promise<void> | undefined} */
  let laufend;
  /** @type {import('astro').AstroIntegration} */
  const start = {
    name: 'qp-suchindex',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { fileURLToPath } = await import('node:url');
        const { mkdirSync } = await import('node:fs');
        const { join } = await import('node:path');
        const pfad = fileURLToPath(dir);
        // The output check writes _headers from the folders there are; this one is among them.
        mkdirSync(join(pfad, 'pagefind'), { recursive: true });
        laufend = indexBauen(pfad, logger);
        // Awaited in `ende`; until then a failure must not count as unhandled.
        laufend.catch(() => {});
      },
    },
  };
  /** @type {import('astro').AstroIntegration} */
  const ende = {
    name: 'qp-suchindex-ende',
    hooks: {
      'astro:build:done': async () => {
        const fertig = laufend;
        laufend = undefined;
        await fertig;
      },
    },
  };
  return { start, ende };
}

/**
 * pagefind over the German pages of `pfad`, written to `pfad`/pagefind/.
 * @param {string} pfad
 * @param {import('astro').AstroIntegrationLogger} logger
 */
async function indexBauen(pfad, logger) {
  const { join, normalize } = await import('node:path');
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Suchindex (pagefind) konnte nicht starten: ${errors.join('; ')}`);
  const { glob, andere } = await deutscheSeiten(pfad);
  const ergebnis = await index.addDirectory({ path: pfad, glob });
  if (ergebnis.errors.length) throw new Error(`Suchindex: ${ergebnis.errors.join('; ')}`);
  const ziel = join(pfad, 'pagefind');
  const geschrieben = await index.writeFiles({ outputPath: ziel });
  if (geschrieben.errors.length) throw new Error(`Suchindex: ${geschrieben.errors.join('; ')}`);
  // A build writes over the previous dist/ (src/integrations/ausgabe-aufraeumen.ts). pagefind
  // leaves files it has already (same name, same content) untouched, so what it no longer
  // has is found by name: everything in pagefind/ that is not part of this index goes.
  const { files, errors: fehler } = await index.getFiles();
  if (fehler.length) throw new Error(`Suchindex: ${fehler.join('; ')}`);
  const { bestandAufnehmen, bestandAufraeumen } = await import('./ausgabe-aufraeumen.ts');
  const aktuell = new Set(files.map((f) => normalize(join(ziel, f.path))));
  bestandAufraeumen(await bestandAufnehmen(ziel), (datei) => !aktuell.has(datei));
  await pagefind.close();
  logger.info(`${ergebnis.page_count} Seiten im Suchindex (Deutsch; nicht gelesen: ${andere.map((s) => `/${s}/`).join(', ') || '–'})`);
}

/**
 * The folders of the other UI languages: top-level folders whose start page is not German.
 * @param {string} pfad
 */
async function sprachOrdner(pfad) {
  const { readdirSync, readFileSync, existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  return readdirSync(pfad, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(pfad, e.name, 'index.html')))
    .filter((e) => {
      const lang = /<html[^>]*\slang="([^"]+)"/.exec(readFileSync(join(pfad, e.name, 'index.html'), 'utf8'))?.[1];
      return lang !== undefined && lang !== 'de' && lang === e.name;
    })
    .map((e) => e.name);
}

/**
 * Which files pagefind reads: every HTML file except the other languages' folders.
 * @param {string} pfad
 */
async function deutscheSeiten(pfad) {
  const { readdirSync } = await import('node:fs');
  const andere = new Set(await sprachOrdner(pfad));
  const ordner = readdirSync(pfad, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !andere.has(e.name) && !['_astro', 'pagefind', '_nginx'].includes(e.name))
    .map((e) => e.name);
  return { glob: `{${['*.html', ...ordner.map((o) => `${o}/**/*.html`)].join(',')}}`, andere: [...andere] };
}
