/**
 * The one media folder. Decap uploads every image into it (`media_folder`) and writes the path as
 * seen from an entry file (`public_folder`), so front matter reads like a relative import and an
 * editor opening the file finds the image:
 *
 *     fotos:
 *       - src: ../../src/assets/uploads/treff-eingang.jpg
 *         alt: Der Eingang des Treffs mit Rampe
 *
 * The build resolves the file *name* in MEDIEN_ORDNER (exactly as Decap does: media folder +
 * file name, see src/medien/bilder.ts) and serves it through astro:assets (AVIF, WebP, widths).
 * Pure: the CMS imports this in the browser; the file check is in ./medienordner.ts (Node).
 */

/** Where uploads live, relative to the project root (Decap `media_folder`). */
export const MEDIEN_ORDNER = 'src/assets/uploads';
/** How an entry in `content/<sammlung>/` refers to it (Decap `public_folder`). */
export const MEDIEN_PFAD = `../../${MEDIEN_ORDNER}`;
/** What sharp turns into AVIF/WebP. No GIF (animations) and no SVG (scripts, no raster sizes). */
export const BILD_ENDUNGEN = ['jpg', 'jpeg', 'png', 'webp', 'avif'] as const;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const URL_SCHEMA = /^\s*[a-z][a-z0-9+.-]*:/i;

const URL_MELDUNG =
  'Bitte ein hochgeladenes Bild wählen. Web-Adressen (https:, data:, javascript: …) sind nicht erlaubt: das Bild käme sonst von einem fremden Server.';

/** The file name if `src` points into the media folder with an image ending, else undefined. */
export function bildDateiname(src: string): string | undefined {
  if (!src.startsWith(`${MEDIEN_PFAD}/`)) return undefined;
  const name = src.slice(MEDIEN_PFAD.length + 1);
  if (!NAME.test(name)) return undefined;
  const endung = name.split('.').pop()!.toLowerCase();
  return name.includes('.') && (BILD_ENDUNGEN as readonly string[]).includes(endung) ? name : undefined;
}

/** A German message if `src` is not a path into the media folder; undefined if it is. */
export function bildPfadFehler(src: string): string | undefined {
  // Astro would load anything with a scheme from elsewhere (no consent), and `javascript:`/`data:`
  // have no business in a page at all.
  if (URL_SCHEMA.test(src) || src.trim().startsWith('//')) return URL_MELDUNG;
  if (bildDateiname(src)) return undefined;
  const name = src.split(/[\\/]/).pop() ?? '';
  const endung = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  if (!(BILD_ENDUNGEN as readonly string[]).includes(endung))
    return `„${name || src}“ ist kein Foto im passenden Format. Bitte ein Bild als JPG, PNG, WebP oder AVIF hochladen.`;
  if (!NAME.test(name))
    return `Dateiname „${name}“: bitte nur Buchstaben a–z, Ziffern, Punkt, - und _ verwenden (keine Leerzeichen oder Umlaute). Das Redaktionssystem benennt hochgeladene Bilder automatisch passend.`;
  return `Bilder liegen im Medienordner ${MEDIEN_ORDNER}/ und werden so eingetragen: „${MEDIEN_PFAD}/${name}“. Bitte das Bild im Redaktionssystem mit „Wähle ein Bild“ hochladen.`;
}

/** First bytes of each format, to tell a real image from a renamed document. */
function passtZurEndung(kopf: Uint8Array, endung: string): boolean {
  const ascii = (von: number, bis: number) => String.fromCharCode(...kopf.subarray(von, bis));
  switch (endung) {
    case 'jpg':
    case 'jpeg':
      return kopf[0] === 0xff && kopf[1] === 0xd8 && kopf[2] === 0xff;
    case 'png':
      return kopf[0] === 0x89 && ascii(1, 4) === 'PNG';
    case 'webp':
      return ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP';
    case 'avif':
      return ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12));
    default:
      return false;
  }
}

/**
 * A German message if the file `name` in the media folder is missing (`kopf` undefined) or is not
 * an image of its ending; `kopf` = its first 16 bytes.
 */
export function bildDateiFehler(name: string, kopf: Uint8Array | undefined): string | undefined {
  if (!kopf)
    return `Die Bilddatei „${name}“ fehlt im Medienordner ${MEDIEN_ORDNER}/. Bitte das Bild im Redaktionssystem neu hochladen oder den Dateinamen korrigieren.`;
  const endung = name.split('.').pop()!.toLowerCase();
  if (!passtZurEndung(kopf, endung))
    return `„${name}“ im Medienordner ist kein lesbares ${endung.toUpperCase()}-Bild (Inhalt passt nicht zur Endung). Bitte das Bild neu als JPG oder PNG speichern und hochladen.`;
  return undefined;
}
