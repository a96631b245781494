import { test, expect, pruefeGrundgeruest } from './helpers';

/** One URL per page type; each must have lang, a title, exactly one h1, and load nothing from elsewhere. */
const SEITEN = [
  '/',
  '/quartiere/',
  '/quartiere/bleichpfad/',
  '/treffs/',
  '/treffs/freiraum21/',
  '/angebote/',
  '/angebote/kategorie/beratung/',
  '/termine/',
  '/impressum/',
  '/datenschutz/',
  '/barrierefreiheit/',
  '/leichte-sprache/',
  '/ueber-uns/',
];

for (const url of SEITEN) {
  test(`${url} hat Sprache, Titel, genau eine Hauptüberschrift und lädt nichts von fremden Servern`, async ({ page, fremdeAnfragen }) => {
    const antwort = await page.goto(url);
    expect(antwort?.status()).toBe(200);
    await pruefeGrundgeruest(page);
    await page.waitForLoadState('networkidle');
    expect(fremdeAnfragen).toEqual([]);
  });
}

test('jede Angebots- und Terminseite hat Titel und genau eine Hauptüberschrift', async ({ page, fremdeAnfragen }) => {
  for (const liste of ['/angebote/kategorie/begegnung/', '/termine/']) {
    await page.goto(liste);
    const href = await page.locator('main a[href^="/angebote/"], main a[href^="/termine/"]').first().getAttribute('href');
    expect(href).toBeTruthy();
    await page.goto(href!);
    await pruefeGrundgeruest(page);
  }
  expect(fremdeAnfragen).toEqual([]);
});

test('Seiten mit Beispieldaten sagen das deutlich', async ({ page }) => {
  await page.goto('/treffs/freiraum21/');
  await expect(page.getByText('Beispieldaten').first()).toBeVisible();
});

/** Script elements that are code, not data (JSON for the status script, JSON-LD). */
const CODE = 'script:not([type="application/ld+json"]):not([type="application/json"])';

test('ohne JavaScript sind alle Inhalte da; Inhaltsseiten laden kein Skript, Treff- und Quartiersseiten nur das kleine Status-Skript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const url of ['/', '/termine/']) {
    await page.goto(url);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator(CODE)).toHaveCount(0);
  }
  // Treff and Quartier pages: only small bundled modules — the status ("Jetzt geöffnet") with the map's
  // consent gate, and the calendar's "Abonnieren"; tests/e2e/treff-finder.spec.ts measures the 2 KB gz limit.
  for (const url of ['/quartiere/bleichpfad/', '/treffs/freiraum21/']) {
    await page.goto(url);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator(`${CODE}:not([type="module"][src^="/_astro/"])`)).toHaveCount(0);
    await expect(page.locator(`${CODE}[src^="/_astro/StatusUndKarte"]`)).toHaveCount(1);
  }
  await page.goto('/treffs/freiraum21/');
  await expect(page.locator('table.qp-oeffnungszeiten')).toBeVisible();
  await context.close();
});

test('keine Seite scrollt bei 320 px Breite waagerecht', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const zuBreit: string[] = [];
  for (const url of [...SEITEN, '/treffs/nachbarschaftstreff-dieselstrasse/', '/termine/elterncafe-stahldorf/', '/angebote/spielcontainer-albrechtplatz/']) {
    await page.goto(url);
    const breite = await page.evaluate(() => document.documentElement.scrollWidth);
    if (breite > 320) zuBreit.push(`${url}: ${breite}px`);
  }
  expect(zuBreit).toEqual([]);
});
