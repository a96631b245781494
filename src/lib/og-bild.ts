/**
 * Share images (Open Graph, 1200×630 PNG) generated at build: satori lays out text as SVG paths
 * with a bundled font (so the result does not depend on the fonts of the build machine), resvg
 * turns the SVG into a PNG. No third-party service sees our pages.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';

export const OG_BREITE = 1200;
export const OG_HOEHE = 630;

// Resolved from the project, not from the bundled chunk, whose folder (outDir) may be anywhere.
const require = createRequire(join(process.cwd(), 'package.json'));
const schrift = (datei: string) => readFileSync(require.resolve(`@fontsource/atkinson-hyperlegible/files/${datei}`));

let schriften: Parameters<typeof satori>[1]['fonts'] | undefined;
function ladeSchriften() {
  schriften ??= [
    { name: 'Atkinson', data: schrift('atkinson-hyperlegible-latin-400-normal.woff'), weight: 400, style: 'normal' },
    { name: 'Atkinson', data: schrift('atkinson-hyperlegible-latin-700-normal.woff'), weight: 700, style: 'normal' },
    { name: 'Atkinson', data: schrift('atkinson-hyperlegible-latin-ext-400-normal.woff'), weight: 400, style: 'normal' },
    { name: 'Atkinson', data: schrift('atkinson-hyperlegible-latin-ext-700-normal.woff'), weight: 700, style: 'normal' },
  ];
  return schriften;
}

export interface OgText {
  /** Small line on top, e.g. „Treff im Quartier Stahldorf“. */
  oben: string;
  titel: string;
  /** Up to three lines below the title (address, opening hours). */
  zeilen: string[];
}

interface Knoten {
  type: string;
  props: { style?: Record<string, string | number>; children?: Knoten | Knoten[] | string };
}
const div = (style: Record<string, string | number>, children: Knoten['props']['children']): Knoten => ({ type: 'div', props: { style, children } });

/** The layout: the portal's dark blue with white text, like the header of the site. */
function layout({ oben, titel, zeilen }: OgText): Knoten {
  const gross = titel.length > 36 ? 64 : 80;
  return div(
    {
      // satori adds the padding to width and height (content-box), so the box is the canvas minus padding.
      width: OG_BREITE - 2 * 72,
      height: OG_HOEHE - 2 * 64,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      background: '#0b3a5b',
      color: '#ffffff',
      fontFamily: 'Atkinson',
    },
    [
      div({ display: 'flex', flexDirection: 'column' }, [
        div({ fontSize: 34, color: '#e6f0f7' }, oben),
        div({ fontSize: gross, fontWeight: 700, lineHeight: 1.1, marginTop: 20 }, titel),
      ]),
      div(
        { display: 'flex', flexDirection: 'column' },
        zeilen.slice(0, 3).map((z) => div({ fontSize: 34, lineHeight: 1.35 }, z)),
      ),
      div({ display: 'flex', justifyContent: 'space-between', fontSize: 28, borderTop: '3px solid #ffffff', paddingTop: 20 }, [
        div({ fontWeight: 700 }, 'Quartiersportal Krefeld'),
        div({}, 'Treffs · Angebote · Termine'),
      ]),
    ],
  );
}

export async function ogSvg(text: OgText): Promise<string> {
  // satori takes React-like element objects; plain objects need no React at build.
  return satori(layout(text) as unknown as Parameters<typeof satori>[0], { width: OG_BREITE, height: OG_HOEHE, fonts: ladeSchriften() });
}

export async function ogPng(text: OgText): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await ogSvg(text);
  return new Uint8Array(new Resvg(svg, { fitTo: { mode: 'width', value: OG_BREITE }, font: { loadSystemFonts: false } }).render().asPng());
}
