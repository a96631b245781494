import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './helpers';

/** One URL per page type. */
const SEITENTYPEN = [
  '/',
  '/quartiere/',
  '/quartiere/schinkenplatz/',
  '/treffs/',
  '/treffs/freiraum21/',
  '/angebote/',
  '/angebote/kategorie/beratung/',
  '/angebote/frauencafe-mit-sprachpraxis/',
  '/termine/',
  '/termine/elterncafe-stahldorf/',
  '/kalender/',
  '/suche/',
  '/datenschutz/',
  '/barrierefreiheit/',
  '/leichte-sprache/',
];

for (const breite of [375, 1280]) {
  for (const url of SEITENTYPEN) {
    test(`axe (WCAG 2.1 A/AA) findet nichts auf ${url} bei ${breite} px`, async ({ page }) => {
      await page.setViewportSize({ width: breite, height: 800 });
      await page.goto(url);
      const ergebnis = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const kurz = ergebnis.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      expect(kurz).toEqual([]);
    });
  }
}

// Every page type in every other UI language too, at both widths (Arabic is laid out right to left).
for (const sprache of ['en', 'tr', 'ar', 'uk'])
  for (const breite of [375, 1280]) {
  test(`axe (WCAG 2.1 A/AA) findet nichts auf den Seitentypen in ${sprache} bei ${breite} px`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: breite, height: 800 });
    const funde: string[] = [];
    for (const url of SEITENTYPEN) {
      await page.goto(`/${sprache}${url}`);
      const ergebnis = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of ergebnis.violations) funde.push(`${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 2).join(' | ')}`);
    }
    expect(funde).toEqual([]);
  });
  }

// With the map: after consent (remembered in localStorage) Leaflet draws markers, controls and
// the attribution into the page; they must pass too. Tiles come from a local file.
const KACHEL = /\/\d+\/\d+\/\d+\.png(\?.*)?$/;
for (const sprache of ['', '/en', '/tr', '/ar', '/uk'])
  for (const breite of [375, 1280]) {
    test(`axe (WCAG 2.1 A/AA) findet nichts mit geladener Karte auf ${sprache || '/de'} bei ${breite} px`, async ({ page }) => {
      await page.route(KACHEL, (route) => route.fulfill({ path: 'tests/fixtures/kachel.png', contentType: 'image/png' }));
      await page.addInitScript(() => localStorage.setItem('qp-karte-zustimmung', 'ja'));
      await page.setViewportSize({ width: breite, height: 800 });
      const funde: string[] = [];
      for (const url of ['/treffs/', '/treffs/freiraum21/']) {
        await page.goto(`${sprache}${url}`);
        await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
        const ergebnis = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of ergebnis.violations) funde.push(`${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 2).join(' | ')}`);
      }
      expect(funde).toEqual([]);
    });
  }

test('mit der Tastatur: Sprunglink führt zum Inhalt, und der Fokus ist sichtbar', async ({ page }) => {
  await page.goto('/treffs/freiraum21/');
  await page.keyboard.press('Tab');
  const skip = page.locator('a.qp-skiplink');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#inhalt$/);
  await page.keyboard.press('Tab');
  // The next focus is inside the main content, not back in the header.
  const imInhalt = await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement));
  expect(imInhalt).toBe(true);
});
