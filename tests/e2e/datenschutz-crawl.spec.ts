import { readFileSync } from 'node:fs';
import { test, expect } from './helpers';

/**
 * DSGVO: before the resident agrees to anything, no page may ask another host for anything —
 * no fonts, tiles, CDNs, analytics — and no cookie may be set. Crawls every German page in the
 * sitemap plus the home page and one Treff page of every other language.
 */
const alleSeiten = [...readFileSync('dist/sitemap-0.xml', 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
const deutsch = alleSeiten.filter((p) => !/^\/(en|tr|ar|uk)\//.test(p));
// The other languages: one page of each kind per language (same templates, other words; the
// German crawl covers every entry). Kind = the path with its last segment replaced when it names an entry.
const art = (p: string) => p.replace(/^\/(en|tr|ar|uk)\//, '/').replace(/\/[^/]+\/$/, (x) => (/^\/(quartiere|treffs|angebote|termine|kalender|suche)\/$/.test(x) ? x : '/*/'));
const andere = ['en', 'tr', 'ar', 'uk'].flatMap((sprache) => {
  const erste = new Map<string, string>();
  for (const p of alleSeiten) if (p.startsWith(`/${sprache}/`) && !erste.has(art(p))) erste.set(art(p), p);
  return [...erste.values()];
});

test('keine Seite fragt vor einer Zustimmung einen fremden Server an, und keine setzt Cookies', async ({ page, context, fremdeAnfragen }) => {
  test.setTimeout(600_000);
  expect(deutsch.length).toBeGreaterThan(100);
  // Every kind of page in every language: start, lists, Treff, Angebot, Termin, Quartier, calendar months, search, free pages.
  for (const sprache of ['en', 'tr', 'ar', 'uk'])
    expect(andere.filter((p) => p.startsWith(`/${sprache}/`)).length, sprache).toBeGreaterThanOrEqual(10);
  const mitFremden: string[] = [];
  for (const pfad of [...deutsch, ...andere]) {
    const vorher = fremdeAnfragen.length;
    await page.goto(pfad, { waitUntil: 'load' });
    if (fremdeAnfragen.length > vorher) mitFremden.push(`${pfad}: ${fremdeAnfragen.slice(vorher).join(', ')}`);
  }
  expect(mitFremden).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('mit der Tastatur einen Treff finden und seine Öffnungszeiten lesen', async ({ page }) => {
  await page.goto('/');
  // Tab through the header to the main navigation link "Treffs" and follow it.
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Treffs') break;
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/treffs\/$/);
  // Find the first Treff link by keyboard.
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute?.('href') ?? '');
    if (/^\/treffs\/[a-z0-9-]+\/$/.test(href)) break;
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/treffs\/[a-z0-9-]+\/$/);
  await expect(page.locator('table.qp-oeffnungszeiten')).toBeVisible();
  await expect(page.locator('table.qp-oeffnungszeiten th[scope=row]').first()).toHaveText('Montag');
});

test('mit der Tastatur einen Termin finden und abonnieren', async ({ page }) => {
  await page.goto('/termine/elterncafe-stahldorf/');
  let gefunden = '';
  for (let i = 0; i < 120 && !gefunden; i++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute?.('href') ?? '');
    if (href.endsWith('serie.ics')) gefunden = href;
  }
  expect(gefunden).toMatch(/\/termine\/elterncafe-stahldorf\/serie\.ics$/);
  const antwort = await page.request.get(gefunden);
  expect(antwort.headers()['content-type']).toContain('text/calendar');
  expect(await antwort.text()).toContain('BEGIN:VCALENDAR');
});
