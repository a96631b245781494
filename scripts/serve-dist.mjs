#!/usr/bin/env node
// A small static file server for the built site (dist/), used by the end-to-end tests.
// `astro preview` allows only one instance per machine; tests, benchmarks and `npm start` need several.
// Usage: node scripts/serve-dist.mjs [--port 4329] [--dir dist]
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const PORT = Number(opt('port', process.env.PORT ?? 4329));
const ROOT = resolve(opt('dir', process.env.ASTRO_OUT_DIR ?? 'dist'));

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
  // Like common static hosts: /pfad → /pfad/ when that is a folder.
  if (!url.pathname.endsWith('/') && !extname(url.pathname) && existsSync(join(ROOT, url.pathname, 'index.html'))) {
    res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
    return res.end();
  }
  const p = datei(url.pathname);
  if (!p) {
    const seite404 = join(ROOT, '404.html');
    res.writeHead(404, { 'Content-Type': TYPES['.html'] });
    return existsSync(seite404) ? createReadStream(seite404).pipe(res) : res.end('Nicht gefunden');
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(p)] ?? 'application/octet-stream' });
  if (req.method === 'HEAD') return res.end();
  createReadStream(p).pipe(res);
}).listen(PORT, '127.0.0.1', () => {
  console.log(`dist/ unter http://127.0.0.1:${PORT}/`);
});
