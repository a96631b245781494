/**
 * The ONE security and caching policy of the site. The build (src/integrations/sicherheit.ts)
 * turns it into `dist/_headers` (Netlify, Cloudflare Pages and others), `dist/_redirects` and an
 * nginx server block (`dist/_nginx/default.conf`, used by the Dockerfile); scripts/serve-dist.mjs
 * `--headers` applies `_headers` for the tests. Change the policy here, nowhere else.
 *
 * Three areas with different needs:
 * - `inhalt` (every public page): no inline script except the hashes the build found in our own
 *   templates, images and connections only to this site (plus the map's tile server after consent),
 *   not framable.
 * - `einbetten` (/einbetten/…): like `inhalt`, but other sites may frame it.
 * - `admin` (/admin/, Decap CMS): Decap injects style elements and compiles JSON schemas at run
 *   time, and talks to the Git backend; it gets its own, looser policy and nothing else does.
 *
 * Rules in `_headers` never overlap for the same header with different values: Cloudflare joins
 * duplicates with a comma (two CSPs would both apply), Netlify picks one. So CSP and
 * Cache-Control come from one rule per top-level folder, and only headers that are the same
 * everywhere sit under `/*`.
 */

export type Bereich = 'inhalt' | 'einbetten' | 'admin';

/** Hashes (`sha256-…`, without quotes) of inline code the build found in one area. */
export interface InlineHashes {
  skripte: readonly string[];
  stile: readonly string[];
  /** `style="…"` attributes need `'unsafe-hashes'` plus their hash. */
  stilAttribute: readonly string[];
}

export const KEINE_HASHES: InlineHashes = { skripte: [], stile: [], stilAttribute: [] };

export interface PolicyOptionen {
  /** Origins the map may load tiles from after consent, e.g. `https://tile.openstreetmap.org`. */
  kachelHosts: readonly string[];
  /** Origins Decap talks to (Git backend, auth); only on /admin/. */
  cmsHosts: readonly string[];
  /** Origins allowed to frame /einbetten/… (`*` = any site). */
  einbettenErlaubt: readonly string[];
}

export const STANDARD_OPTIONEN: PolicyOptionen = {
  kachelHosts: [],
  // Decap's local backend (`npm start`) and the usual hosted Git backends.
  cmsHosts: ['http://localhost:8081', 'http://127.0.0.1:8081', 'https://api.github.com', 'https://gitlab.com'],
  einbettenErlaubt: ['*'],
};

/** Same on every response. */
export const GEMEINSAME_HEADER: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Geolocation only for this site ("Treffs in meiner Nähe"), nothing else that a page never needs.
  'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), midi=()',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export const CACHE = {
  /** Vite puts a content hash in every file name under /_astro/: a new build means a new name. */
  unveraenderlich: 'public, max-age=31536000, immutable',
  /** HTML, feeds, data: a fixed edit or a rollback reaches everyone within five minutes. */
  kurz: 'public, max-age=300, must-revalidate',
  /** Favicon, robots.txt and other files without a hash in their name. */
  mittel: 'public, max-age=86400',
} as const;

const q = (h: string) => `'${h}'`;

/** The Content-Security-Policy of an area. */
export function cspFuer(bereich: Bereich, hashes: InlineHashes = KEINE_HASHES, optionen: PolicyOptionen = STANDARD_OPTIONEN): string {
  const stilAttribute = hashes.stilAttribute.length > 0 ? ["'unsafe-hashes'", ...hashes.stilAttribute.map(q)] : [];
  if (bereich === 'admin') {
    return [
      "default-src 'self'",
      // Decap compiles code at run time (`new Function`); without 'unsafe-eval' it never starts
      // (tests/e2e/csp.spec.ts fails). Only /admin/ gets it, and only logged-in editors use it.
      `script-src 'self' 'unsafe-eval' ${hashes.skripte.map(q).join(' ')}`.trim(),
      // Decap's CSS-in-JS (emotion) adds <style> elements at run time.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob: https:",
      "media-src 'self' blob:",
      "font-src 'self' data:",
      `connect-src 'self' ${optionen.cmsHosts.join(' ')}`.trim(),
      "frame-src 'self'",
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
  }
  const ahnen = bereich === 'einbetten' ? optionen.einbettenErlaubt.join(' ') : "'none'";
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the search (Pagefind) compile its WebAssembly; it allows no JS eval.
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...hashes.skripte.map(q)].join(' '),
    ['style-src', "'self'", ...hashes.stile.map(q), ...stilAttribute].join(' '),
    ['img-src', "'self'", ...optionen.kachelHosts].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    // /fuer-partner/ shows a preview of the embed page in an iframe.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ahnen}`,
  ].join('; ');
}

/** Origin of a tile URL template (`https://tile.openstreetmap.org/{z}/{x}/{y}.png`), or null for a path on this site. */
export function kachelHost(vorlage: string): string | null {
  if (vorlage.startsWith('/')) return null;
  try {
    const u = new URL(vorlage.replace(/\{[a-z]\}/g, 'a'));
    // Subdomain templates ({s}.tile…) need a wildcard.
    return vorlage.includes('{s}.') ? `${u.protocol}//*.${u.host.split('.').slice(1).join('.')}` : u.origin;
  } catch {
    return null;
  }
}

export function bereichVon(pfad: string): Bereich {
  if (pfad === '/admin' || pfad.startsWith('/admin/')) return 'admin';
  if (pfad === '/einbetten' || pfad.startsWith('/einbetten/')) return 'einbetten';
  return 'inhalt';
}

export interface Regel {
  /** `_headers` path pattern: `/`, `/datei.txt`, `/ordner/*`. */
  muster: string;
  header: Record<string, string>;
}

export interface Weiterleitung {
  von: string;
  nach: string;
}

/** Folders at the top of dist/ that hold built assets, not pages. */
const ASSET_ORDNER: Record<string, string> = { _astro: CACHE.unveraenderlich, pagefind: CACHE.kurz };

function cacheFuerDatei(name: string): string {
  return /\.(html|xml|ics|json|geojson|txt|csv|webmanifest)$/.test(name) && name !== 'robots.txt' ? CACHE.kurz : CACHE.mittel;
}

/**
 * The header rules for a build. `eintraege` are the names at the top of dist/ (`ordner` marks
 * folders); `hashes` the inline hashes per area.
 */
export function headerRegeln(
  eintraege: readonly { name: string; ordner: boolean }[],
  hashes: Readonly<Record<Bereich, InlineHashes>>,
  optionen: PolicyOptionen = STANDARD_OPTIONEN,
): Regel[] {
  const regeln: Regel[] = [{ muster: '/*', header: { ...GEMEINSAME_HEADER } }];
  const seite = (bereich: Bereich) => ({ 'Content-Security-Policy': cspFuer(bereich, hashes[bereich], optionen), 'Cache-Control': CACHE.kurz });
  const sortiert = [...eintraege].sort((a, b) => a.name.localeCompare(b.name));
  for (const e of sortiert) {
    if (e.name.startsWith('_') && !(e.name in ASSET_ORDNER)) continue; // _headers, _redirects, _nginx
    if (e.ordner) {
      if (e.name in ASSET_ORDNER) regeln.push({ muster: `/${e.name}/*`, header: { 'Cache-Control': ASSET_ORDNER[e.name] } });
      else regeln.push({ muster: `/${e.name}/*`, header: seite(bereichVon(`/${e.name}/`)) });
    } else if (e.name === 'index.html') {
      regeln.push({ muster: '/', header: seite('inhalt') }, { muster: '/index.html', header: seite('inhalt') });
    } else if (e.name.endsWith('.html')) {
      regeln.push({ muster: `/${e.name}`, header: seite('inhalt') });
    } else {
      regeln.push({ muster: `/${e.name}`, header: { 'Cache-Control': cacheFuerDatei(e.name) } });
    }
  }
  return regeln;
}

const KOPF = 'Erzeugt beim Bauen aus src/lib/security-headers.ts – nicht von Hand ändern.';

/** `_headers` (Netlify/Cloudflare syntax). */
export function alsHeadersDatei(regeln: readonly Regel[]): string {
  const bloecke = regeln.map((r) => [r.muster, ...Object.entries(r.header).map(([k, v]) => `  ${k}: ${v}`)].join('\n'));
  return `# ${KOPF}\n${bloecke.join('\n\n')}\n`;
}

/** `_redirects` (Netlify/Cloudflare syntax); both spellings of each old address. */
export function alsRedirectsDatei(weiterleitungen: readonly Weiterleitung[]): string {
  const zeilen = weiterleitungen.flatMap((w) => [`${w.von} ${w.nach} 301`, `${w.von.replace(/\/$/, '')} ${w.nach} 301`]);
  return `# ${KOPF}\n${zeilen.join('\n')}\n`;
}

function nginxHeader(header: Record<string, string>): string[] {
  // `always`: also on 404 and redirects. Values never contain `"` (checked in the tests).
  return Object.entries(header).map(([k, v]) => `    add_header ${k} "${v}" always;`);
}

/**
 * An nginx `server` block serving dist/ (mounted at `root`) with the same headers and redirects.
 * nginx drops inherited `add_header`s in a location that sets its own, so every location
 * repeats the common headers.
 */
export function alsNginxServer(
  hashes: Readonly<Record<Bereich, InlineHashes>>,
  weiterleitungen: readonly Weiterleitung[],
  optionen: PolicyOptionen = STANDARD_OPTIONEN,
  root = '/usr/share/nginx/html',
): string {
  const ort = (kopf: string, header: Record<string, string>, extra: string[] = []) =>
    [`  location ${kopf} {`, ...nginxHeader({ ...GEMEINSAME_HEADER, ...header }), ...extra.map((z) => `    ${z}`), '  }'].join('\n');
  const seite = (bereich: Bereich) => ({ 'Content-Security-Policy': cspFuer(bereich, hashes[bereich], optionen), 'Cache-Control': CACHE.kurz });
  const umleitungen = weiterleitungen.flatMap((w) =>
    [w.von, w.von.replace(/\/$/, '')].map((von) => `  location = ${von} { return 301 ${w.nach}; }`),
  );
  return [
    `# ${KOPF}`,
    '# Unprivileged nginx (port 8080); TLS and HTTP/2 are the job of the load balancer or CDN in front.',
    'server {',
    '  listen 8080;',
    '  listen [::]:8080;',
    '  server_name _;',
    `  root ${root};`,
    '  index index.html;',
    '  charset utf-8;',
    '  charset_types text/css text/plain text/xml text/calendar application/javascript application/json application/geo+json application/xml application/rss+xml image/svg+xml;',
    '  server_tokens off;',
    '  # Relative Location headers: correct behind a proxy or CDN with another host name.',
    '  absolute_redirect off;',
    '  # A `types` block here replaces the inherited list, so the standard list is included first.',
    '  include /etc/nginx/mime.types;',
    '  types { text/calendar ics; application/geo+json geojson; application/manifest+json webmanifest; }',
    '  gzip on;',
    '  gzip_types text/css text/javascript application/javascript application/json application/geo+json application/xml application/rss+xml text/calendar image/svg+xml text/plain;',
    '  error_page 404 /404.html;',
    '',
    ...umleitungen,
    ort('^~ /_astro/', { 'Cache-Control': CACHE.unveraenderlich }),
    ort('^~ /pagefind/', { 'Cache-Control': CACHE.kurz }),
    ort('^~ /admin/', seite('admin')),
    ort('^~ /einbetten/', seite('einbetten')),
    ort('/', seite('inhalt')),
    '}',
    '',
  ].join('\n');
}
