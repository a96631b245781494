import { test as base, expect, type Page, type Request } from '@playwright/test';

/** Hosts the site may talk to: itself only. */
export function istLokal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return u.hostname === '127.0.0.1' || u.hostname === 'localhost';
}

/**
 * A `page` that records every request to another host and aborts it, so a test can assert that
 * nothing left the machine (DSGVO: no third-party request before consent).
 */
export const test = base.extend<{ fremdeAnfragen: string[] }>({
  fremdeAnfragen: async ({ page }, use) => {
    const fremde: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (istLokal(url)) return route.continue();
      fremde.push(url);
      return route.abort();
    });
    page.on('request', (req: Request) => {
      if (!istLokal(req.url()) && !fremde.includes(req.url())) fremde.push(req.url());
    });
    await use(fremde);
  },
});

export { expect };

/** Structural checks every page must pass. */
export async function pruefeGrundgeruest(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect((await page.title()).trim().length).toBeGreaterThan(3);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('a.qp-skiplink')).toHaveAttribute('href', '#inhalt');
  await expect(page.locator('main#inhalt')).toHaveCount(1);
}
