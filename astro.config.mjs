// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import suchindex from './src/integrations/suchindex.mjs';
import sicherheit from './src/integrations/sicherheit.ts';
import seitenParallel from './src/integrations/seiten-parallel.ts';
import ausgabeAufraeumen from './src/integrations/ausgabe-aufraeumen.ts';
import redaktion from './src/integrations/redaktion.ts';
import ohneVorbuendeln from './src/integrations/ohne-vorbuendeln.ts';
import { markdownVerarbeitung } from './src/lib/markdown-verarbeitung.ts';
import { weiterleitungen } from './src/schema/dateien.ts';

// The public address of the site; feeds, canonical URLs and QR codes are built from it.
const SITE = process.env.SITE_URL ?? 'https://quartiere.krefeld.example';

// Checks the finished HTML and writes _headers, _redirects and the nginx config; it sees each page
// as it is rendered (seitenParallel's `beiSeite`) and reads only the rest from disk at the end.
const ausgabePruefung = sicherheit();
const suchen = suchindex();

export default defineConfig({
  site: SITE,
  // Tests and the benchmark build other content side by side without sharing caches or output.
  ...(process.env.ASTRO_OUT_DIR ? { outDir: process.env.ASTRO_OUT_DIR } : {}),
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // Four pages at a time: rendering goes on while earlier pages are written to disk (at city
  // scale a third of the page phase was waiting for the disk; the output is the same). With page
  // workers (src/integrations/seiten-parallel.ts) that integration raises it.
  build: { format: 'directory', concurrency: 4 },
  // Old addresses (`frueher` in a Quartier, Treff, Angebot or Termin) redirect to the current one.
  redirects: weiterleitungen(process.env.CONTENT_DIR ?? './content'),
  // Markdown from the CMS: sanitised, German typography (src/lib/markdown-verarbeitung.ts, which the
  // content loader's Markdown workers use too).
  markdown: { syntaxHighlight: false, processor: markdownVerarbeitung() },
  integrations: [
    react(),
    // No pre-bundling of React & Co. for the dev server that reads the content during a build.
    ohneVorbuendeln(),
    // Pages are also rendered in worker threads, one per core besides the main thread's (src/integrations/seiten-parallel.ts).
    seitenParallel({ beiSeite: ausgabePruefung.seite }),
    // The editor's bundle (/admin/) is built in a process of its own while the content is read,
    // and reused while its inputs stay the same; its build:done copies it into dist/ before the next one.
    redaktion(),
    // Writes over the previous dist/ instead of emptying it first (much faster on the CI disk) and
    // removes what this build did not write, before the integrations below read or write dist/.
    ausgabeAufraeumen(),
    // The search index is built in its own process while the sitemap and the output check run.
    suchen.start,
    // Print notices, embeds and the editors' area are not pages to find in search engines.
    sitemap({ filter: (seite) => !/\/(admin|einbetten|redaktion)\/|\/aushang\/$/.test(new URL(seite).pathname) }),
    // Its build:done hook runs after the sitemap is written (and after the search index's folder exists).
    ausgabePruefung,
    // Last: waits for the search index.
    suchen.ende,
  ],
  devToolbar: { enabled: false },
  server: { port: 4321, host: '127.0.0.1' },
  vite: {
    // Vite's own cache (node_modules/.vite/ otherwise) goes along with Astro's.
    ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: `${process.env.ASTRO_CACHE_DIR}/vite` } : {}),
    build: {
      rolldownOptions: {
        output: {
          // The opening status runs on every Treff page within 2 KB gz: keep its modules in one chunk
          // of their own, so the bundler does not merge them with code other pages share (e.g.
          // Vite's preload helper, which every dynamic import() brings), which would then load with every Treff page.
          codeSplitting: {
            groups: [{ name: 'treff-status', test: /src[\\/](lib[\\/]opening-status|scripts[\\/](status|karte-tor))\.ts$/ }],
          },
        },
      },
    },
  },
});
