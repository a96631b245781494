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

interface AdresseLike {
  strasse: string;
  hausnummer?: string;
  plz: string;
  ort: string;
}

/** "Alte Linner Straße 69" – or just the street/square when it has no number. */
export function strasseMitNummer(a: Pick<AdresseLike, 'strasse' | 'hausnummer'>): string {
  return a.hausnummer ? `${a.strasse} ${a.hausnummer}` : a.strasse;
}

/** Readable "Alte Linner Straße 69, 47799 Krefeld" line. */
export function adresszeile(a: AdresseLike): string {
  return `${strasseMitNummer(a)}, ${a.plz} ${a.ort}`;
}
