/**
 * Link checks on the built site and on the content:
 * - `pruefeInterneLinks(dist)`: every link, image, script, canonical/og URL of our own site
 *   points at a file that exists, and every `#anker` at an id on the target page. Used by
 *   tests/e2e/links.spec.ts and `npm run check:links`.
 * - `externeLinksInInhalten(content)`: every http(s) address typed into content/ with file and
 *   line, for `npm run check:links -- --external` (not in CI: other sites change on their own).
 * Plain Node (relative imports with `.ts`), so scripts/check-links.ts runs without a build step.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { analysiereHtml } from './html-pruefung.ts';

export interface DefekterLink {
  /** Page the link is on, e.g. `/treffs/a/`. */
  seite: string;
  link: string;
  grund: string;
}

function alleDateien(wurzel: string, dir = wurzel): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? alleDateien(wurzel, p) : [relative(wurzel, p).split(sep).join('/')];
  });
}

/** URL path of a built HTML file: `treffs/a/index.html` → `/treffs/a/`. */
export function seitenPfad(datei: string): string {
  return `/${datei.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The file a path is served from (like scripts/serve-dist.mjs and nginx), or null. */
function zielDatei(dist: string, dateien: ReadonlySet<string>, pfad: string): string | null {
  const rel = pfad.replace(/^\//, '');
  if (rel === '' || rel.endsWith('/')) return dateien.has(`${rel}index.html`) ? `${rel}index.html` : null;
  if (dateien.has(rel)) return rel;
  if (dateien.has(`${rel}/index.html`)) return `${rel}/index.html`;
  return existsSync(join(dist, rel)) && statSync(join(dist, rel)).isFile() ? rel : null;
}

/** The site's own origin, read from the canonical link of the start page. */
export function eigeneHerkunft(dist: string): string | null {
  const start = join(dist, 'index.html');
  if (!existsSync(start)) return null;
  const m = /<link[^>]+rel="canonical"[^>]+href="([^"]+)"/.exec(readFileSync(start, 'utf8'));
  return m ? new URL(m[1]).origin : null;
}

/** Folders whose pages are not checked: the CMS is a single-page app, Pagefind's UI bundle its own. */
const NICHT_PRUEFEN = ['admin/', 'pagefind/', '_astro/', '_nginx/'];

export function pruefeInterneLinks(dist: string): { defekt: DefekterLink[]; seiten: number; links: number } {
  const dateien = new Set(alleDateien(dist));
  const herkunft = eigeneHerkunft(dist);
  const befunde = new Map<string, ReturnType<typeof analysiereHtml>>();
  const befundVon = (datei: string) => {
    let b = befunde.get(datei);
    if (!b) {
      b = analysiereHtml(readFileSync(join(dist, datei), 'utf8'));
      befunde.set(datei, b);
    }
    return b;
  };
  const defekt: DefekterLink[] = [];
  let links = 0;
  const seiten = [...dateien].filter((d) => d.endsWith('.html') && !NICHT_PRUEFEN.some((n) => d.startsWith(n)));
  for (const datei of seiten) {
    const seite = seitenPfad(datei);
    const basis = new URL(seite, 'http://qp.invalid');
    for (const { wert } of befundVon(datei).links) {
      const roh = wert.trim();
      if (!roh || /^(mailto|tel|data|javascript|blob):/i.test(roh)) continue;
      let url: URL;
      try {
        url = new URL(roh, basis);
      } catch {
        defekt.push({ seite, link: roh, grund: 'keine gültige Adresse' });
        continue;
      }
      const intern = url.origin === basis.origin || (herkunft !== null && url.origin === herkunft);
      if (!intern) continue;
      links++;
      let pfad: string;
      try {
        pfad = decodeURIComponent(url.pathname);
      } catch {
        defekt.push({ seite, link: roh, grund: 'fehlerhafte %-Kodierung' });
        continue;
      }
      const ziel = zielDatei(dist, dateien, pfad);
      if (!ziel) {
        defekt.push({ seite, link: roh, grund: 'Ziel gibt es nicht' });
        continue;
      }
      const anker = decodeURIComponent(url.hash.slice(1));
      // `#/collections/…` is a route inside the CMS app (hash routing), not an anchor.
      if (anker && !anker.startsWith('/') && ziel.endsWith('.html') && !befundVon(ziel).anker.has(anker))
        defekt.push({ seite, link: roh, grund: `Anker #${anker} gibt es auf ${seitenPfad(ziel)} nicht` });
    }
  }
  return { defekt, seiten: seiten.length, links };
}

export interface ExternerLink {
  datei: string;
  zeile: number;
  url: string;
}

/** Every http(s) address in the content files (Markdown bodies, front matter, YAML). */
export function externeLinksInInhalten(contentDir: string): ExternerLink[] {
  const ergebnis: ExternerLink[] = [];
  for (const datei of alleDateien(contentDir).filter((d) => /\.(md|ya?ml)$/.test(d)).sort()) {
    readFileSync(join(contentDir, datei), 'utf8')
      .split('\n')
      .forEach((text, i) => {
        for (const m of text.matchAll(/https?:\/\/[^\s<>"'`)\]]+/g)) ergebnis.push({ datei, zeile: i + 1, url: m[0].replace(/[.,;:!?]+$/, '') });
      });
  }
  return ergebnis;
}
