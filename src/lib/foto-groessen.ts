/**
 * Widths for responsive photos (src/components/Fotos.astro): which files to build and the
 * `sizes` attribute that tells the browser how wide a photo is shown before CSS has loaded.
 */

/** The widest file we build: enough for a phone at 3×; a 2× desktop gets a little less than its pixels. */
export const GROESSTE_BREITE = 1200;

/**
 * 400 for small phones, 800 for phones at 2× and the desktop column, 1200 for 3× phones and 2×
 * desktops; never wider than the upload (a small photo gets its own width as the largest step).
 */
export function fotoBreiten(original: number): number[] {
  return [...[400, 800].filter((w) => w < original), Math.min(original, GROESSTE_BREITE)];
}

/**
 * The rendered width (src/styles/global.css): the page is min(100vw, 70rem) minus 2rem padding;
 * the main column of a two-column page (`spalte`) is 2/3 of that minus the 1.5rem gap from 60rem
 * on; photos stop at 44rem (.qp-fotos in Fotos.astro: 792 px at 18 px, so the 800 px file still
 * covers it at 1×); two or more (`raster`) sit side by side from 30rem on with a 1rem gap.
 * Lengths in `sizes` count rem from the browser's default font size, our CSS from
 * `html { font-size: 112.5% }`: hence r(), which scales our rem by 1.125. Media queries count
 * from the default size in both, so they stay as in the CSS.
 */
export function fotoSizes({ raster, spalte }: { raster: boolean; spalte: boolean }): string {
  const r = (rem: number) => `${+(rem * 1.125).toFixed(4)}rem`;
  const foto = (platz: string) => `min(${r(44)}, ${platz})`;
  const halb = (platz: string) => `calc((${foto(platz)} - ${r(1)}) / 2)`;
  const seite = `calc(100vw - ${r(2)})`;
  const hauptspalte = `calc((min(100vw, ${r(70)}) - ${r(3.5)}) * 2 / 3)`;
  const stufen = raster ? [`(min-width: 30rem) ${halb(seite)}`, seite] : [foto(seite)];
  if (spalte) stufen.unshift(`(min-width: 60rem) ${raster ? halb(hauptspalte) : foto(hauptspalte)}`);
  return stufen.join(', ');
}
