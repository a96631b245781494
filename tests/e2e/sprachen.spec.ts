import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './helpers';

test('die arabische Startseite ist von rechts nach links und ihre Navigation läuft von rechts', async ({ page }) => {
  await page.goto('/ar/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const nav = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
  const links = nav.getByRole('link');
  const erster = (await links.first().boundingBox())!;
  const letzter = (await links.last().boundingBox())!;
  expect(erster.x).toBeGreaterThan(letzter.x);
  await expect(links.first()).toHaveText('الأحياء');
});

test('der Sprachwechsel bleibt auf derselben Seite, und Links führen in derselben Sprache weiter', async ({ page, fremdeAnfragen }) => {
  await page.goto('/treffs/freiraum21/');
  const h1 = await page.locator('h1').textContent();
  await page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/treffs\/freiraum21\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText(h1!);
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Meeting places' })).toHaveAttribute('href', '/en/treffs/');
  await expect(page.getByText('The details on this page are in German.')).toBeVisible();
  await expect(page.locator('table.qp-oeffnungszeiten th').first()).toHaveText('Monday');
  // Feeds stay one German resource for everyone.
  for (const href of await page.locator('a[href$=".ics"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
    expect(href.startsWith('/en/')).toBe(false);
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Türkçe' }).click();
  await expect(page).toHaveURL(/\/tr\/treffs\/freiraum21\/$/);
  expect(fremdeAnfragen).toEqual([]);
});

test('jede Sprachfassung nennt alle anderen als hreflang-Alternative', async ({ page }) => {
  await page.goto('/uk/quartiere/bleichpfad/');
  const alternativen = await page.locator('link[rel=alternate][hreflang]').evaluateAll((ls) => ls.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href')!).pathname}`));
  expect(alternativen).toEqual(
    expect.arrayContaining(['de /quartiere/bleichpfad/', 'en /en/quartiere/bleichpfad/', 'ar /ar/quartiere/bleichpfad/', 'tr /tr/quartiere/bleichpfad/', 'uk /uk/quartiere/bleichpfad/', 'x-default /quartiere/bleichpfad/']),
  );
});

test('eine Kurzbeschreibung in der Sprache der Seite wird gezeigt', async ({ page }) => {
  await page.goto('/ar/treffs/quartiersbuero-schinkenplatz/');
  await expect(page.getByRole('heading', { name: 'باختصار' })).toBeVisible();
  await page.goto('/treffs/quartiersbuero-schinkenplatz/');
  await expect(page.getByRole('heading', { name: 'Kurz gesagt' })).toHaveCount(0);
});

for (const url of ['/ar/', '/ar/treffs/freiraum21/', '/en/kalender/', '/tr/angebote/', '/uk/termine/elterncafe-stahldorf/']) {
  test(`axe (WCAG 2.1 AA) findet nichts auf ${url}`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(url);
    const ergebnis = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(ergebnis.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}
