/**
 * A resident on a cheap phone opens a Treff page with photos: the photos load only when scrolled
 * to, as AVIF in the width the screen needs, and nothing on the page jumps when they arrive. On a
 * desktop the browser picks the small file for the two photos side by side.
 * (Example content: the Treff am Bleichpfad has two photos, the Hochbeete Angebot one.)
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './helpers';

const TREFF = '/treffs/treff-am-bleichpfad/';
const ANGEBOT = '/angebote/hochbeete-essbare-stadt/';

/** Photos requested so far (file names). */
function fotoAnfragen(page: Page): string[] {
  const liste: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (/^\/_astro\/.+\.(avif|webp|jpe?g|png)$/.test(url.pathname)) liste.push(url.pathname.split('/').pop()!);
  });
  return liste;
}

/** Layout shifts since the page started, summed like CLS. */
async function verschiebungen(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((ok) => {
        let summe = 0;
        new PerformanceObserver((liste) => {
          for (const e of liste.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) summe += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => ok(summe), 300);
      }),
  );
}

/** For each photo: the file the browser chose, its width descriptor, shown width and the width `sizes` announced. */
async function gewaehlt(page: Page) {
  const fotos = page.locator('.qp-fotos img');
  await expect.poll(() => fotos.evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
  return fotos.evaluateAll((imgs) =>
    (imgs as HTMLImageElement[]).map((i) => {
      const datei = i.currentSrc.split('/').pop()!;
      const quelle = [...i.parentElement!.querySelectorAll('source')].find((s) => s.srcset.includes(datei));
      const w = Number(new RegExp(`${datei.replace(/[.]/g, '\\.')} (\\d+)w`).exec(quelle?.srcset ?? i.srcset)?.[1]);
      // With width descriptors the intrinsic width is the slot width from `sizes`.
      return { datei, w, angezeigt: i.getBoundingClientRect().width, sizesBreite: i.naturalWidth };
    }),
  );
}

test.describe('auf dem Handy (390 px, doppelte Pixeldichte)', () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

  test('Fotos laden erst beim Scrollen, als AVIF in passender Breite, und nichts verschiebt sich', async ({ page, fremdeAnfragen }) => {
    const anfragen = fotoAnfragen(page);
    await page.goto(TREFF);
    await page.waitForLoadState('networkidle');
    expect(anfragen, 'Fotos unterhalb des sichtbaren Bereichs dürfen nicht sofort laden').toEqual([]);

    const bilder = page.locator('.qp-fotos picture');
    await expect(bilder).toHaveCount(2);
    for (const picture of await bilder.all()) {
      await expect(picture.locator('source')).toHaveCount(2);
      await expect(picture.locator('source').nth(0)).toHaveAttribute('type', 'image/avif');
      await expect(picture.locator('source').nth(1)).toHaveAttribute('type', 'image/webp');
      for (const s of await picture.locator('source').all()) await expect(s).toHaveAttribute('srcset', / 400w, .+ 800w, .+ 1200w$/);
      const img = picture.locator('img');
      await expect(img).toHaveAttribute('loading', 'lazy');
      await expect(img).toHaveAttribute('decoding', 'async');
      await expect(img).toHaveAttribute('width', '1200');
      await expect(img).toHaveAttribute('height', '800');
      expect((await img.getAttribute('alt'))!.length).toBeGreaterThan(20);
    }
    await expect(page.locator('.qp-fotos figcaption').first()).toHaveText(/Beispielbild/);

    await bilder.first().scrollIntoViewIfNeeded();
    for (const f of await gewaehlt(page)) {
      expect(f.datei).toMatch(/\.avif$/);
      expect(Math.abs(f.sizesBreite - f.angezeigt), `sizes kündigt ${f.sizesBreite} px an, gezeigt werden ${f.angezeigt} px`).toBeLessThanOrEqual(2);
      // Sharp at 2×, but not the largest file: 354 px × 2 → the 800 px file.
      expect(f.w).toBeGreaterThanOrEqual(f.angezeigt * 2);
      expect(f.w).toBe(800);
    }
    expect(await verschiebungen(page)).toBe(0);
    expect(fremdeAnfragen).toEqual([]);
    // Alt texts, figure captions, contrast of the credit line.
    const axe = await new AxeBuilder({ page }).include('.qp-fotos').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

test.describe('am Bildschirm (1280 px)', () => {
  test.use({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });

  test('zwei Fotos nebeneinander laden die kleine Datei; sizes stimmt mit der Darstellung überein', async ({ page }) => {
    await page.goto(TREFF);
    await page.locator('.qp-fotos').scrollIntoViewIfNeeded();
    const fotos = await gewaehlt(page);
    expect(fotos).toHaveLength(2);
    for (const f of fotos) {
      expect(f.datei).toMatch(/\.avif$/);
      expect(Math.abs(f.sizesBreite - f.angezeigt)).toBeLessThanOrEqual(2);
      expect(f.w).toBe(400);
    }
    expect(await verschiebungen(page)).toBe(0);
  });

  test('ein Foto auf einer einspaltigen Seite (Angebot) in voller Breite der Textspalte', async ({ page }) => {
    await page.goto(ANGEBOT);
    await page.locator('.qp-fotos').scrollIntoViewIfNeeded();
    const [f] = await gewaehlt(page);
    expect(Math.abs(f.sizesBreite - f.angezeigt)).toBeLessThanOrEqual(2);
    expect(f.angezeigt).toBeGreaterThan(700);
    expect(f.w).toBe(800);
    expect(await verschiebungen(page)).toBe(0);
  });
});
