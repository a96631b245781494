/**
 * Typography for Markdown bodies: German quotes („…“), dashes and ellipses, by `remark-smartypants`
 * (the plugin Astro itself uses) — but only for a body that has something to change.
 *
 * smartypants parses every text of a body into a sentence tree (retext) twice, even when there is
 * not a single quote in it. Reading the 5,647 entries of the 1× benchmark content spent 2.5 of
 * 10.5 s there (CPU profile, 5.12.2026), on one core, before any page could be built. Most bodies
 * have nothing to change: of the 129 example entries 6 contain a quote, dash or dots. A body whose
 * texts contain none of the characters smartypants acts on (straight quotes, backticks, two dashes,
 * two dots) goes on unchanged; the others get exactly what `remark-smartypants` makes of them
 * (tests/unit/markdown-typografie.test.ts compares both).
 *
 * astro.config.mjs imports this with Node itself: only package imports and types.
 */
import type { Nodes, Root } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import type { Plugin } from 'unified';

/** Options of remark-smartypants (retext-smartypants). */
type Optionen = NonNullable<Parameters<typeof remarkSmartypants>[0]>;

/**
 * German double quotes: "Café" typed in the CMS becomes „Café“, not “Café”. Single quotes stay
 * ‘…’, so the apostrophe in „geht's“ keeps its right shape (’).
 */
export const DEUTSCHE_ANFUEHRUNGSZEICHEN: Optionen = {
  openingQuotes: { double: '„', single: '‘' },
  closingQuotes: { double: '“', single: '’' },
};

/**
 * What smartypants (with its defaults for backticks, dashes and ellipses) turns into typography:
 * `"` and `'`, backticks, `--`, and dots – `...` as well as `. . .`. Two dots with or without space
 * between are enough to count, so this finds more than smartypants changes, never less.
 */
const ZEICHEN = /["'`]|--|\.\s*\./;

/** Whether a text node of `baum` holds something smartypants would change. Only text nodes are changed. */
export function hatTypografie(baum: Nodes): boolean {
  if (baum.type === 'text') return ZEICHEN.test(baum.value);
  return 'children' in baum && baum.children.some((kind) => hatTypografie(kind));
}

/** `remark-smartypants` with these options, skipped for a body without anything to change. */
export const remarkTypografie: Plugin<[Optionen?], Root> = function (optionen = DEUTSCHE_ANFUEHRUNGSZEICHEN) {
  // remark-smartypants' transformer is synchronous and reads only the tree.
  const smartypants = remarkSmartypants.call(this, optionen) as unknown as (baum: Root) => void;
  // Two parameters at most: unified would wait for a callback from a third.
  return (baum: Root) => {
    if (hatTypografie(baum)) smartypants(baum);
  };
};
