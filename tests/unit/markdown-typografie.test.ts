/**
 * The typography plugin (src/lib/markdown-typografie.ts) skips bodies without quotes, dashes or
 * dots. Whatever it skips must come out exactly as with Astro's own smartypants: both pipelines
 * render the same texts and must agree to the byte.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { PhrasingContent, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { SICHERE_REHYPE_PLUGINS } from '../../src/lib/markdown-sicher';
import { DEUTSCHE_ANFUEHRUNGSZEICHEN, hatTypografie, remarkTypografie } from '../../src/lib/markdown-typografie';

const gemeinsam = { syntaxHighlight: false as const, rehypePlugins: [...SICHERE_REHYPE_PLUGINS] };
const astros = await createMarkdownProcessor({ ...gemeinsam, smartypants: DEUTSCHE_ANFUEHRUNGSZEICHEN });
const unsere = await createMarkdownProcessor({ ...gemeinsam, smartypants: false, remarkPlugins: [[remarkTypografie, DEUTSCHE_ANFUEHRUNGSZEICHEN]] });

const TEXTE = [
  'Der Name "FREIraum" sagt schon viel.',
  "Wie geht's? Das ist Annas Café und Ali's Imbiss, seit den '80s.",
  'Einfach so, ohne Satzzeichen außer Komma, Punkt. Und Fragezeichen?',
  'Kinder von 6-12 Jahren, 10–12 Uhr, Gruppe A - B.',
  'Von 10 -- 12 Uhr, und dann --- nichts.',
  'Warten... und dann . . . noch mal . .. . und Ende.',
  'Zwei Punkte.. hier und hier. .',
  '``Altmodisch zitiert\'\' und `Code mit "Anführungszeichen"` im Satz.',
  'Ein Link [zum "Treff"](/treffs/ "Titel mit \\"Anführung\\"") und **"fett"** zitiert.',
  'Mit Entitäten: &quot;Hallo&quot; und &#39;hi&#39; und &#x22;x&#x22; und &amp; und &hellip;',
  'Ein Zitat über Grenzen: "Anfang **mitten** Ende" und "_kursiv_".',
  '<abbr title="Quartiersentwicklung">QE</abbr> sagt "Hallo".',
  '# Überschrift mit "Zitat"\n\n- Liste "eins"\n- zwei -- drei\n\n| A | "B" |\n|---|---|\n| 1... | 2 |',
  '```\nCode "bleibt" -- wie ... er ist\n```\n\nDanach normal.',
  'Öffnungszeiten: Mo–Fr 9:00–12:00 Uhr.\n\nTelefon 02151 123456.',
  '',
];

describe('Typografie im Markdown (smartypants nur, wo es etwas zu ändern gibt)', () => {
  it.each(TEXTE.map((t) => [t.slice(0, 40), t]))('%s: gleiches HTML wie mit Astros smartypants', async (_kurz, text) => {
    const erwartet = (await astros.render(text)).code;
    expect((await unsere.render(text)).code).toBe(erwartet);
  });

  it('macht deutsche Anführungszeichen und lässt den Apostroph rechts stehen', async () => {
    expect((await unsere.render('Der Name "FREIraum" – geht\'s?')).code).toBe('<p>Der Name „FREIraum“ – geht’s?</p>');
  });

  it('überspringt Texte ohne Anführungszeichen, Striche und Punktfolgen', () => {
    const text = (value: string): PhrasingContent => ({ type: 'text', value });
    const baum = (...inhalt: PhrasingContent[]): Root => ({ type: 'root', children: [{ type: 'paragraph', children: inhalt }] });
    expect(hatTypografie(baum(text('Einfach so, mit Komma. Und Punkt. 10–12 Uhr')))).toBe(false);
    // Quotes only in code or in a link address: smartypants leaves those alone, too.
    expect(hatTypografie(baum(text('Code '), { type: 'inlineCode', value: '"x"' }, { type: 'link', url: '/a', title: '"b"', children: [text('Link')] }))).toBe(false);
    for (const wert of ['"a"', "geht's", '``a', 'a -- b', 'a...', 'a . . .', 'a .. .']) {
      expect(hatTypografie(baum(text('Vorweg '), { type: 'strong', children: [text(wert)] })), wert).toBe(true);
    }
  });
});
