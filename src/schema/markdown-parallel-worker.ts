/**
 * A Markdown worker of src/schema/markdown-parallel.ts: renders bodies with the site's processor
 * (src/lib/markdown-verarbeitung.ts) and the settings Astro passes to it, and answers what Astro's
 * `markdownContentEntryType` makes of the result (`html`, `metadata` with `imagePaths`).
 * Loaded by Node itself: `node:` and package imports, relative imports with `.ts`.
 */
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { markdownVerarbeitung } from '../lib/markdown-verarbeitung.ts';
import type { MarkdownAntwort, MarkdownAuftrag, MarkdownStart } from './markdown-parallel.ts';

const { geteilt } = workerData as MarkdownStart;
const renderer = await markdownVerarbeitung().createRenderer(geteilt as never);
const port = parentPort!;

port.on('message', async ({ nr, body, frontmatter, datei }: MarkdownAuftrag) => {
  let antwort: MarkdownAntwort;
  try {
    const ergebnis = await renderer.render(body, { frontmatter, fileURL: datei ? pathToFileURL(datei) : undefined });
    const m = ergebnis.metadata;
    // As astro/dist/vite-plugin-markdown/content-entry-type.js; the front matter goes back as a
    // placeholder (the main thread puts the entry's own object there).
    const metadata: Record<string, unknown> = { ...m, frontmatter: null, imagePaths: m.localImagePaths.concat(m.remoteImagePaths) };
    antwort = { nr, html: ergebnis.code, metadata };
  } catch (e) {
    antwort = { nr, fehler: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(antwort);
});
