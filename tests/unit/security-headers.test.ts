/**
 * The one security policy, turned into `_headers` and nginx: strict on content pages, framable
 * only under /einbetten/, loose only where the CMS needs it, and never two different values for
 * one header on one path (a host would join them into something nobody intended).
 */
import { describe, expect, it } from 'vitest';
import {
  CACHE,
  GEMEINSAME_HEADER,
  alsHeadersDatei,
  alsNginxServer,
  alsRedirectsDatei,
  bereichVon,
  cspFuer,
  headerRegeln,
  kachelHost,
  type Bereich,
  type InlineHashes,
} from '../../src/lib/security-headers';

const HASHES: Record<Bereich, InlineHashes> = {
  inhalt: { skripte: ['sha256-AAA='], stile: ['sha256-BBB='], stilAttribute: [] },
  einbetten: { skripte: [], stile: ['sha256-CCC='], stilAttribute: ['sha256-DDD='] },
  admin: { skripte: [], stile: [], stilAttribute: [] },
};
const OPTIONEN = { kachelHosts: ['https://tile.openstreetmap.org'], cmsHosts: ['http://localhost:8081'], einbettenErlaubt: ['*'] };

const direktive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

describe('Content-Security-Policy', () => {
  it('erlaubt auf Inhaltsseiten kein Inline-Skript außer den gefundenen Hashes und kein eval', () => {
    const csp = cspFuer('inhalt', HASHES.inhalt, OPTIONEN);
    expect(direktive(csp, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(direktive(csp, 'object-src')).toBe("object-src 'none'");
    expect(direktive(csp, 'base-uri')).toBe("base-uri 'self'");
    expect(direktive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(direktive(csp, 'img-src')).toBe("img-src 'self' https://tile.openstreetmap.org");
    expect(direktive(csp, 'connect-src')).toBe("connect-src 'self'");
  });

  it('lässt nur /einbetten/ in fremde Seiten einbetten', () => {
    expect(direktive(cspFuer('einbetten', HASHES.einbetten, OPTIONEN), 'frame-ancestors')).toBe('frame-ancestors *');
    expect(direktive(cspFuer('einbetten', HASHES.einbetten, OPTIONEN), 'style-src')).toBe("style-src 'self' 'sha256-CCC=' 'unsafe-hashes' 'sha256-DDD='");
    expect(bereichVon('/einbetten/treff/a/')).toBe('einbetten');
    expect(bereichVon('/treffs/einbetten/')).toBe('inhalt');
    expect(bereichVon('/admin/')).toBe('admin');
  });

  it('gibt nur der Redaktion eval und Inline-Stile (Decap CMS braucht sie)', () => {
    const csp = cspFuer('admin', HASHES.admin, OPTIONEN);
    expect(direktive(csp, 'script-src')).toBe("script-src 'self' 'unsafe-eval'");
    expect(direktive(csp, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(direktive(csp, 'connect-src')).toBe("connect-src 'self' http://localhost:8081");
    expect(direktive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('erlaubt Kacheln nur vom eingestellten Kachelserver', () => {
    expect(kachelHost('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(kachelHost('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(kachelHost('/kacheln/{z}/{x}/{y}.png')).toBeNull();
  });
});

describe('_headers', () => {
  const eintraege = [
    { name: '_astro', ordner: true },
    { name: '_headers', ordner: false },
    { name: '_nginx', ordner: true },
    { name: 'admin', ordner: true },
    { name: 'einbetten', ordner: true },
    { name: 'favicon.svg', ordner: false },
    { name: 'impressum', ordner: true },
    { name: 'index.html', ordner: false },
    { name: 'pagefind', ordner: true },
    { name: 'rss.xml', ordner: false },
    { name: 'treffs', ordner: true },
  ];
  const regeln = headerRegeln(eintraege, HASHES, OPTIONEN);
  const passt = (muster: string, pfad: string) => new RegExp(`^${muster.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(pfad);

  it('setzt für jeden Pfad jeden Header höchstens einmal (keine Regeln, die sich widersprechen)', () => {
    for (const pfad of ['/', '/index.html', '/treffs/', '/treffs/a/', '/einbetten/treff/a/', '/admin/', '/_astro/x.js', '/pagefind/pagefind.js', '/rss.xml', '/favicon.svg', '/impressum/']) {
      const gezaehlt = new Map<string, number>();
      for (const r of regeln.filter((r) => passt(r.muster, pfad)))
        for (const k of Object.keys(r.header)) gezaehlt.set(k, (gezaehlt.get(k) ?? 0) + 1);
      for (const [k, n] of gezaehlt) expect(n, `${pfad} ${k}`).toBe(1);
      for (const k of Object.keys(GEMEINSAME_HEADER)) expect(gezaehlt.get(k), `${pfad} ${k}`).toBe(1);
    }
  });

  it('cacht gehashte Dateien ein Jahr, HTML und Feeds fünf Minuten', () => {
    const fuer = (muster: string) => regeln.find((r) => r.muster === muster)?.header['Cache-Control'];
    expect(fuer('/_astro/*')).toBe(CACHE.unveraenderlich);
    expect(fuer('/treffs/*')).toBe(CACHE.kurz);
    expect(fuer('/')).toBe(CACHE.kurz);
    expect(fuer('/rss.xml')).toBe(CACHE.kurz);
    expect(fuer('/favicon.svg')).toBe(CACHE.mittel);
    expect(regeln.some((r) => r.muster.startsWith('/_headers') || r.muster.startsWith('/_nginx'))).toBe(false);
  });

  it('bleibt unter der Grenze von 100 Regeln (Cloudflare Pages) und im Format der Hoster', () => {
    expect(regeln.length).toBeLessThan(100);
    const text = alsHeadersDatei(regeln);
    expect(text).toMatch(/^# .*\n\/\*\n {2}X-Content-Type-Options: nosniff\n/);
    expect(text).toContain("/einbetten/*\n  Content-Security-Policy: default-src 'self';");
  });

  it('schreibt Weiterleitungen mit und ohne Schrägstrich', () => {
    expect(alsRedirectsDatei([{ von: '/treffs/alt/', nach: '/treffs/neu/' }])).toContain('/treffs/alt/ /treffs/neu/ 301\n/treffs/alt /treffs/neu/ 301');
  });
});

describe('nginx', () => {
  const conf = alsNginxServer(HASHES, [{ von: '/treffs/alt/', nach: '/treffs/neu/' }], OPTIONEN);

  it('wiederholt die gemeinsamen Header in jedem location-Block (nginx erbt add_header nicht)', () => {
    const bloecke = conf.split('  location ').slice(1).filter((b) => !b.startsWith('= '));
    expect(bloecke.length).toBe(5);
    for (const b of bloecke) for (const k of Object.keys(GEMEINSAME_HEADER)) expect(b, b.split('\n')[0]).toContain(`add_header ${k} `);
  });

  it('hat dieselbe Policy wie _headers und läuft ohne root-Rechte', () => {
    expect(conf).toContain(`add_header Content-Security-Policy "${cspFuer('inhalt', HASHES.inhalt, OPTIONEN)}" always;`);
    expect(conf).toContain(`add_header Content-Security-Policy "${cspFuer('admin', HASHES.admin, OPTIONEN)}" always;`);
    expect(conf).toContain('listen 8080;');
    expect(conf).toContain('location = /treffs/alt/ { return 301 /treffs/neu/; }');
    // Header values are written in double quotes.
    for (const wert of Object.values(GEMEINSAME_HEADER)) expect(wert).not.toContain('"');
    expect(cspFuer('inhalt', HASHES.inhalt, OPTIONEN)).not.toContain('"');
  });
});
