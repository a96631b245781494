/**
 * UI languages. Adding a language = adding one file to ./sprachen/ (same keys as de.ts, checked by
 * TypeScript and by tests/unit/i18n.test.ts). German is the source and the default (no URL prefix);
 * other languages live under /<code>/… . Content stays German.
 */
import { de, type UiKey } from './de';
import { AKTEUR_TYPEN, JA_NEIN_UNBEKANNT, KATEGORIEN, KONTAKT_ROLLEN, SPRACHEN as ANGEBOTS_SPRACHEN, ZIELGRUPPEN, labelOf, type Choice } from '../schema/enums';
import type { SerienSprache, SerienWoerter } from '../lib/recurrence';
import type { StatusSprache } from '../lib/opening-status';
import type { SuchTexte } from '../lib/suche';
import { statusSprache, tagesWoerter, type TagesWoerter } from '../lib/status-texte';
import { sprachname } from '../lib/intl-formate';

export interface SprachMeta {
  /** BCP 47 code, also the URL prefix. */
  code: string;
  /** Name of the language in itself, for the switcher. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** Locale for dates and numbers. */
  locale: string;
}

type Werte<L extends readonly Choice[]> = L[number]['value'];

/**
 * The content model's lists in a UI language. German labels come from src/schema/enums.ts;
 * the languages offered in Treffs are named by `Intl.DisplayNames`, except the few values that
 * are not plain language codes.
 */
export interface ListenTexte {
  kategorie: Record<Werte<typeof KATEGORIEN>, string>;
  zielgruppe: Record<Werte<typeof ZIELGRUPPEN>, string>;
  janein: Record<Werte<typeof JA_NEIN_UNBEKANNT>, string>;
  rolle: Record<Werte<typeof KONTAKT_ROLLEN>, string>;
  akteur: Record<Werte<typeof AKTEUR_TYPEN>, string>;
  sprache: Record<'de-leicht' | 'dgs' | 'fa', string>;
}

export interface SprachDatei {
  meta: SprachMeta;
  texte: Record<UiKey, string>;
  listen: ListenTexte;
}

const LISTEN = { kategorie: KATEGORIEN, zielgruppe: ZIELGRUPPEN, janein: JA_NEIN_UNBEKANNT, rolle: KONTAKT_ROLLEN, akteur: AKTEUR_TYPEN, sprache: ANGEBOTS_SPRACHEN };
export type ListenName = keyof typeof LISTEN;
const alsTexte = <L extends readonly Choice[]>(liste: L) => Object.fromEntries(liste.map((c) => [c.value, c.label])) as Record<Werte<L>, string>;

const dateien = import.meta.glob<{ default: SprachDatei }>('./sprachen/*.ts', { eager: true });

const deutsch: SprachDatei = {
  meta: { code: 'de', name: 'Deutsch', dir: 'ltr', locale: 'de-DE' },
  texte: de,
  listen: {
    kategorie: alsTexte(KATEGORIEN),
    zielgruppe: alsTexte(ZIELGRUPPEN),
    janein: alsTexte(JA_NEIN_UNBEKANNT),
    rolle: alsTexte(KONTAKT_ROLLEN),
    akteur: alsTexte(AKTEUR_TYPEN),
    sprache: { 'de-leicht': labelOf(ANGEBOTS_SPRACHEN, 'de-leicht'), dgs: labelOf(ANGEBOTS_SPRACHEN, 'dgs'), fa: labelOf(ANGEBOTS_SPRACHEN, 'fa') },
  },
};

/** All UI languages, German first, then by code. */
export const SPRACHEN: SprachDatei[] = [
  deutsch,
  ...Object.values(dateien)
    .map((m) => m.default)
    .sort((a, b) => a.meta.code.localeCompare(b.meta.code)),
];

export type Sprache = string;
export const STANDARD_SPRACHE = 'de';

export function sprache(code: string | undefined): SprachDatei {
  return SPRACHEN.find((s) => s.meta.code === code) ?? deutsch;
}

/** A translator for one language; `{name}` placeholders are filled from `werte`. */
export function uebersetzer(code: string | undefined) {
  const { texte } = sprache(code);
  return (key: UiKey, werte?: Record<string, string | number>): string => {
    let text = texte[key] ?? de[key];
    // A function as replacement: `$&` in a value (content) stays as written.
    if (werte) for (const [k, v] of Object.entries(werte)) text = text.replaceAll(`{${k}}`, () => String(v));
    return text;
  };
}

/**
 * Splits a translated sentence around one placeholder, for markup in its middle:
 * `teile(t('treff.lead'), 'quartier')` → [„Treff im Quartier “, „“] around a link.
 */
export function teile(text: string, platzhalter: string): [string, string] {
  const i = text.indexOf(`{${platzhalter}}`);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + platzhalter.length + 2)];
}

/** „1 Angebot“ / „{n} Angebote“: the `.one` or `.other` string for `n` by the language's plural rules. */
export function zaehler(code: string | undefined) {
  const t = uebersetzer(code);
  const regeln = new Intl.PluralRules(sprache(code).meta.locale);
  return (n: number, one: UiKey, other: UiKey) => t(regeln.select(n) === 'one' ? one : other, { n });
}

/** A label of the content model's lists (category, target group, yes/no, role, spoken language) in language `code`. */
export function beschrifter(code: string | undefined) {
  const s = sprache(code);
  return (liste: ListenName, wert: string): string => {
    if (s === deutsch) return labelOf(LISTEN[liste], wert);
    const eigen = (s.listen[liste] as Partial<Record<string, string>>)[wert];
    return eigen ?? (liste === 'sprache' ? sprachname(s.meta.locale, wert) : undefined) ?? labelOf(LISTEN[liste], wert);
  };
}

/** Series descriptions („jeden Dienstag“) in language `code`, for `serienBeschreibung`. */
export function serienSprache(code: string | undefined): SerienSprache {
  const s = sprache(code);
  // One object per language: serienBeschreibung caches its texts per language object.
  let ergebnis = serienSprachen.get(s.meta.locale);
  if (!ergebnis) {
    const woerter = Object.fromEntries(Object.entries(s.texte).filter(([k]) => k.startsWith('serie.'))) as SerienWoerter;
    serienSprachen.set(s.meta.locale, (ergebnis = { woerter, locale: s.meta.locale }));
  }
  return ergebnis;
}
const serienSprachen = new Map<string, SerienSprache>();

/** Opening status and day texts in language `code`, for the page's opening data. */
export function zeitenSprache(code: string | undefined): { status: StatusSprache; tag: TagesWoerter } {
  const s = sprache(code);
  return { status: statusSprache(s.texte, s.meta.locale), tag: tagesWoerter(s.texte, s.meta.locale) };
}

/** `/treffs/x/` in language `code`: German has no prefix, others `/<code>/treffs/x/`. */
export function pfadIn(code: string | undefined, pfad: string): string {
  const ohne = ohneSprache(pfad);
  return !code || code === STANDARD_SPRACHE ? ohne : `/${code}${ohne}`;
}

/** The language of a URL path and the path without its prefix. */
export function spracheVonPfad(pfad: string): string {
  const erstes = pfad.split('/')[1];
  return SPRACHEN.some((s) => s.meta.code === erstes && erstes !== STANDARD_SPRACHE) ? erstes : STANDARD_SPRACHE;
}

export function ohneSprache(pfad: string): string {
  const code = spracheVonPfad(pfad);
  return code === STANDARD_SPRACHE ? pfad : pfad.slice(code.length + 1) || '/';
}

/** `getStaticPaths` entries for the optional language segment `[...sprache]`. */
export function sprachPfade() {
  return SPRACHEN.map((s) => ({ sprache: s.meta.code === STANDARD_SPRACHE ? undefined : s.meta.code }));
}

/**
 * Sections that exist in every UI language. Links to them from a page in another language get
 * that language's prefix (src/middleware.ts); everything else (feeds, data, print, CMS) is one
 * German resource for all.
 */
export const SPRACH_BEREICHE = ['quartiere', 'treffs', 'angebote', 'termine', 'kalender', 'suche'] as const;

/** Whether `pfad` (absolute, without language prefix) is an HTML page that exists per language. */
export function istSprachSeite(pfad: string, freieSeiten: ReadonlySet<string>): boolean {
  if (pfad === '/') return true;
  const teile = pfad.split('/').filter(Boolean);
  if (!pfad.endsWith('/')) return false;
  // Print notices and other per-entry sub-resources stay German-only.
  if (teile.at(-1) === 'aushang') return false;
  if ((SPRACH_BEREICHE as readonly string[]).includes(teile[0])) return true;
  return teile.length === 1 && freieSeiten.has(teile[0]);
}

/**
 * Prefixes every internal link to a per-language page in `html` with `code`.
 * Links marked `data-sprachwahl` (the language switcher) point at a language on purpose and stay.
 */
export function linksInSprache(html: string, code: string, freieSeiten: ReadonlySet<string>): string {
  if (code === STANDARD_SPRACHE) return html;
  return html.replace(/<a\b[^>]*>/g, (tag) => {
    if (tag.includes('data-sprachwahl')) return tag;
    return tag.replace(/(\shref=")(\/[^"#?]*)/, (ganz, vor: string, pfad: string) =>
      istSprachSeite(pfad, freieSeiten) && spracheVonPfad(pfad) === STANDARD_SPRACHE ? `${vor}${pfadIn(code, pfad)}` : ganz,
    );
  });
}

/** Crosses a page's static paths with every UI language (`[...sprache]` route segment). */
export function mitSprachen<P extends { params: Record<string, string | undefined>; props?: unknown }>(pfade: P[]) {
  return sprachPfade().flatMap(({ sprache }) => pfade.map((p) => ({ ...p, params: { ...p.params, sprache } })));
}

/** The site search's words in language `code` (rendered into /suche/ for src/scripts/suche.ts). */
export function suchTexte(code: string | undefined): SuchTexte {
  const t = uebersetzer(code);
  return {
    locale: sprache(code).meta.locale,
    typen: {
      Treff: t('suche.typ.treff'),
      Angebot: t('suche.typ.angebot'),
      Termin: t('suche.typ.termin'),
      Quartier: t('suche.typ.quartier'),
      Seite: t('suche.typ.seite'),
    },
    weitere: t('suche.typ.weitere'),
    keine: t('suche.treffer.keine'),
    anzahl: { one: t('suche.treffer.one'), few: t('suche.treffer.few'), other: t('suche.treffer.other') },
    erste: t('suche.erste'),
    fehler: t('suche.fehler'),
    quartier: t('finder.quartier.ort'),
  };
}
