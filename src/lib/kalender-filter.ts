/**
 * The calendar's filters: read from and written to the URL (so a filtered calendar can be shared
 * and the back button works), and applied to the month files' entries. Runs in the browser (the
 * calendar island) and in tests, so it imports nothing but types.
 */
import type { KalenderEintrag } from './kalender';

export interface KalenderFilter {
  quartier?: string;
  treff?: string;
  kategorie?: string;
  zielgruppe?: string;
  sprache?: string;
  kostenlos?: boolean;
  stufenlos?: boolean;
}

const AUSWAHL = ['quartier', 'treff', 'kategorie', 'zielgruppe', 'sprache'] as const;
const SCHALTER = ['kostenlos', 'stufenlos'] as const;

/** Names of the URL parameters, in the order they are written. */
export const FILTER_PARAMETER = [...AUSWAHL, ...SCHALTER] as const;

const slug = /^[a-z0-9-]{1,80}$/;

/** The filter in a query string; unknown or malformed values are ignored. */
export function filterAusUrl(params: URLSearchParams): KalenderFilter {
  const f: KalenderFilter = {};
  for (const name of AUSWAHL) {
    const wert = params.get(name);
    if (wert && slug.test(wert)) f[name] = wert;
  }
  for (const name of SCHALTER) if (['1', 'ja', 'true'].includes(params.get(name) ?? '')) f[name] = true;
  return f;
}

/** Writes the filter into `params` (other parameters, e.g. the view, stay). */
export function filterInUrl(f: KalenderFilter, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  for (const name of FILTER_PARAMETER) params.delete(name);
  for (const name of AUSWAHL) if (f[name]) params.set(name, f[name]!);
  for (const name of SCHALTER) if (f[name]) params.set(name, '1');
  return params;
}

/** Whether an entry passes the filter. A "Zielgruppe" also matches entries for everyone („alle“). */
export function passt(e: KalenderEintrag, f: KalenderFilter): boolean {
  if (f.quartier && e.quartier !== f.quartier) return false;
  if (f.treff && e.treff !== f.treff) return false;
  if (f.kategorie && e.kategorie !== f.kategorie) return false;
  if (f.zielgruppe && !e.zielgruppen.includes(f.zielgruppe) && !e.zielgruppen.includes('alle')) return false;
  if (f.sprache && !e.sprachen.includes(f.sprache)) return false;
  if (f.kostenlos && !e.kostenlos) return false;
  if (f.stufenlos && !e.stufenlos) return false;
  return true;
}

/**
 * The feed closest to a filter: Treff, Quartier + category, Quartier, category, or citywide.
 * `genau` says whether it holds exactly what the filter shows (target group, language, free and
 * step-free have no feeds of their own: the feed then holds more).
 */
export function feedFuer(f: KalenderFilter): { pfad: string; genau: boolean } {
  const weitere = Boolean(f.zielgruppe || f.sprache || f.kostenlos || f.stufenlos);
  const { quartier, treff, kategorie } = f;
  if (treff) return { pfad: `/kalender/treff/${treff}.ics`, genau: !weitere && !quartier && !kategorie };
  if (quartier && kategorie) return { pfad: `/kalender/quartier/${quartier}/${kategorie}.ics`, genau: !weitere };
  if (quartier) return { pfad: `/kalender/quartier/${quartier}.ics`, genau: !weitere };
  if (kategorie) return { pfad: `/kalender/kategorie/${kategorie}.ics`, genau: !weitere };
  return { pfad: '/kalender/alle.ics', genau: !weitere };
}
