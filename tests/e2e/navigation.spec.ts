import { test, expect, pruefeGrundgeruest } from './helpers';

test('eine Bewohnerin geht von der Startseite über ihr Quartier und einen Treff zu einem Angebot', async ({ page, fremdeAnfragen }) => {
  await page.goto('/');
  await pruefeGrundgeruest(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gut leben im Quartier');

  await page.getByRole('main').getByRole('link', { name: 'Stahldorf', exact: true }).click();
  await expect(page).toHaveURL(/\/quartiere\/stahldorf\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quartier Stahldorf');
  await pruefeGrundgeruest(page);

  const treffLink = page.locator('#treffs ~ ul').first().getByRole('link').first();
  const treffName = (await treffLink.textContent())!.trim();
  await treffLink.click();
  await expect(page).toHaveURL(/\/treffs\/[a-z0-9-]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(treffName);
  await expect(page.locator('table.qp-oeffnungszeiten')).toBeVisible();
  await expect(page.locator('table.qp-oeffnungszeiten th[scope=row]')).toHaveCount(7);

  const angebotLink = page.locator('.qp-karte h3 a[href^="/angebote/"]').first();
  const angebotTitel = (await angebotLink.textContent())!.trim();
  await angebotLink.click();
  await expect(page).toHaveURL(/\/angebote\/[a-z0-9-]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(angebotTitel);
  await expect(page.getByRole('link', { name: treffName })).toBeVisible();
  await pruefeGrundgeruest(page);

  expect(fremdeAnfragen).toEqual([]);
});

test('die Hauptnavigation ist bei 320 px vollständig sichtbar und ohne waagerechtes Scrollen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  for (const name of ['Quartiere', 'Treffs', 'Angebote', 'Termine']) {
    const link = page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name });
    await expect(link).toBeVisible();
    const box = (await link.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
  }
  const breite = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(breite).toBeLessThanOrEqual(320);
});

test('Telefonnummern sind tel:-Links und der Fußbereich verlinkt Impressum, Datenschutz und Barrierefreiheit', async ({ page }) => {
  await page.goto('/quartiere/schinkenplatz/');
  const tel = page.locator('main a[href^="tel:+49"]').first();
  await expect(tel).toBeVisible();
  const fuss = page.getByRole('contentinfo');
  for (const name of ['Impressum', 'Datenschutz', 'Barrierefreiheit']) {
    await expect(fuss.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  }
});
