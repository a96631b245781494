/**
 * Intl formatters, made once per language and reused. Creating an `Intl.*` object costs far more
 * than using one (tens of microseconds each); a city-scale build asked for weekday names and list
 * formats hundreds of thousands of times (`npm run bench`). Build-side only: the islands and page
 * scripts keep their own few formatters, so their bundles stay small. Date formatters come from
 * `datumsformat` in ./time, which keeps them the same way.
 */
import { datumsformat } from './time';

const cache = new Map<string, unknown>();
function einmal<T>(schluessel: string, machen: () => T): T {
  let wert = cache.get(schluessel) as T | undefined;
  if (wert === undefined) cache.set(schluessel, (wert = machen()));
  return wert;
}

/** Weekday name in `locale`; `wt` counts Monday = 0 … Sunday = 6 (as rrule does). */
export function wochentagsname(locale: string, wt: number, art: 'long' | 'short' = 'long'): string {
  const namen = einmal(`wt|${art}|${locale}`, () => {
    const f = datumsformat(locale, { weekday: art });
    // 2024-01-01 was a Monday.
    return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
  });
  return namen[wt];
}

/** „A, B und C“ in `locale`. */
export function aufzaehlung(locale: string, teile: string[]): string {
  return einmal(`liste|${locale}`, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(teile);
}

const TAG_UND_MONAT: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' };

/** Day and month of a plain date, „3. Oktober“, in `locale`. */
export function tagUndMonat(locale: string, monat: number, tag: number): string {
  return datumsformat(locale, TAG_UND_MONAT).format(new Date(Date.UTC(2001, monat - 1, tag)));
}

/**
 * Names of languages (`tr` → „Türkisch“) in `locale`; undefined where Intl has none. The names
 * themselves are kept too: `DisplayNames.of` looks each one up in ICU's data (at city scale half a
 * second of every build for the language lists of the Termin pages, `npm run bench`).
 */
export function sprachname(locale: string, code: string): string | undefined {
  // Wrapped, so that a code Intl has no name for is kept too (`einmal` keeps no undefined).
  return einmal(`sprachname|${locale}|${code}`, () => ({
    name: einmal(`sprache|${locale}`, () => new Intl.DisplayNames(locale, { type: 'language', fallback: 'none' })).of(code),
  })).name;
}
