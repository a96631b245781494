/**
 * Safe Markdown: what editors type in a body may format text and link, never run code, load
 * third-party resources or break the page. Used by astro.config.mjs (`markdown.processor`).
 *
 * Order matters: Astro's unified pipeline keeps raw HTML as opaque `raw` nodes until its own
 * `rehype-raw` at the very end, so we parse raw HTML first (`rehype-raw`), then sanitise with an
 * allow-list (`rehype-sanitize`, GitHub's schema tightened below), then tidy up what is left.
 * Astro's heading ids and image optimisation run after these plugins.
 */
import type { RehypePlugins } from '@astrojs/markdown-remark';
import type { Element, Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/** Protocols a link in content may use; relative links (`/treffs/…`, `#abschnitt`) always work. */
export const LINK_PROTOKOLLE = ['http', 'https', 'mailto', 'tel'] as const;

/** Attributes nobody needs in prose and that harm keyboard users (focus order, shortcuts). */
const OHNE = new Set(['accessKey', 'tabIndex']);

/** The prefix put before ids and names from content, so they cannot clobber the page's own ids. */
export const ID_PRAEFIX = 'user-content-';

export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  // <abbr title="…"> explains abbreviations (Leichte Sprache, screen readers).
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr'],
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => !(typeof a === 'string' && OHNE.has(a))),
  },
  clobberPrefix: ID_PRAEFIX,
  protocols: {
    href: [...LINK_PROTOKOLLE],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
    // Remote images are turned into links below (privacy: no request to another host).
    src: ['https', 'http'],
  },
};

function istElement(n: RootContent | Root): n is Element {
  return n.type === 'element';
}

/**
 * After sanitising:
 * - `# Titel` in a body becomes `<h2>`: the page already has its one `<h1>`.
 * - An image from another host becomes a link to it: loading it would send the visitor's address
 *   there before they agreed (and the CSP allows images from this site only).
 * - GFM footnotes already carry the prefix; the sanitiser adds it again, which breaks their links.
 */
export function rehypeInhaltAufraeumen() {
  return (tree: Root) => {
    const besuchen = (eltern: Root | Element) => {
      eltern.children = eltern.children.map((kind) => {
        if (!istElement(kind)) return kind;
        if (kind.tagName === 'h1') kind.tagName = 'h2';
        for (const key of ['id', 'name'] as const) {
          const wert = kind.properties[key];
          if (typeof wert === 'string' && wert.startsWith(ID_PRAEFIX + ID_PRAEFIX)) kind.properties[key] = wert.slice(ID_PRAEFIX.length);
        }
        if (kind.tagName === 'img' && typeof kind.properties.src === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(kind.properties.src)) {
          const alt = typeof kind.properties.alt === 'string' && kind.properties.alt.trim() ? kind.properties.alt.trim() : 'Bild';
          const link: Element = {
            type: 'element',
            tagName: 'a',
            properties: { href: kind.properties.src },
            children: [{ type: 'text', value: `Bild auf externer Seite: ${alt}` }],
          };
          return link;
        }
        besuchen(kind);
        return kind;
      });
    };
    besuchen(tree);
  };
}

/** German labels for GFM footnotes (`unified({ remarkRehype })`). */
export const REMARK_REHYPE_OPTIONEN = {
  footnoteLabel: 'Fußnoten',
  footnoteBackLabel: (i: number) => `Zurück zum Verweis ${i + 1}`,
};

/** The rehype plugins for `unified({ rehypePlugins })`, in order. */
export const SICHERE_REHYPE_PLUGINS: RehypePlugins = [rehypeRaw, [rehypeSanitize, SANITIZE_SCHEMA], rehypeInhaltAufraeumen];
