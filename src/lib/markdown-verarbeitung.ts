/**
 * The site's Markdown processor, in one place: astro.config.mjs hands it to Astro, and the
 * Markdown workers of the content loader (src/schema/markdown-parallel.ts) build the same one in
 * their threads, so a body renders the same wherever it is rendered.
 *
 * - Raw HTML from the CMS is sanitised with an allow-list, links only http(s)/mailto/tel/relative
 *   (src/lib/markdown-sicher.ts). No syntax highlighting (astro.config.mjs): its inline styles
 *   would need 'unsafe-inline'.
 * - German quotes: "Café" typed in the CMS becomes „Café“, not “Café”. Astro's own smartypants is
 *   off: ours runs at the same place in the pipeline, but only over bodies that have a quote, dash
 *   or dots in them (src/lib/markdown-typografie.ts).
 *
 * Loaded by Node itself (astro.config.mjs, worker threads): package imports and relative `.ts`.
 */
import { unified } from '@astrojs/markdown-remark';
import { REMARK_REHYPE_OPTIONEN, SICHERE_REHYPE_PLUGINS } from './markdown-sicher.ts';
import { DEUTSCHE_ANFUEHRUNGSZEICHEN, remarkTypografie } from './markdown-typografie.ts';

export function markdownVerarbeitung() {
  return unified({
    rehypePlugins: [...SICHERE_REHYPE_PLUGINS],
    remarkRehype: REMARK_REHYPE_OPTIONEN,
    smartypants: false,
    remarkPlugins: [[remarkTypografie, DEUTSCHE_ANFUEHRUNGSZEICHEN]],
  });
}
