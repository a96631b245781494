/**
 * Turns the image paths of content entries into Astro's image objects (`ImageMetadata`), so
 * pages hand them to `<Picture>` (AVIF, WebP, width descriptors) and the open-data export gets
 * the built file's address.
 *
 * Why not Astro's `image()` in the schema: in the content layer it only marks the string; the
 * actual import map lives in `.astro/content-assets.mjs`, ONE file per project root that every
 * `astro build` rewrites during its content sync and reads back seconds later. Two builds in one
 * checkout (parallel build tests, a test build next to `npm run build`) then hand each other
 * their maps and a page receives the bare path: `LocalImageUsedWrongly`. A Vite glob over the
 * media folder is resolved per build from the disk and has no shared state.
 */
import type { ImageMetadata } from 'astro';
import { MEDIEN_ORDNER, bildDateiname } from '../schema/medien';

// Literal pattern (Vite needs one); the endings are BILD_ENDUNGEN, in both cases.
const UPLOADS = import.meta.glob<ImageMetadata>('/src/assets/uploads/*.{jpg,jpeg,png,webp,avif,JPG,JPEG,PNG,WEBP,AVIF}', {
  import: 'default',
});

/** An image as the schema leaves it: `src` still the path from the front matter. */
interface BildAngabe {
  src: unknown;
  alt: string;
}

const istBildAngabe = (w: unknown): w is BildAngabe =>
  typeof w === 'object' && w !== null && !Array.isArray(w) && 'src' in w && typeof (w as BildAngabe).alt === 'string';

const geladen = new Map<string, Promise<ImageMetadata>>();

function ladeBild(pfad: string, wo: string): Promise<ImageMetadata> {
  const name = bildDateiname(pfad);
  const laden = name ? UPLOADS[`/${MEDIEN_ORDNER}/${name}`] : undefined;
  // The schema has checked the file; this only happens if it vanished during the build.
  if (!laden) throw new Error(`${wo}: Bilddatei „${pfad}“ nicht gefunden im Medienordner ${MEDIEN_ORDNER}/.`);
  let bild = geladen.get(pfad);
  if (!bild) geladen.set(pfad, (bild = laden()));
  return bild;
}

async function aufgeloest(angabe: BildAngabe, wo: string): Promise<BildAngabe> {
  return typeof angabe.src === 'string' ? { ...angabe, src: await ladeBild(angabe.src, wo) } : angabe;
}

/**
 * Entries with every image field (`bild`, `logo`, `fotos: [...]`, any top-level field holding
 * `{ src, alt }` or a list of them) resolved; entries without images are returned as they are.
 */
export async function mitBildern<E extends { id: string; collection: string; data: object }>(eintraege: E[]): Promise<E[]> {
  return Promise.all(
    eintraege.map(async (e) => {
      let data: Record<string, unknown> | undefined;
      for (const [feld, wert] of Object.entries(e.data)) {
        const wo = `${e.collection}/${e.id} (${feld})`;
        if (istBildAngabe(wert)) (data ??= { ...e.data })[feld] = await aufgeloest(wert, wo);
        else if (Array.isArray(wert) && wert.some(istBildAngabe))
          (data ??= { ...e.data })[feld] = await Promise.all(wert.map((w) => (istBildAngabe(w) ? aufgeloest(w, wo) : w)));
      }
      return data ? { ...e, data } : e;
    }),
  );
}

/** Narrows a resolved `src` for `<Picture>`; a string here means the data layer was skipped. */
export function alsBild(src: unknown): ImageMetadata {
  if (typeof src === 'object' && src !== null && 'src' in src && 'width' in src && 'height' in src) return src as ImageMetadata;
  throw new Error(`Bild nicht aufgelöst (${JSON.stringify(src)}): Einträge mit Bildern über inhalte() aus src/data/inhalte.ts laden.`);
}
