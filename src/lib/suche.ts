/**
 * The site search's plain logic, shared by the /suche/ page (build) and its browser script:
 * result types, grouping and safe excerpts. No DOM, no pagefind: Vitest tests it directly.
 * Words come in as `SuchTexte` (src/i18n `suchTexte()`, rendered into the page as JSON), so the
 * script carries none and speaks the page's language.
 */
import { fuellen } from './vorlage';

/** Result types in the order the page shows them; `typ` is the pagefind filter value set by Base.astro. */
export const SUCH_TYPEN = ['Treff', 'Angebot', 'Termin', 'Quartier', 'Seite'] as const;

export type SuchTyp = (typeof SUCH_TYPEN)[number];

/** The search's words in one language. Placeholders: `{n}`, `{begriff}`, `{name}`. */
export interface SuchTexte {
  locale: string;
  /** Plural name per type: „Treffs“. */
  typen: Record<SuchTyp, string>;
  weitere: string;
  keine: string;
  /** Result count by plural category of `locale` (`one`, `few`, `other` …); `other` is required. */
  anzahl: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  erste: string;
  fehler: string;
  /** „Quartier {name}“ */
  quartier: string;
}


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
export function gruppieren(treffer: readonly Treffer[], texte: SuchTexte): Gruppe[] {
  const gruppen: Gruppe[] = SUCH_TYPEN.map((typ) => ({ typ, mehrzahl: texte.typen[typ], treffer: [] as Treffer[] }));
  const weitere: Gruppe = { typ: '', mehrzahl: texte.weitere, treffer: [] };
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

/** „3 Treffer für „Elterncafé““, by the plural rules of the language. */
export function trefferText(anzahl: number, begriff: string, texte: SuchTexte): string {
  if (anzahl === 0) return fuellen(texte.keine, { begriff });
  const art = new Intl.PluralRules(texte.locale).select(anzahl);
  return fuellen(texte.anzahl[art] ?? texte.anzahl.other, { n: anzahl.toLocaleString(texte.locale), begriff });
}

/** „Die ersten 60 stehen hier.“ */
export const ersteText = (n: number, texte: SuchTexte) => fuellen(texte.erste, { n: n.toLocaleString(texte.locale) });

/** The meta line under a result: „Quartier Stahldorf · Quartierszentrum Stahldorf“. */
export function trefferOrt(t: Pick<Treffer, 'typ' | 'quartier' | 'ort'>, texte: SuchTexte): string {
  const teile: string[] = [];
  if (t.quartier && t.typ !== 'Quartier') teile.push(fuellen(texte.quartier, { name: t.quartier }));
  if (t.ort && t.typ !== 'Treff') teile.push(t.ort);
  return teile.join(' · ');
}
