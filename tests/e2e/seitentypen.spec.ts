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

test('Text auf 200 % (Browser-Schriftgröße) bei 1280 px: nichts scrollt waagerecht, nichts wird abgeschnitten', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const probleme: string[] = [];
  for (const sprache of ['', '/ar']) {
    for (const url of [...SEITEN, '/termine/elterncafe-stahldorf/', '/kalender/']) {
      await page.goto(`${sprache}${url}`);
      // Text-only zoom: the root font size doubles, our rem-based layout must follow.
      await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
      const { breite, abgeschnitten } = await page.evaluate(() => ({
        breite: document.documentElement.scrollWidth,
        // Buttons and links whose text no longer fits in their box (clipped by overflow: hidden).
        abgeschnitten: [...document.querySelectorAll<HTMLElement>('a.qp-knopf, button')]
          .filter((el) => el.offsetParent !== null && getComputedStyle(el).overflow === 'hidden' && el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.textContent?.trim() ?? ''),
      }));
      if (breite > 1280) probleme.push(`${sprache}${url}: ${breite}px breit`);
      for (const t of abgeschnitten) probleme.push(`${sprache}${url}: „${t}“ abgeschnitten`);
    }
  }
  expect(probleme).toEqual([]);
});

test('Kontrastmodus (forced-colors) und reduzierte Bewegung werden beachtet', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await page.goto('/treffs/freiraum21/');
  // Buttons keep a visible border in Windows' high-contrast mode (backgrounds are dropped there).
  const knopf = page.locator('.qp-knopf').first();
  await expect(knopf).toBeVisible();
  expect(Number.parseFloat(await knopf.evaluate((el) => getComputedStyle(el).borderTopWidth))).toBeGreaterThanOrEqual(2);
  // No transitions or animations when the resident asked for less motion.
  const bewegt = await page.evaluate(() =>
    [...document.querySelectorAll('*')].filter((el) => {
      const s = getComputedStyle(el);
      return s.transitionDuration.split(',').some((d) => Number.parseFloat(d) > 0) || s.animationName !== 'none';
    }).length,
  );
  expect(bewegt).toBe(0);
});

test('Anführungszeichen im Text sind deutsch: "FREIraum" wird „FREIraum“, der Apostroph bleibt ’', async ({ page }) => {
  await page.goto('/treffs/freiraum21/');
  const text = page.locator('.qp-prosa').first();
  await expect(text).toContainText('Der Name „FREIraum“ sagt schon viel');
  await expect(text).toContainText('So geht’s:');
});
