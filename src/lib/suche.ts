/**
 * The site search's plain logic, shared by the /suche/ page (build) and its browser script:
 * result types, grouping and safe excerpts. No DOM, no pagefind: Vitest tests it directly.
 */

/** Result types in the order the page shows them; `typ` is the pagefind filter value set by Base.astro. */
export const SUCH_TYPEN = [
  { typ: 'Treff', mehrzahl: 'Treffs' },
  { typ: 'Angebot', mehrzahl: 'Angebote' },
  { typ: 'Termin', mehrzahl: 'Termine' },
  { typ: 'Quartier', mehrzahl: 'Quartiere' },
  { typ: 'Seite', mehrzahl: 'Seiten' },
] as const;

export type SuchTyp = (typeof SUCH_TYPEN)[number]['typ'];

export interface Treffer {
  url: string;
  titel: string;
  typ: string;
  quartier?: string;
  ort?: string;
  /** HTML with only <mark> left in (see `sichererAuszug`). */
  auszug: string;
}

export interface Gruppe {
  typ: string;
  mehrzahl: string;
  treffer: Treffer[];
}

/** Groups results by type in the fixed order; unknown types go last, under „Weitere“. */
export function gruppieren(treffer: readonly Treffer[]): Gruppe[] {
  const gruppen: Gruppe[] = SUCH_TYPEN.map((s) => ({ typ: s.typ, mehrzahl: s.mehrzahl, treffer: [] as Treffer[] }));
  const weitere: Gruppe = { typ: '', mehrzahl: 'Weitere', treffer: [] };
  for (const t of treffer) (gruppen.find((g) => g.typ === t.typ) ?? weitere).treffer.push(t);
  return [...gruppen, weitere].filter((g) => g.treffer.length > 0);
}

const ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPE[c]);

/**
 * pagefind's excerpt is HTML with <mark> around the hits. We rebuild it from text so nothing
 * but <mark> can reach the page.
 */
export function sichererAuszug(html: string): string {
  return html
    .split(/(<\/?mark>)/)
    .map((teil) => (teil === '<mark>' || teil === '</mark>' ? teil : escapeHtml(entschluesseln(teil.replace(/<[^>]*>/g, '')))))
    .join('');
}

/** Text of HTML entities (the few pagefind writes), so they can be escaped once, our way. */
function entschluesseln(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** „3 Treffer für „Elterncafé““ */
export function trefferText(anzahl: number, begriff: string): string {
  if (anzahl === 0) return `Keine Treffer für „${begriff}“.`;
  return `${anzahl} Treffer für „${begriff}“.`;
}

/** The meta line under a result: „Quartier Stahldorf · Quartierszentrum Stahldorf“. */
export function trefferOrt(t: Pick<Treffer, 'typ' | 'quartier' | 'ort'>): string {
  const teile: string[] = [];
  if (t.quartier && t.typ !== 'Quartier') teile.push(`Quartier ${t.quartier}`);
  if (t.ort && t.typ !== 'Treff') teile.push(t.ort);
  return teile.join(' · ');
}
