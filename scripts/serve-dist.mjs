#!/usr/bin/env node
// A small static file server for the built site (dist/), used by the end-to-end tests.
// `astro preview` allows only one instance per machine; tests, benchmarks and `npm start` need several.
// Usage: node scripts/serve-dist.mjs [--port 4329] [--dir dist] [--headers]
// --headers: send the headers of dist/_headers and follow dist/_redirects like a static host
// (Cloudflare Pages semantics: every matching rule applies, duplicate headers are joined with ", ").
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const PORT = Number(opt('port', process.env.PORT ?? 4329));
const ROOT = resolve(opt('dir', process.env.ASTRO_OUT_DIR ?? 'dist'));
const MIT_HEADERS = args.includes('--headers');

/** `/treffs/*` → RegExp; `*` matches anything (also nothing), `:name` one path segment. */
function musterRegex(muster) {
  const teile = muster.split(/(\*|:[a-z]+)/i).map((t) => (t === '*' ? '.*' : t.startsWith(':') ? '[^/]+' : t.replace(/[.+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${teile.join('')}$`);
}

/** Rules of a `_headers` file: [{ regex, header: [[name, value]] }]. */
function leseHeaders(datei) {
  if (!existsSync(datei)) return [];
  const regeln = [];
  for (const zeile of readFileSync(datei, 'utf8').split('\n')) {
    if (!zeile.trim() || zeile.trim().startsWith('#')) continue;
    if (!/^\s/.test(zeile)) regeln.push({ regex: musterRegex(zeile.trim()), header: [] });
    else if (regeln.length) {
      const i = zeile.indexOf(':');
      regeln.at(-1).header.push([zeile.slice(0, i).trim(), zeile.slice(i + 1).trim()]);
    }
  }
  return regeln;
}

function leseRedirects(datei) {
  if (!existsSync(datei)) return new Map();
  const zeilen = readFileSync(datei, 'utf8').split('\n').filter((z) => z.trim() && !z.startsWith('#'));
  return new Map(zeilen.map((z) => z.trim().split(/\s+/)).map(([von, nach, code]) => [von, { nach, code: Number(code ?? 301) }]));
}

// Re-read after every build: the CSP hashes change with the pages (a server that outlives a rebuild
// would otherwise block the new inline scripts).
const gelesen = new Map();
function aktuell(datei, lesen) {
  const stand = existsSync(datei) ? statSync(datei).mtimeMs : 0;
  const alt = gelesen.get(datei);
  if (alt && alt.stand === stand) return alt.wert;
  const wert = lesen(datei);
  gelesen.set(datei, { stand, wert });
  return wert;
}
const headerRegeln = () => (MIT_HEADERS ? aktuell(join(ROOT, '_headers'), leseHeaders) : []);
const redirects = () => (MIT_HEADERS ? aktuell(join(ROOT, '_redirects'), leseRedirects) : new Map());

function headerFuer(pfad) {
  const header = {};
  for (const r of headerRegeln()) {
    if (!r.regex.test(pfad)) continue;
    for (const [k, v] of r.header) header[k] = header[k] ? `${header[k]}, ${v}` : v;
  }
  return header;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

function datei(pfad) {
  const sicher = normalize(decodeURIComponent(pfad)).replace(/^(\.\.[/\\])+/, '');
  let p = join(ROOT, sicher);
  if (!p.startsWith(ROOT)) return null;
  if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
  return existsSync(p) && statSync(p).isFile() ? p : null;
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const extra = headerFuer(url.pathname);
  const umleitung = redirects().get(url.pathname);
  if (umleitung) {
    res.writeHead(umleitung.code, { ...extra, Location: umleitung.nach });
    return res.end();
  }
  // Like common static hosts: /pfad → /pfad/ when that is a folder.
  if (!url.pathname.endsWith('/') && !extname(url.pathname) && existsSync(join(ROOT, url.pathname, 'index.html'))) {
    res.writeHead(301, { ...extra, Location: `${url.pathname}/${url.search}` });
    return res.end();
  }
  const p = datei(url.pathname);
  if (!p) {
    const seite404 = join(ROOT, '404.html');
    res.writeHead(404, { ...extra, 'Content-Type': TYPES['.html'] });
    return existsSync(seite404) ? createReadStream(seite404).pipe(res) : res.end('Nicht gefunden');
  }
  res.writeHead(200, { ...extra, 'Content-Type': TYPES[extname(p)] ?? 'application/octet-stream' });
  if (req.method === 'HEAD') return res.end();
  createReadStream(p).pipe(res);
}).listen(PORT, '127.0.0.1', () => {
  console.log(`dist/ unter http://127.0.0.1:${PORT}/${MIT_HEADERS ? ` (mit ${headerRegeln().length} Header-Regeln aus _headers)` : ''}`);
});
