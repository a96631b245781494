/**
 * Fills `{name}` placeholders of a translated text: `fuellen('{n} Treffer', { n: 3 })` → „3 Treffer“.
 * Unknown placeholders stay as written; a function as replacement keeps `$&` in a value (content)
 * as written. Small on purpose: the browser scripts (finder, calendar, search) use it too.
 */
export function fuellen(vorlage: string, werte: Readonly<Record<string, string | number | undefined>>): string {
  return vorlage.replace(/\{(\w+)\}/g, (ganz, k: string) => (k in werte ? String(werte[k]) : ganz));
}
