/**
 * Reads a built HTML page the way a browser would (parse5, the WHATWG parser, or for pages as our
 * templates write them the exact fast pass of src/lib/html-streng.ts) and reports what
 * the output checks need: inline code to hash for the CSP, anything that could run code
 * (event-handler attributes, `javascript:` URLs, scripts inside content), links and anchors.
 * Used by the build (src/integrations/sicherheit.ts), the link check and the XSS tests.
 */
import { createHash } from 'node:crypto';
import { parse } from 'parse5';
import { durchlaufeStreng, type Attribut } from './html-streng.ts';

/** Minimal view of parse5's default tree (its types are not exported in a stable way). */
interface Knoten {
  nodeName: string;
  tagName?: string;
  attrs?: Attribut[];
  childNodes?: Knoten[];
  content?: Knoten; // <template>
  value?: string; // text
}

/** `<script>` types that browsers execute. Others (JSON, JSON-LD) are data. */
const JS_TYPEN = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript']);

/** Attributes that hold a URL a browser may follow or load. */
const URL_ATTRIBUTE = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'data', 'xlink:href', 'background', 'longdesc', 'ping']);

/** Elements that hold rendered Markdown; no script or style may appear inside them. */
export const INHALT_KLASSE = 'qp-prosa';

export interface Link {
  tag: string;
  attribut: string;
  wert: string;
}

export interface HtmlBefund {
  /** Text of inline scripts the browser would execute. */
  inlineSkripte: string[];
  inlineStile: string[];
  stilAttribute: string[];
  /** Things that must never be in our output, in German. */
  verstoesse: string[];
  links: Link[];
  /** Every `id` and `<a name>` on the page (targets of `#anker`). */
  anker: Set<string>;
  /** Target of `<meta http-equiv="refresh">`, if any. */
  weiterleitung?: string;
}

export function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function textVon(k: Knoten): string {
  return (k.childNodes ?? []).map((c) => (c.nodeName === '#text' ? (c.value ?? '') : textVon(c))).join('');
}

/** Scheme of a URL as the browser sees it (it drops tabs, newlines and leading spaces/controls). */
export function schemaVon(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  const bereinigt = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(bereinigt);
  return m ? m[1].toLowerCase() : null;
}

const GEFAEHRLICHE_SCHEMAS = new Set(['javascript', 'vbscript', 'data']);

/** Whether an attribute name starts with `on` in any case (event handlers: `onclick`, `ONLOAD`). */
const istEreignis = (name: string) => (name.charCodeAt(0) | 32) === 111 && (name.charCodeAt(1) | 32) === 110;

/** Whether a class attribute lists the class of rendered Markdown. */
const istInhaltsKlasse = (klasse: string) => klasse.includes(INHALT_KLASSE) && klasse.split(/\s+/).includes(INHALT_KLASSE);

/** Elements that must not appear inside rendered Markdown. */
const NICHT_IM_INHALT = new Set(['iframe', 'object', 'embed', 'frame', 'base']);

/**
 * The checks for one element: its tag, its attributes, whether it lies inside rendered Markdown
 * (`imInhalt`) and, for `<script>` and `<style>`, its text. Returns whether its children do.
 * Runs for every element of every page of every build (tens of thousands of pages at city scale,
 * src/integrations/sicherheit.ts), so the attributes are read in one loop.
 */
function pruefeElement(befund: HtmlBefund, tag: string, attrs: readonly Attribut[], imInhalt: boolean, text: () => string): boolean {
  let drin = imInhalt;
  // The element's own class decides for its own attributes, too: find it first.
  if (!drin) for (const a of attrs) if (a.name === 'class') { drin = istInhaltsKlasse(a.value); break; }
  // What the element-specific checks below need, from the same loop.
  let property: string | undefined;
  let name: string | undefined;
  let httpEquiv: string | undefined;
  let content: string | undefined;
  let typ: string | undefined;
  let extern = false;
  for (const a of attrs) {
    const n = a.name;
    if (istEreignis(n)) befund.verstoesse.push(`<${tag}> hat ein Ereignis-Attribut ${n}="${a.value.slice(0, 60)}"`);
    if (n === 'style') {
      if (drin) befund.verstoesse.push(`<${tag} style="${a.value.slice(0, 60)}"> im Inhaltsbereich`);
      else befund.stilAttribute.push(a.value);
    }
    if (n === 'id' || (tag === 'a' && n === 'name')) befund.anker.add(a.value);
    if (URL_ATTRIBUTE.has(n) || n === 'srcset') {
      const werte = n === 'srcset' ? a.value.split(',').map((s) => s.trim().split(/\s+/)[0]).filter(Boolean) : [a.value];
      for (const wert of werte) {
        const schema = schemaVon(wert);
        // data: is fine for our own <link rel=icon> and <img> placeholders, never in content or links.
        const erlaubtesData = schema === 'data' && !drin && (tag === 'img' || tag === 'link') && /^data:image\/(png|gif|webp|svg\+xml)/i.test(wert.trim());
        if (schema && GEFAEHRLICHE_SCHEMAS.has(schema) && !erlaubtesData)
          befund.verstoesse.push(`<${tag} ${n}="${wert.slice(0, 60)}"> – ${schema}:-Adressen sind nicht erlaubt`);
        befund.links.push({ tag, attribut: n, wert });
      }
    }
    // The first of each counts, as `attrs.find` would give it.
    if (n === 'property') property ??= a.value;
    else if (n === 'name') name ??= a.value;
    else if (n === 'http-equiv') httpEquiv ??= a.value;
    else if (n === 'content') content ??= a.value;
    else if (n === 'type') typ ??= a.value;
    if (n === 'src') extern = true;
  }
  if (tag === 'meta') {
    // Social previews point at our own pages and images: they must exist too.
    const eigenschaft = property ?? name;
    if (eigenschaft && (eigenschaft === 'og:url' || eigenschaft === 'og:image' || eigenschaft === 'twitter:image')) befund.links.push({ tag, attribut: eigenschaft, wert: content ?? '' });
    if (httpEquiv?.toLowerCase() === 'refresh') {
      const m = /url\s*=\s*['"]?([^'"]+)/i.exec(content ?? '');
      if (m) {
        befund.weiterleitung = m[1].trim();
        befund.links.push({ tag, attribut: 'http-equiv=refresh', wert: m[1].trim() });
        const schema = schemaVon(m[1]);
        if (schema && GEFAEHRLICHE_SCHEMAS.has(schema)) befund.verstoesse.push(`<meta http-equiv=refresh> zu ${schema}:-Adresse`);
      }
    }
  } else if (tag === 'script') {
    if (drin) befund.verstoesse.push(`<script> im Inhaltsbereich (.${INHALT_KLASSE}) – Markdown darf kein Skript erzeugen`);
    else if (!extern && JS_TYPEN.has((typ ?? '').trim().toLowerCase())) befund.inlineSkripte.push(text());
  } else if (tag === 'style') {
    if (drin) befund.verstoesse.push(`<style> im Inhaltsbereich (.${INHALT_KLASSE})`);
    else befund.inlineStile.push(text());
  } else if (drin && NICHT_IM_INHALT.has(tag)) befund.verstoesse.push(`<${tag}> im Inhaltsbereich`);
  return drin;
}

const neuerBefund = (): HtmlBefund => ({ inlineSkripte: [], inlineStile: [], stilAttribute: [], verstoesse: [], links: [], anker: new Set() });

/** The check on parse5's tree: the browser's reading of any HTML, our own or not. */
export function analysiereMitParse5(html: string): HtmlBefund {
  const befund = neuerBefund();
  const besuche = (k: Knoten, imInhalt: boolean) => {
    const drin = k.tagName ? pruefeElement(befund, k.tagName, k.attrs ?? [], imInhalt, () => textVon(k)) : imInhalt;
    const kinder = k.childNodes;
    if (kinder) for (let i = 0; i < kinder.length; i++) besuche(kinder[i], drin);
    if (k.content) besuche(k.content, drin);
  };
  besuche(parse(html) as unknown as Knoten, false);
  return befund;
}

/**
 * Reads a page and reports what the output check needs. Pages as our templates write them take
 * the fast pass of src/lib/html-streng.ts (same elements, same order, same result, about ten times
 * faster); anything it does not read exactly goes to parse5.
 */
export function analysiereHtml(html: string): HtmlBefund {
  const befund = neuerBefund();
  const fertig = durchlaufeStreng(html, (tag, attrs, geerbt, text) => pruefeElement(befund, tag, attrs, geerbt, () => text ?? ''));
  return fertig ? befund : analysiereMitParse5(html);
}
