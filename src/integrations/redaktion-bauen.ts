/**
 * Builds the editor's bundle (src/cms/admin.ts: Decap CMS with our configuration, widgets and
 * previews) with Vite, in a process of its own; started by src/integrations/redaktion.ts.
 *
 * Usage: `node redaktion-bauen.ts <Projektordner> <Zielordner> <Schlüssel>`. Writes the files to
 * `<Zielordner>/dateien/_astro/` and, last, `<Zielordner>/manifest.json` (`RedaktionsManifest`):
 * a folder without that file is an unfinished build.
 *
 * The settings are those of Astro's client build that matter for this code: `PUBLIC_` variables
 * from the environment and `.env` files, the production mode (React's production build), JSX as
 * tsconfig.json says, hashed names in `_astro/`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type Rolldown } from 'vite';
import { EINTRAG, type RedaktionsManifest } from './redaktion.ts';

const [wurzel, ziel, schluessel] = process.argv.slice(2);
if (!wurzel || !ziel || !schluessel) throw new Error('Aufruf: node redaktion-bauen.ts <Projektordner> <Zielordner> <Schlüssel>');

rmSync(join(ziel, 'manifest.json'), { force: true });
const dateien = join(ziel, 'dateien');
const ergebnis = await build({
  configFile: false,
  root: wurzel,
  mode: 'production',
  envPrefix: 'PUBLIC_',
  logLevel: 'error',
  publicDir: false,
  build: {
    outDir: dateien,
    emptyOutDir: true,
    manifest: false,
    // Sizes are not printed (the bench measures them), so gzip need not run over 6 MB.
    reportCompressedSize: false,
    rolldownOptions: {
      input: { redaktion: join(wurzel, EINTRAG) },
      output: { entryFileNames: '_astro/[name].[hash].js', chunkFileNames: '_astro/[name].[hash].js', assetFileNames: '_astro/[name].[hash][extname]' },
    },
  },
});

const ausgaben = (Array.isArray(ergebnis) ? ergebnis : [ergebnis]) as Rolldown.RolldownOutput[];
const teile = ausgaben.flatMap((a) => a.output);
const eintrag = teile.find((t): t is Rolldown.OutputChunk => t.type === 'chunk' && t.isEntry);
if (!eintrag) throw new Error('Vite hat keine Einstiegsdatei für die Redaktion erzeugt.');
const manifest: RedaktionsManifest = {
  schluessel,
  skript: `/${eintrag.fileName}`,
  stile: [...(eintrag.viteMetadata?.importedCss ?? [])].map((d) => `/${d}`),
  dateien: teile.map((t) => t.fileName).sort(),
};
writeFileSync(join(ziel, 'manifest.json'), JSON.stringify(manifest, null, 1));
console.log(`Redaktion gebaut: ${manifest.dateien.length} Dateien in ${relative(wurzel, dateien) || dateien}.`);
