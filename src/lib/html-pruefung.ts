/**
 * Reads a built HTML page the way a browser would (parse5, the WHATWG parser) and reports what
 * the output checks need: inline code to hash for the CSP, anything that could run code
 * (event-handler attributes, `javascript:` URLs, scripts inside content), links and anchors.
 * Used by the build (src/integrations/sicherheit.ts), the link check and the XSS tests.
 */
import { createHash } from 'node:crypto';
import { parse } from 'parse5';

/** Minimal view of parse5's default tree (its types are not exported in a stable way). */
interface Knoten {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
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

function attr(k: Knoten, name: string): string | undefined {
  return k.attrs?.find((a) => a.name === name)?.value;
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

export function analysiereHtml(html: string): HtmlBefund {
  const befund: HtmlBefund = { inlineSkripte: [], inlineStile: [], stilAttribute: [], verstoesse: [], links: [], anker: new Set() };
  const besuche = (k: Knoten, imInhalt: boolean) => {
    const tag = k.tagName;
    let drin = imInhalt;
    if (tag) {
      const klasse = attr(k, 'class') ?? '';
      if (klasse.split(/\s+/).includes(INHALT_KLASSE)) drin = true;
      for (const a of k.attrs ?? []) {
        if (/^on/i.test(a.name)) befund.verstoesse.push(`<${tag}> hat ein Ereignis-Attribut ${a.name}="${a.value.slice(0, 60)}"`);
        if (a.name === 'style') {
          if (drin) befund.verstoesse.push(`<${tag} style="${a.value.slice(0, 60)}"> im Inhaltsbereich`);
          else befund.stilAttribute.push(a.value);
        }
        if (a.name === 'id' || (tag === 'a' && a.name === 'name')) befund.anker.add(a.value);
        if (URL_ATTRIBUTE.has(a.name) || a.name === 'srcset') {
          const werte = a.name === 'srcset' ? a.value.split(',').map((s) => s.trim().split(/\s+/)[0]).filter(Boolean) : [a.value];
          for (const wert of werte) {
            const schema = schemaVon(wert);
            // data: is fine for our own <link rel=icon> and <img> placeholders, never in content or links.
            const erlaubtesData = schema === 'data' && !drin && (tag === 'img' || tag === 'link') && /^data:image\/(png|gif|webp|svg\+xml)/i.test(wert.trim());
            if (schema && GEFAEHRLICHE_SCHEMAS.has(schema) && !erlaubtesData)
              befund.verstoesse.push(`<${tag} ${a.name}="${wert.slice(0, 60)}"> – ${schema}:-Adressen sind nicht erlaubt`);
            befund.links.push({ tag, attribut: a.name, wert });
          }
        }
      }
      // Social previews point at our own pages and images: they must exist too.
      const eigenschaft = attr(k, 'property') ?? attr(k, 'name');
      if (tag === 'meta' && eigenschaft && ['og:url', 'og:image', 'twitter:image'].includes(eigenschaft)) befund.links.push({ tag, attribut: eigenschaft, wert: attr(k, 'content') ?? '' });
      if (tag === 'meta' && attr(k, 'http-equiv')?.toLowerCase() === 'refresh') {
        const m = /url\s*=\s*['"]?([^'"]+)/i.exec(attr(k, 'content') ?? '');
        if (m) {
          befund.weiterleitung = m[1].trim();
          befund.links.push({ tag, attribut: 'http-equiv=refresh', wert: m[1].trim() });
          const schema = schemaVon(m[1]);
          if (schema && GEFAEHRLICHE_SCHEMAS.has(schema)) befund.verstoesse.push(`<meta http-equiv=refresh> zu ${schema}:-Adresse`);
        }
      }
      if (tag === 'script') {
        const typ = (attr(k, 'type') ?? '').trim().toLowerCase();
        const extern = attr(k, 'src') !== undefined;
        if (drin) befund.verstoesse.push(`<script> im Inhaltsbereich (.${INHALT_KLASSE}) – Markdown darf kein Skript erzeugen`);
        else if (!extern && JS_TYPEN.has(typ)) befund.inlineSkripte.push(textVon(k));
      }
      if (tag === 'style') {
        if (drin) befund.verstoesse.push(`<style> im Inhaltsbereich (.${INHALT_KLASSE})`);
        else befund.inlineStile.push(textVon(k));
      }
      if (['iframe', 'object', 'embed', 'frame', 'base'].includes(tag) && drin) befund.verstoesse.push(`<${tag}> im Inhaltsbereich`);
    }
    for (const c of k.childNodes ?? []) besuche(c, drin);
    if (k.content) besuche(k.content, drin);
  };
  besuche(parse(html) as unknown as Knoten, false);
  return befund;
}
