/**
 * Markdown → plain text, for places that cannot show HTML: the DESCRIPTION of iCal events,
 * previews, plain-text exports. Walks marked's token tree instead of stripping tags from HTML,
 * so links keep their address ("Werkhaus (https://…)") and lists keep their structure.
 * Raw HTML in the Markdown is dropped to its text: a feed must never carry markup.
 */
import { Lexer, type Token, type Tokens } from 'marked';

const ENTITAETEN: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the few character references Markdown authors actually write. */
function entitaeten(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (ganz, name: string) => {
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ganz;
    }
    return ENTITAETEN[name.toLowerCase()] ?? ganz;
  });
}

/** Text of an HTML fragment: tags removed, references decoded. */
const ohneTags = (html: string) => entitaeten(html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ''));

function inline(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  return tokens.map(inlineToken).join('');
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case 'link': {
      const t = token as Tokens.Link;
      const text = inline(t.tokens) || t.href;
      const href = t.href.replace(/^mailto:/, '');
      return text === href || text === t.href ? text : `${text} (${href})`;
    }
    case 'image':
      return (token as Tokens.Image).text;
    case 'br':
      return '\n';
    case 'html':
      return ohneTags((token as Tokens.HTML).text);
    case 'codespan':
      return entitaeten((token as Tokens.Codespan).text);
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'text':
    case 'strong':
    case 'em':
    case 'del': {
      const t = token as Tokens.Text | Tokens.Strong | Tokens.Em | Tokens.Del;
      return 'tokens' in t && t.tokens ? inline(t.tokens) : entitaeten(t.text);
    }
    default:
      return 'tokens' in token && Array.isArray(token.tokens) ? inline(token.tokens) : entitaeten(String((token as Tokens.Generic).text ?? ''));
  }
}

function block(token: Token): string {
  switch (token.type) {
    case 'space':
    case 'hr':
      return '';
    case 'heading':
    case 'paragraph':
      return inline((token as Tokens.Heading | Tokens.Paragraph).tokens).trim();
    case 'text': {
      const t = token as Tokens.Text;
      return (t.tokens ? inline(t.tokens) : entitaeten(t.text)).trim();
    }
    case 'code':
      return (token as Tokens.Code).text;
    case 'html':
      return ohneTags((token as Tokens.HTML).text).trim();
    case 'blockquote':
      return bloecke((token as Tokens.Blockquote).tokens);
    case 'list': {
      const l = token as Tokens.List;
      const start = typeof l.start === 'number' ? l.start : 1;
      return l.items
        .map((item, i) => {
          const marke = l.ordered ? `${start + i}.` : '–';
          // Nested blocks of an item are indented under its marker.
          return `${marke} ${bloecke(item.tokens, '\n').replace(/\n/g, '\n  ')}`;
        })
        .join('\n');
    }
    case 'table': {
      const t = token as Tokens.Table;
      const zeile = (zellen: Tokens.TableCell[]) => zellen.map((z) => inline(z.tokens).trim()).join(' | ');
      return [zeile(t.header), ...t.rows.map(zeile)].join('\n');
    }
    default:
      return 'tokens' in token && Array.isArray(token.tokens) ? inline(token.tokens).trim() : '';
  }
}

function bloecke(tokens: Token[], trenner = '\n\n'): string {
  return tokens
    .map(block)
    .filter((s) => s.length > 0)
    .join(trenner);
}

/**
 * Plain text of a Markdown text: paragraphs separated by a blank line, list items as
 * „– …“ or „1. …“, links as „Text (Adresse)“, no HTML, no Markdown markers.
 */
export function markdownZuKlartext(markdown: string): string {
  // The same text goes into the page's metadata in every language, the feeds and the open data.
  let text = klartexte.get(markdown);
  if (text === undefined) {
    if (klartexte.size > 20_000) klartexte.clear();
    const tokens = new Lexer({ gfm: true }).lex(markdown ?? '');
    text = bloecke(tokens)
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    klartexte.set(markdown, text);
  }
  return text;
}
const klartexte = new Map<string, string>();
