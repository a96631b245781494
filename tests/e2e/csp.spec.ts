/**
 * The site works under its own security headers. dist/ is served with dist/_headers (the second
 * server in playwright.config.ts, port 4330) — the Content-Security-Policy, frame-ancestors,
 * Permissions-Policy … that a static host would send. Every page type, the map after consent,
 * the calendar, the search and the CMS must work without the browser reporting a CSP violation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './helpers';
import { analysiereHtml, analysiereMitParse5, type HtmlBefund } from '../../src/lib/html-pruefung';
import { durchlaufeStreng } from '../../src/lib/html-streng';

/** `QP_CSP_BASIS=http://127.0.0.1:8080` runs the same checks against nginx with dist/_nginx/default.conf. */
const BASIS = process.env.QP_CSP_BASIS ?? 'http://127.0.0.1:4330';
test.use({ baseURL: BASIS });

/** Any slippy-map tile URL, answered from a local file (no request leaves the machine). */
const KACHEL = /\/\d+\/\d+\/\d+\.png(\?.*)?$/;

/** Collects CSP violations: the DOM event (all frames, via init script) and Chromium's console messages. */
async function beobachteCsp(page: Page): Promise<() => Promise<string[]>> {
  const konsole: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame|create)/i.test(m.text())) konsole.push(`${page.url()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.effectiveDirective} blockiert ${e.blockedURI || '(inline)'} in ${e.sourceFile || location.pathname}:${e.lineNumber}`),
    );
  });
  await page.route(KACHEL, (route) => route.fulfill({ path: 'tests/fixtures/kachel.png', contentType: 'image/png' }));
  return async () => {
    const imDom = await Promise.all(
      page.frames().map((f) => f.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [] as string[])),
    );
    return [...imDom.flat().map((v) => `${page.url()}: ${v}`), ...konsole];
  };
}

/** One page per page type, found in dist/: each folder's index and its first page one level down. */
function seitenTypen(): string[] {
  const wurzel = 'dist';
  const html: string[] = [];
  const lauf = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && !['_astro', 'pagefind', '_nginx', 'admin'].includes(e.name)) lauf(join(dir, e.name));
      else if (e.name === 'index.html') html.push(`/${relative(wurzel, dir).split(sep).join('/')}/`.replace('//', '/'));
    }
  };
  lauf(wurzel);
  const typ = new Map<string, string>();
  for (const pfad of html.sort()) {
    const teile = pfad.split('/').filter(Boolean);
    // "/treffs/a/" and "/treffs/b/" are one type; "/kalender/quartier/x/" another.
    const schluessel = `${teile.slice(0, Math.min(teile.length, 2) - 1).join('/')}|${teile.length}|${teile.length > 2 ? teile[1] : ''}`;
    if (!typ.has(schluessel)) typ.set(schluessel, pfad);
  }
  return [...typ.values()];
}

test('die Sicherheits-Header kommen an', async ({ request }) => {
  const seite = await request.get('/treffs/');
  const h = seite.headers();
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).toMatch(/script-src 'self'(?! 'unsafe-inline')/);
  expect(h['content-security-policy']).not.toContain("'unsafe-inline'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy']).toContain('geolocation=(self)');
  expect(h['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  expect(h['cache-control']).toContain('max-age=300');
  const einbetten = readdirSync('dist/einbetten/treff')[0];
  expect((await request.get(`/einbetten/treff/${einbetten}/`)).headers()['content-security-policy']).toContain('frame-ancestors *');
  const asset = readdirSync('dist/_astro').find((f) => f.endsWith('.js'))!;
  expect((await request.get(`/_astro/${asset}`)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});

// The hashes in the CSP come from the build's output check, which reads most pages with a fast pass
// of its own (src/lib/html-streng.ts) instead of parse5. On every page of the site it must find
// what parse5 finds, and it must read the page types itself (or it would save nothing).
test('die Ausgabeprüfung liest jede gebaute Seite wie parse5', () => {
  const alle: string[] = [];
  const lauf = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && !['_astro', 'pagefind'].includes(e.name)) lauf(join(dir, e.name));
      else if (e.name.endsWith('.html')) alle.push(join(dir, e.name));
    }
  };
  lauf('dist');
  expect(alle.length).toBeGreaterThan(500);
  const alsDaten = (b: HtmlBefund) => JSON.stringify({ ...b, anker: [...b.anker] });
  let selbst = 0;
  for (const datei of alle) {
    const html = readFileSync(datei, 'utf8');
    if (durchlaufeStreng(html, () => false)) selbst++;
    expect(alsDaten(analysiereHtml(html)), datei).toBe(alsDaten(analysiereMitParse5(html)));
  }
  // Only pages with a <select>, <textarea> or <iframe> (finder, calendar, search, embed help) go to parse5.
  expect(selbst / alle.length).toBeGreaterThan(0.95);
});

test('jeder Seitentyp lädt ohne CSP-Verstoß', async ({ page, fremdeAnfragen }) => {
  test.setTimeout(120_000);
  const verstoesse = await beobachteCsp(page);
  const seiten = seitenTypen();
  expect(seiten.length).toBeGreaterThan(10);
  for (const pfad of seiten) {
    const antwort = await page.goto(pfad, { waitUntil: 'load' });
    expect(antwort?.headers()['content-security-policy'], pfad).toBeTruthy();
  }
  expect(await verstoesse()).toEqual([]);
  expect(fremdeAnfragen).toEqual([]);
});

test('die Karte nach Zustimmung: Kacheln, Marker, Popup ohne CSP-Verstoß', async ({ page }) => {
  const verstoesse = await beobachteCsp(page);
  await page.goto('/treffs/');
  await page.getByRole('button', { name: 'Karte laden (OpenStreetMap)' }).click();
  await expect(page.locator('.leaflet-tile-loaded').first()).toBeVisible({ timeout: 15_000 });
  await page.locator('.leaflet-marker-icon').first().click();
  await expect(page.locator('.leaflet-popup-content')).toBeVisible();
  // A Treff page with its own map, consent remembered.
  const treff = readdirSync('dist/treffs', { withFileTypes: true }).find((e) => e.isDirectory())!.name;
  await page.goto(`/treffs/${treff}/`);
  await expect(page.locator('.leaflet-tile-loaded').first()).toBeVisible({ timeout: 15_000 });
  expect(await verstoesse()).toEqual([]);
});

test('„Treffs in meiner Nähe“ darf den Standort abfragen (Permissions-Policy)', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: BASIS, geolocation: { latitude: 51.3725, longitude: 6.51 }, permissions: ['geolocation'] });
  const page = await context.newPage();
  const verstoesse = await beobachteCsp(page);
  await page.goto('/treffs/');
  await page.getByRole('button', { name: 'Treffs in meiner Nähe' }).click();
  await expect(page.locator('#qp-anzahl')).toContainText('Nach Entfernung von Ihrem Standort sortiert');
  expect(await verstoesse()).toEqual([]);
  await context.close();
});

test('Kalender: Monats- und Listenansicht ohne CSP-Verstoß', async ({ page }) => {
  const verstoesse = await beobachteCsp(page);
  await page.goto('/kalender/');
  await expect(page.getByRole('tab', { name: 'Monatsansicht' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Listenansicht' }).click();
  await expect(page.getByRole('tab', { name: 'Listenansicht' })).toHaveAttribute('aria-selected', 'true');
  expect(await verstoesse()).toEqual([]);
});

test('Suche (Pagefind, WebAssembly) findet Treffer ohne CSP-Verstoß', async ({ page }) => {
  const verstoesse = await beobachteCsp(page);
  await page.goto('/suche/');
  await page.getByLabel('Wonach suchen Sie?').fill('Elterncafé');
  await expect(page.getByRole('status')).toContainText('Treffer für „Elterncafé“');
  expect(await verstoesse()).toEqual([]);
});

test('Redaktion (Decap CMS) startet ohne CSP-Verstoß', async ({ page }) => {
  test.setTimeout(60_000);
  const verstoesse = await beobachteCsp(page);
  await page.goto('/admin/');
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page.getByRole('heading', { name: 'Termine' })).toBeVisible({ timeout: 30_000 });
  expect(await verstoesse()).toEqual([]);
});

test('nur /einbetten/ lässt sich auf fremden Seiten einbetten', async ({ page }) => {
  const verstoesse = await beobachteCsp(page);
  // The partner page shows the embed in an iframe: allowed.
  await page.goto('/fuer-partner/');
  const vorschau = page.locator('iframe').first().contentFrame();
  await expect(vorschau.locator('body')).not.toBeEmpty();
  expect(await verstoesse()).toEqual([]);
  // Any other page inside a frame on another origin is refused by frame-ancestors 'none'.
  const abgelehnt: string[] = [];
  page.on('console', (m) => {
    if (/frame-ancestors/.test(m.text())) abgelehnt.push(m.text());
  });
  await page.goto(`${BASIS.replace('127.0.0.1', 'localhost')}/gibt-es-nicht/`);
  await page.setContent(`<iframe src="${BASIS}/treffs/"></iframe><iframe src="${BASIS}/einbetten/treff/${readdirSync('dist/einbetten/treff')[0]}/"></iframe>`);
  await expect.poll(() => abgelehnt.length).toBe(1);
  // The embed page loaded in its frame; the Treff list did not.
  await expect(page.locator('iframe').nth(1).contentFrame().locator('h1, h2').first()).toBeVisible();
  expect(page.frames().some((f) => f.url() === `${BASIS}/treffs/`)).toBe(false);
});
