/**
 * The content loader's Markdown workers (src/schema/markdown-parallel.ts), with a loader that
 * renders like Astro's glob() does: through the `.md` content entry type it is handed. A real
 * build in workers and in the main thread is compared in tests/unit/build-seiten-parallel.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Loader, LoaderContext } from 'astro/loaders';
import { markdownVerarbeitung } from '../../src/lib/markdown-verarbeitung';
import { mitMarkdownWorkern, rendererEinstellungen } from '../../src/schema/markdown-parallel';

type Render = (e: { id: string; data: Record<string, unknown>; body?: string; filePath?: string }) => Promise<{ html: string; metadata?: Record<string, unknown> }>;

const config = { markdown: { syntaxHighlight: false, shikiConfig: {}, gfm: true, smartypants: false }, image: {} } as never;

/** Astro's `markdownContentEntryType`, rendering in this thread; counts how often it made a renderer. */
function markdownTyp() {
  const typ = {
    gebaut: 0,
    async getRenderFunction(): Promise<Render> {
      typ.gebaut++;
      const renderer = await markdownVerarbeitung().createRenderer(rendererEinstellungen(config) as never);
      return async (e) => {
        const r = await renderer.render(e.body ?? '', { frontmatter: e.data });
        return { html: r.code, metadata: { ...r.metadata, imagePaths: [...r.metadata.localImagePaths, ...r.metadata.remoteImagePaths] } };
      };
    },
  };
  return typ;
}

const TEXTE = ['"Zitat" -- und so weiter...', '# Titel\n\n| a | b |\n|---|---|\n| 1 | 2 |', 'Text<script>alert(1)</script> mit <b onclick="x()">fett</b>[^1]\n\n[^1]: Fußnote.'];

describe('Markdown in Worker-Threads beim Einlesen', () => {
  it('rendert wie der Hauptthread, mit dem Frontmatter-Objekt des Eintrags; danach rendert der Hauptthread', async () => {
    const typ = markdownTyp();
    const hauptthread = await typ.getRenderFunction();
    let render: Render | undefined;
    const ergebnisse: Awaited<ReturnType<Render>>[] = [];
    const eintraege = TEXTE.map((body, i) => ({ id: `e${i}`, data: { titel: `T${i}`, datum: new Date('2026-12-01') }, body }));
    const loader: Loader = {
      name: 'test-loader',
      async load(kontext) {
        const { entryTypes } = kontext as LoaderContext & { entryTypes: Map<string, ReturnType<typeof markdownTyp>> };
        render = await entryTypes.get('.md')!.getRenderFunction();
        ergebnisse.push(...(await Promise.all(eintraege.map((e) => render!(e)))));
      },
    };
    const infos: string[] = [];
    const kontext = { config, logger: { info: (m: string) => infos.push(m) }, entryTypes: new Map([['.md', typ]]) } as unknown as LoaderContext;
    await mitMarkdownWorkern(loader, 1).load(kontext);

    expect(infos).toEqual(['3 Markdown-Texte in 1 Worker-Thread gerendert.']);
    // Only the renderer above was made in this thread: the bodies went to the worker.
    expect(typ.gebaut).toBe(1);
    for (const [i, e] of eintraege.entries()) {
      const erwartet = await hauptthread(e);
      expect(ergebnisse[i]).toEqual(erwartet);
      expect(ergebnisse[i].metadata!.frontmatter).toBe(e.data);
    }
    expect(ergebnisse[0].html).toContain('„Zitat“');
    expect(ergebnisse[2].html).not.toMatch(/script|onclick/);

    // The pool is gone with the load: a later body (a file saved under `astro dev`) renders here.
    const spaeter = await render!({ id: 'neu', data: {}, body: '"neu"' });
    expect(spaeter.html).toBe('<p>„neu“</p>');
    expect(typ.gebaut).toBe(2);
  });

  it('ohne Worker (QP_MARKDOWN_WORKER=0) bleibt der Loader, wie er ist', () => {
    const loader: Loader = { name: 'x', load: async () => {} };
    expect(mitMarkdownWorkern(loader, 0)).toBe(loader);
  });
});
