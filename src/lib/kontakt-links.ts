/**
 * `tel:` link for a German phone number as editors write it ("02151 86-0", "+49 2151 860"):
 * digits only, national prefix 0 replaced by +49 so the link also works from foreign SIM cards.
 */
export function telHref(nummer: string): string {
  const ziffern = nummer.replace(/[^\d+]/g, '');
  if (ziffern.startsWith('+')) return `tel:${ziffern}`;
  if (ziffern.startsWith('00')) return `tel:+${ziffern.slice(2)}`;
  if (ziffern.startsWith('0')) return `tel:+49${ziffern.slice(1)}`;
  return `tel:${ziffern}`;
}

/** Readable "Str. 1, 47798 Krefeld" line. */
export function adresszeile(a: { strasse: string; hausnummer: string; plz: string; ort: string }): string {
  return `${a.strasse} ${a.hausnummer}, ${a.plz} ${a.ort}`;
}
