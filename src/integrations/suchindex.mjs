// @ts-check
/**
 * Builds the static search index (pagefind) into <outDir>/pagefind/ after every `astro build` —
 * also the builds of `npm start`, the benchmark and the tests, whatever their outDir.
 * Only pages that mark their content with `data-pagefind-body` are indexed (Treffs, Angebote,
 * Termine, Quartiere, pages); the language comes from <html lang="de"> (German stemming).
 * @returns {import('astro').AstroIntegration}
 */
export default function suchindex() {
  return {
    name: 'qp-suchindex',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { fileURLToPath } = await import('node:url');
        const { join } = await import('node:path');
        const pagefind = await import('pagefind');
        const pfad = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Suchindex (pagefind) konnte nicht starten: ${errors.join('; ')}`);
        const ergebnis = await index.addDirectory({ path: pfad });
        if (ergebnis.errors.length) throw new Error(`Suchindex: ${ergebnis.errors.join('; ')}`);
        const geschrieben = await index.writeFiles({ outputPath: join(pfad, 'pagefind') });
        if (geschrieben.errors.length) throw new Error(`Suchindex: ${geschrieben.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`${ergebnis.page_count} Seiten im Suchindex`);
      },
    },
  };
}
