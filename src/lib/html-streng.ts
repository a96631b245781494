/**
 * A fast pass over HTML that is written the way our build writes it, for the output check
 * (src/lib/html-pruefung.ts): every element closed by its own end tag, attributes quoted, nothing
 * a browser would have to repair. On such a page the elements a browser builds are exactly the
 * tags in the text, in that order, so the check can read them without a full HTML parser.
 *
 * It is a shortcut, not a second parser: wherever the WHATWG parsing rules (which parse5 follows)
 * could build something other than the tags as written — an element closed implicitly (`<p>`
 * before a `<div>`, a second `<li>`), a table without `<tbody>`, foreign content beyond plain SVG
 * shapes, `<template>`, `<select>`, a script with `<!--`, an unusual character reference, a carriage
 * return — it stops and says so (`false`), and the caller parses the page with parse5. Anything
 * rarer than our own templates therefore costs time, never correctness.
 * tests/unit/html-streng.test.ts compares both on crafted pages and on every page of a build.
 *
 * Why: parse5 reads ≈ 25 MB/s. At city scale the build writes 433 MB of HTML (32,134 pages at 1×),
 * and the check took ≈ 20 s CPU on a 2-core machine (`npm run bench`).
 */

export interface Attribut {
  name: string;
  value: string;
}

/**
 * Called for every element in document order with its tag (lower case), its attributes, the
 * value its parent passed down, and for `<script>`/`<style>` the text inside. Returns what its
 * children get (the check passes down "inside rendered Markdown").
 */
export type Besucher = (tag: string, attrs: Attribut[], geerbt: boolean, text: string | undefined) => boolean;

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** What parse5 puts into `<head>` as it stands (anything else ends the head implicitly). */
const IM_KOPF = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'title', 'noscript', 'style', 'script']);
/** Elements whose text the tokenizer reads raw, up to their end tag (`noscript`: parse5 parses with scripting on). */
const ROHTEXT = new Map(['script', 'style', 'noscript', 'title'].map((t) => [t, new RegExp(`</${t}[\\t\\n\\f />]`, 'gi')]));
/** Start tags that close an open `<p>` (parse5, startTagInBody). */
const SCHLIESST_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption',
  'figure', 'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary', 'ul',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'listing', 'form', 'li', 'dd', 'dt', 'hr', 'table', 'plaintext', 'xmp',
]);
const UEBERSCHRIFTEN = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/**
 * Elements with rules of their own (other tokenizer states, insertion modes, implicit closing,
 * formatting elements that may nest), or a second `<html>`/`<head>`/`<body>`: left to parse5.
 */
const NICHT_HIER = new Set([
  'html', 'head', 'body', 'template', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'select', 'option',
  'optgroup', 'frameset', 'frame', 'image', 'keygen', 'applet', 'marquee', 'object', 'nobr', 'rb', 'rtc', 'rt', 'rp', 'math',
]);
/** Table parts, each allowed only directly in its parent as written (no implied `<tbody>`, nothing fostered out). */
const TABELLE = new Map([
  ['table', new Set(['caption', 'colgroup', 'thead', 'tbody', 'tfoot'])],
  ['thead', new Set(['tr'])],
  ['tbody', new Set(['tr'])],
  ['tfoot', new Set(['tr'])],
  ['tr', new Set(['td', 'th'])],
  ['colgroup', new Set(['col'])],
]);
const TABELLENTEILE = new Set(['caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
/** SVG shapes whose names and attributes parse5 keeps as written (no case adjustment, no integration point). */
const SVG_FORMEN = new Set(['svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon']);

const BENANNT = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Character references in an attribute value: the common ones with `;`, else undefined (leave it to parse5). */
function entschluessele(wert: string): string | undefined {
  let aus = '';
  let i = 0;
  for (;;) {
    const amp = wert.indexOf('&', i);
    if (amp < 0) return aus + wert.slice(i);
    aus += wert.slice(i, amp);
    const semi = wert.indexOf(';', amp);
    if (semi < 0 || semi - amp > 9) return undefined;
    const ref = wert.slice(amp + 1, semi);
    let zeichen = BENANNT.get(ref);
    if (zeichen === undefined) {
      const m = /^#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}))$/.exec(ref);
      if (!m) return undefined;
      const cp = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2], 16);
      // Replaced by the parser (NUL, surrogates, beyond Unicode, the windows-1252 range): parse5 knows how.
      if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp <= 0x9f)) return undefined;
      zeichen = String.fromCodePoint(cp);
    }
    aus += zeichen;
    i = semi + 1;
  }
}

const istLeer = (c: number) => c === 32 || c === 10 || c === 9 || c === 12;
const istBuchstabe = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** Whether `html` between `von` and `bis` is only whitespace. */
function nurLeer(html: string, von: number, bis: number): boolean {
  for (let i = von; i < bis; i++) if (!istLeer(html.charCodeAt(i))) return false;
  return true;
}

// Where in the document the pass is (the insertion modes it knows). Plain numbers: Node loads
// this file without a TypeScript compiler (see src/integrations/sicherheit.ts), so no enum.
const Modus = { Anfang: 0, VorHtml: 1, VorKopf: 2, Kopf: 3, NachKopf: 4, Rumpf: 5, NachRumpf: 6, NachHtml: 7 } as const;

/**
 * Walks `html` and calls `besuche` for each element. True when the whole page was read; false as
 * soon as something lies outside what this pass reads exactly (then the calls so far are void).
 */
export function durchlaufeStreng(html: string, besuche: Besucher): boolean {
  if (html.includes('\r') || html.includes('\0') || html.charCodeAt(0) === 0xfeff) return false;
  const n = html.length;
  let pos = 0;
  let modus: number = Modus.Anfang;
  // Open elements of <body>: tag, what the children inherit, whether it is SVG.
  const tags: string[] = [];
  const erbe: boolean[] = [];
  const svg: boolean[] = [];
  let htmlErbe = false;
  let kopfErbe = false;

  // The tag just read.
  let name = '';
  let attrs: Attribut[] = [];
  let selbst = false;

  /** Reads the start tag at `pos` (after `<`) up to and including `>`. */
  const leseStartTag = (): boolean => {
    let i = pos;
    let gross = false;
    while (i < n) {
      const c = html.charCodeAt(i);
      if (istLeer(c) || c === 47 || c === 62) break;
      if (c >= 65 && c <= 90) gross = true;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
      i++;
    }
    name = gross ? html.slice(pos, i).toLowerCase() : html.slice(pos, i);
    attrs = [];
    selbst = false;
    for (;;) {
      while (i < n && istLeer(html.charCodeAt(i))) i++;
      if (i >= n) return false;
      let c = html.charCodeAt(i);
      if (c === 62) {
        pos = i + 1;
        return true;
      }
      if (c === 47) {
        if (html.charCodeAt(i + 1) !== 62) return false;
        selbst = true;
        pos = i + 2;
        return true;
      }
      if (c === 61) return false;
      // Attribute name.
      const anfang = i;
      gross = false;
      while (i < n) {
        c = html.charCodeAt(i);
        if (istLeer(c) || c === 47 || c === 62 || c === 61) break;
        if (c === 34 || c === 39 || c === 60) return false;
        if (c >= 65 && c <= 90) gross = true;
        i++;
      }
      const attrName = gross ? html.slice(anfang, i).toLowerCase() : html.slice(anfang, i);
      while (i < n && istLeer(html.charCodeAt(i))) i++;
      let wert = '';
      if (html.charCodeAt(i) === 61) {
        i++;
        while (i < n && istLeer(html.charCodeAt(i))) i++;
        const q = html.charCodeAt(i);
        if (q === 34 || q === 39) {
          const ende = html.indexOf(q === 34 ? '"' : "'", i + 1);
          if (ende < 0) return false;
          wert = html.slice(i + 1, ende);
          i = ende + 1;
          // After a quoted value: whitespace, `/` or `>` (anything else is a parse error).
          const d = html.charCodeAt(i);
          if (!(istLeer(d) || d === 47 || d === 62)) return false;
        } else {
          const wAnfang = i;
          while (i < n) {
            c = html.charCodeAt(i);
            if (istLeer(c) || c === 62) break;
            if (c === 34 || c === 39 || c === 60 || c === 61 || c === 96) return false;
            i++;
          }
          if (i === wAnfang) return false;
          wert = html.slice(wAnfang, i);
        }
        if (wert.includes('&')) {
          const klar = entschluessele(wert);
          if (klar === undefined) return false;
          wert = klar;
        }
      }
      // A repeated attribute is dropped by the tokenizer: rare enough to leave to parse5.
      for (let k = 0; k < attrs.length; k++) if (attrs[k].name === attrName) return false;
      attrs.push({ name: attrName, value: wert });
    }
  };

  /** Reads the text of a raw-text element up to its end tag; undefined when parse5 should decide. */
  const leseRohtext = (tag: string): string | undefined => {
    const re = ROHTEXT.get(tag)!;
    re.lastIndex = pos;
    const m = re.exec(html);
    if (!m || html.charCodeAt(m.index + tag.length + 2) !== 62) return undefined;
    const text = html.slice(pos, m.index);
    // `<!--` in a script switches the tokenizer into its escaped states.
    if (tag === 'script' && text.includes('<!--')) return undefined;
    pos = m.index + tag.length + 3;
    return text;
  };

  /** An element that is not pushed: void or raw text. */
  const blatt = (geerbt: boolean): boolean => {
    if (ROHTEXT.has(name)) {
      if (selbst) return false;
      const text = leseRohtext(name);
      if (text === undefined) return false;
      besuche(name, attrs, geerbt, name === 'script' || name === 'style' ? text : undefined);
      return true;
    }
    besuche(name, attrs, geerbt, undefined);
    return true;
  };

  /** Visits the element just read and keeps it open until its end tag. */
  const oeffnen = (geerbt: boolean, istSvg: boolean): void => {
    erbe.push(besuche(name, attrs, geerbt, undefined));
    tags.push(name);
    svg.push(istSvg);
  };

  /** An SVG element: open until its end tag, unless written self-closing (`<path/>`, which SVG honours). */
  const svgElement = (geerbt: boolean): boolean => {
    // Prefixed names (`xlink:href`) are split by parse5 into prefix and name: left to it.
    for (const a of attrs) if (a.name.includes(':')) return false;
    if (selbst) besuche(name, attrs, geerbt, undefined);
    else oeffnen(geerbt, true);
    return true;
  };

  const startImRumpf = (): boolean => {
    const d = tags.length - 1;
    const oben = tags[d];
    if (svg[d]) return SVG_FORMEN.has(name) && svgElement(erbe[d]);
    const erlaubt = TABELLE.get(oben);
    if (erlaubt) {
      if (!erlaubt.has(name) || selbst) return false;
      if (name === 'col') return blatt(erbe[d]);
    } else {
      if (NICHT_HIER.has(name) || TABELLENTEILE.has(name)) return false;
      // Start tags the parser would answer by closing an open element first (it looks within a
      // scope; any open one anywhere is enough to leave the page to it).
      if (SCHLIESST_P.has(name) && tags.includes('p')) return false;
      if (UEBERSCHRIFTEN.has(name) && tags.some((t) => UEBERSCHRIFTEN.has(t))) return false;
      if ((name === 'a' || name === 'button' || name === 'form') && tags.includes(name)) return false;
      if (name === 'li' || name === 'dd' || name === 'dt') {
        // An open item of the same list would be closed first (parse5 stops at some other elements; we stop only at the list).
        for (let k = d; k >= 0; k--) {
          const t = tags[k];
          if (name === 'li' ? t === 'li' : t === 'dd' || t === 'dt') return false;
          if (name === 'li' ? t === 'ul' || t === 'ol' || t === 'menu' : t === 'dl') break;
        }
      }
      if (VOID.has(name) || ROHTEXT.has(name)) return blatt(erbe[d]);
      if (name === 'svg') return svgElement(erbe[d]);
      // `<div/>` stays open in HTML.
      if (selbst) return false;
    }
    oeffnen(erbe[d], false);
    return true;
  };

  const endeImRumpf = (): boolean => {
    const d = tags.length - 1;
    if (tags[d] !== name) return false;
    tags.pop();
    erbe.pop();
    svg.pop();
    if (d === 0) modus = Modus.NachRumpf;
    return true;
  };

  while (pos < n) {
    const lt = html.indexOf('<', pos);
    const textEnde = lt < 0 ? n : lt;
    if (textEnde > pos) {
      // Text: anything inside <body> (except directly in a table), elsewhere only whitespace.
      const imRumpf = modus === Modus.Rumpf && !TABELLE.has(tags[tags.length - 1]);
      if (!imRumpf && !nurLeer(html, pos, textEnde)) return false;
      pos = textEnde;
      if (lt < 0) break;
    }
    const c = html.charCodeAt(lt + 1);
    if (c === 33) {
      // <!-- comment -->, or the doctype at the very start.
      if (html.startsWith('<!--', lt)) {
        const ende = html.indexOf('-->', lt + 4);
        if (ende < 0) return false;
        const inhalt = html.slice(lt + 4, ende);
        if (inhalt.startsWith('>') || inhalt.startsWith('->') || inhalt.includes('--!')) return false;
        pos = ende + 3;
        continue;
      }
      if (modus === Modus.Anfang && /^<!doctype html>/i.test(html.slice(lt, lt + 15))) {
        modus = Modus.VorHtml;
        pos = lt + 15;
        continue;
      }
      return false;
    }
    if (c === 47) {
      // End tag: a name and `>`, nothing else.
      const anfang = lt + 2;
      if (!istBuchstabe(html.charCodeAt(anfang))) return false;
      const gt = html.indexOf('>', anfang);
      if (gt < 0) return false;
      name = html.slice(anfang, gt);
      if (!/^[a-zA-Z][a-zA-Z0-9-]*$/.test(name)) return false;
      name = name.toLowerCase();
      pos = gt + 1;
      if (modus === Modus.Kopf && name === 'head') modus = Modus.NachKopf;
      else if (modus === Modus.NachRumpf && name === 'html') modus = Modus.NachHtml;
      else if (modus !== Modus.Rumpf || !endeImRumpf()) return false;
      continue;
    }
    if (!istBuchstabe(c)) return false;
    pos = lt + 1;
    if (!leseStartTag()) return false;
    switch (modus) {
      case Modus.VorHtml:
        if (name !== 'html' || selbst) return false;
        htmlErbe = besuche(name, attrs, false, undefined);
        modus = Modus.VorKopf;
        break;
      case Modus.VorKopf:
        if (name !== 'head' || selbst) return false;
        kopfErbe = besuche(name, attrs, htmlErbe, undefined);
        modus = Modus.Kopf;
        break;
      case Modus.Kopf:
        if (!IM_KOPF.has(name) || !blatt(kopfErbe)) return false;
        break;
      case Modus.NachKopf: {
        if (name !== 'body' || selbst) return false;
        oeffnen(htmlErbe, false);
        modus = Modus.Rumpf;
        break;
      }
      case Modus.Rumpf:
        if (!startImRumpf()) return false;
        break;
      default:
        return false;
    }
  }
  return modus === Modus.NachHtml;
}
