/**
 * Reaching people where they are: search, printed notices with QR codes, open data, RSS,
 * sitemap and the embed for Träger websites — checked on the built site like a resident, a
 * Quartiershelferin with a printer, a data user or a Träger's webmaster would use it.
 * Expectations come from the site's own open data, so they hold whatever day it is built.
 */
import { gzipSync } from 'node:zlib';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, pruefeGrundgeruest } from './helpers';
import { fehlerListe, geojsonFehler } from '../support/json-schema-pruefer';

/** Krefeld's bounding box as published (src/schema/fields.ts KREFELD_BBOX). */
const KREFELD = { latMin: 51.26, latMax: 51.42, lonMin: 6.47, lonMax: 6.72 };
const TREFF = 'quartierszentrum-stahldorf';

interface Geo {
  features: Array<{ id: string; properties: { name: string; url: string; quartier: string } }>;
}
interface Angebote {
  angebote: Array<{ id: string; titel: string; treff?: string }>;
}
interface Termine {
  termine: Array<{ id: string; titel: string; treff?: string; vorkommen: Array<{ datum: string; ende_datum: string; start: string; ausgefallen: boolean }> }>;
}

/** Today in Krefeld, `YYYY-MM-DD`. */
const heuteInBerlin = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

/** Path of a site URL (the built files name the public host; the tests serve them locally). */
const pfad = (url: string) => new URL(url).pathname;

test.describe('Suche', () => {
  test('lädt höchstens 30 KB JavaScript (gzip), bis jemand tippt – und pagefind erst danach', async ({ page, fremdeAnfragen }) => {
    const skripte: Array<{ url: string; gz: number }> = [];
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script' || r.url().endsWith('.js') || r.url().endsWith('.wasm') || r.url().includes('/pagefind/'))
        skripte.push({ url: r.url(), gz: gzipSync(await r.body().catch(() => Buffer.alloc(0))).length });
    });
    await page.goto('/suche/');
    await page.waitForLoadState('networkidle');
    await pruefeGrundgeruest(page);
    // Small scripts are inlined into the HTML by Astro: they count too.
    for (const text of await page.locator('script:not([src])').allTextContents()) skripte.push({ url: 'inline', gz: gzipSync(text).length });
    const vorher = skripte.filter((s) => !s.url.includes('/pagefind/'));
    const summe = vorher.reduce((n, s) => n + s.gz, 0);
    console.log(`JS auf /suche/ vor dem Tippen: ${(summe / 1024).toFixed(1)} KB gz in ${vorher.length} Skript(en)`);
    expect(vorher.length).toBeGreaterThan(0);
    expect(summe).toBeLessThanOrEqual(30 * 1024);
    expect(skripte.filter((s) => s.url.includes('/pagefind/'))).toEqual([]);

    await page.getByLabel('Wonach suchen Sie?').fill('Elterncafé');
    await expect(page.getByRole('status')).toContainText('Treffer für „Elterncafé“');
    expect(skripte.some((s) => s.url.includes('/pagefind/pagefind.js'))).toBe(true);
    expect(fremdeAnfragen).toEqual([]);
  });

  test('findet „Elterncafé“ beim richtigen Treff, nach Art gruppiert, mit Quartier', async ({ page, request }) => {
    const geo = (await (await request.get('/daten/treffs.geojson')).json()) as Geo;
    const treff = geo.features.find((f) => f.id === TREFF)!.properties;
    await page.goto('/suche/?q=Elterncaf%C3%A9');
    const treffs = page.getByRole('region', { name: 'Treffs' });
    await expect(treffs.getByRole('link', { name: treff.name })).toHaveAttribute('href', `/treffs/${TREFF}/`);
    await expect(treffs).toContainText('Quartier Stahldorf');
    const angebote = page.getByRole('region', { name: 'Angebote' });
    await expect(angebote.getByRole('link', { name: 'Elterncafé', exact: true })).toBeVisible();
    await expect(angebote.locator('li', { hasText: 'Elterncafé' }).first()).toContainText(treff.name);
    await expect(page.getByRole('region', { name: 'Termine' }).getByRole('link', { name: 'Elterncafé' })).toBeVisible();
    // The overview is only for when there is no result.
    await expect(page.getByRole('heading', { name: 'Alles auf einen Blick' })).toBeHidden();
  });

  test('ein Index auf Deutsch (der Inhalt ist deutsch); auf /en/suche/ öffnen Treffer die englische Seite', async ({ page, request }) => {
    const eintrag = (await (await request.get('/pagefind/pagefind-entry.json')).json()) as { languages: Record<string, unknown> };
    expect(Object.keys(eintrag.languages)).toEqual(['de']);
    await page.goto('/en/suche/?q=Elterncaf%C3%A9');
    await expect(page.locator(`[data-qp-suche-ergebnisse] a[href="/en/treffs/${TREFF}/"]`)).toBeVisible();
    await expect(page.locator('[data-qp-suche-ergebnisse] a[href^="/treffs/"], [data-qp-suche-ergebnisse] a[href^="/termine/"]')).toHaveCount(0);
  });

  test('findet „Sprechstunde“ bei den Treffs, an denen sie stattfindet, und filtert nach Art', async ({ page, request }) => {
    const geo = (await (await request.get('/daten/treffs.geojson')).json()) as Geo;
    const angebote = (await (await request.get('/daten/angebote.json')).json()) as Angebote;
    const treffName = new Map(geo.features.map((f) => [f.id, f.properties.name]));
    const sprechstunden = angebote.angebote.filter((a) => a.titel.startsWith('Sprechstunde') && a.treff);
    expect(sprechstunden.length).toBeGreaterThan(3);

    await page.goto('/suche/');
    await page.getByLabel('Wonach suchen Sie?').fill('Sprechstunde');
    const gruppe = page.getByRole('region', { name: 'Angebote' });
    for (const a of sprechstunden) {
      const eintrag = gruppe.locator('li').filter({ has: page.getByRole('link', { name: a.titel, exact: true }) });
      await expect(eintrag).toContainText(treffName.get(a.treff!)!);
    }
    await page.getByRole('radio', { name: 'Angebote' }).check();
    await expect(page).toHaveURL(/typ=Angebot/);
    await expect(page.getByRole('region', { name: 'Termine' })).toHaveCount(0);
    await expect(gruppe).toBeVisible();
  });

  test('das Suchfeld im Kopf jeder Seite funktioniert ohne JavaScript und führt zu allem nach Bereichen', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const url of ['/', '/treffs/', `/treffs/${TREFF}/`, '/daten/']) {
      await page.goto(url);
      await expect(page.getByRole('search', { name: 'Portal durchsuchen' })).toBeVisible();
    }
    await page.getByRole('searchbox', { name: 'Suchbegriff' }).fill('Deutschkurs');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await expect(page).toHaveURL(/\/suche\/\?q=Deutschkurs$/);
    await expect(page.getByRole('heading', { name: 'Alles auf einen Blick' })).toBeVisible();
    for (const [name, href] of [['Alle Treffs mit Öffnungszeiten', '/treffs/'], ['Alle Angebote nach Themen', '/angebote/'], ['Alle nächsten Termine', '/termine/'], ['Alle Quartiere', '/quartiere/']])
      await expect(page.getByRole('link', { name })).toHaveAttribute('href', href);
    await expect(page.getByRole('link', { name: /Deutschkurs/ }).first()).toBeVisible();
    await context.close();
  });
});

test.describe('Offene Daten', () => {
  test('jede Datei passt zu ihrem JSON Schema; treffs.geojson folgt GeoJSON in Krefeld', async ({ request }) => {
    for (const [datei, schema] of [
      ['treffs.geojson', 'treffs.schema.json'],
      ['angebote.json', 'angebote.schema.json'],
      ['termine.json', 'termine.schema.json'],
      ['feeds.json', 'feeds.schema.json'],
    ]) {
      const d = await request.get(`/daten/${datei}`);
      expect(d.status(), datei).toBe(200);
      const s = await (await request.get(`/daten/${schema}`)).json();
      expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(fehlerListe(s, await d.json()), datei).toEqual([]);
    }
    const geo = await (await request.get('/daten/treffs.geojson')).json();
    expect(geojsonFehler(geo, KREFELD)).toEqual([]);
    expect(geo.features[0].properties.opening_hours).toBeTruthy();
    expect(geo.metadaten.lizenz.kennung).toBe('dl-de/by-2-0');
  });

  test('feeds.json nennt nur Kalender, die es wirklich gibt', async ({ request }) => {
    const { feeds } = (await (await request.get('/daten/feeds.json')).json()) as { feeds: Array<{ url: string }> };
    expect(feeds.length).toBeGreaterThan(20);
    for (const f of feeds) {
      const r = await request.get(pfad(f.url));
      expect(r.status(), f.url).toBe(200);
      expect(await r.text(), f.url).toContain('BEGIN:VCALENDAR');
    }
  });

  test('termine.json hat die Vorkommen der nächsten 90 Tage', async ({ request }) => {
    const t = (await (await request.get('/daten/termine.json')).json()) as Termine & { zeitraum: { von: string; bis: string } };
    const tage = (Date.parse(t.zeitraum.bis) - Date.parse(t.zeitraum.von)) / 86_400_000;
    expect(tage).toBe(90);
    const alle = t.termine.flatMap((x) => x.vorkommen.map((v) => v.datum));
    expect(alle.length).toBeGreaterThan(10);
    expect(alle.every((d) => d >= t.zeitraum.von && d < t.zeitraum.bis)).toBe(true);
  });

  test('/daten/ beschreibt Lizenz, Dateien und Felder', async ({ page, fremdeAnfragen }) => {
    await page.goto('/daten/');
    await pruefeGrundgeruest(page);
    await expect(page.getByRole('link', { name: /Datenlizenz Deutschland – Namensnennung – Version 2\.0/ })).toBeVisible();
    for (const datei of ['treffs.geojson', 'angebote.json', 'termine.json', 'feeds.json']) await expect(page.locator('.qp-daten-dateien').getByRole('link', { name: datei, exact: true })).toBeVisible();
    await page.locator('summary', { hasText: 'Felder in treffs.geojson' }).click();
    await expect(page.getByRole('cell', { name: 'Postleitzahl' }).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: /opening_hours/ }).first()).toBeVisible();
    expect((await (await page.request.get('/daten/lizenz.txt')).text())).toContain('dl-de/by-2-0');
    expect(fremdeAnfragen).toEqual([]);
  });
});

test.describe('RSS, Sitemap, robots.txt, Vorschaubilder', () => {
  test('RSS ist gültiges XML und verlinkt vorhandene Termin- und Angebotsseiten', async ({ page, request }) => {
    const xml = await (await request.get('/rss.xml')).text();
    await page.goto('/');
    const items = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      return [...doc.querySelectorAll('item')].map((i) => ({ link: i.querySelector('link')?.textContent ?? '', guid: i.querySelector('guid')?.textContent ?? '' }));
    }, xml);
    expect(items).not.toBeNull();
    expect(items!.length).toBeGreaterThan(5);
    expect(items!.some((i) => pfad(i.link).startsWith('/termine/'))).toBe(true);
    expect(items!.some((i) => pfad(i.link).startsWith('/angebote/'))).toBe(true);
    expect(new Set(items!.map((i) => i.guid)).size).toBe(items!.length);
    for (const i of items!) expect((await request.get(pfad(i.link))).status(), i.link).toBe(200);
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', '/rss.xml');
  });

  test('Sitemap listet die öffentlichen Seiten, aber keine Aushänge, Einbettungen oder /admin/', async ({ request }) => {
    const index = await (await request.get('/sitemap-index.xml')).text();
    const teile = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(teile.length).toBeGreaterThan(0);
    const urls = (await Promise.all(teile.map(async (t) => (await request.get(pfad(t))).text()))).flatMap((x) => [...x.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => pfad(m[1])));
    for (const p of ['/', '/suche/', '/daten/', '/fuer-partner/', `/treffs/${TREFF}/`, '/quartiere/stahldorf/']) expect(urls).toContain(p);
    expect(urls.filter((u) => /\/admin\/|\/einbetten\/|\/aushang\/$/.test(u))).toEqual([]);
    for (const u of urls) expect((await request.get(u)).status(), u).toBe(200);
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/^Disallow: \/admin\/$/m);
    expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
  });

  test('eine Treffseite hat Canonical, Open Graph und ein eigenes Vorschaubild (1200×630 PNG)', async ({ page, request }) => {
    await page.goto(`/treffs/${TREFF}/`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/treffs/${TREFF}/$`));
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Quartierszentrum Stahldorf');
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    const bild = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(pfad(bild!)).toBe(`/og/treffs/${TREFF}.png`);
    const png = await (await request.get(pfad(bild!))).body();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

test.describe('Aushänge zum Ausdrucken', () => {
  test('der Monatsaushang eines Treffs passt auf genau eine A4-Seite', async ({ page }) => {
    await page.goto(`/treffs/${TREFF}/aushang/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quartierszentrum Stahldorf');
    await expect(page.getByRole('heading', { name: 'Öffnungszeiten' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Regelmäßige Angebote' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Termine im / })).toBeVisible();
    await expect(page.getByText('Treffleitung Quartierszentrum Stahldorf')).toBeVisible();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    // A4 in PostScript points: 595 × 842
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  test('die QR-Codes des Aushangs führen zur Treffseite und zum Kalender des Treffs', async ({ page }) => {
    await page.goto(`/treffs/${TREFF}/aushang/`);
    const site = new URL((await page.locator('link[rel="canonical"]').getAttribute('href'))!).origin;
    const bilder = await page.locator('figure.qp-qr svg').evaluateAll(async (svgs) => {
      const ergebnis: Array<{ breite: number; hoehe: number; pixel: number[] }> = [];
      for (const svg of svgs) {
        const text = new XMLSerializer().serializeToString(svg);
        const img = new Image();
        img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 400;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, 400, 400);
        ctx.drawImage(img, 0, 0, 400, 400);
        ergebnis.push({ breite: 400, hoehe: 400, pixel: [...ctx.getImageData(0, 0, 400, 400).data] });
      }
      return ergebnis;
    });
    const gelesen = bilder.map((b) => jsQR(Uint8ClampedArray.from(b.pixel), b.breite, b.hoehe)?.data);
    expect(gelesen).toEqual([`${site}/treffs/${TREFF}/`, `${site}/kalender/treff/${TREFF}.ics`]);
  });

  test('alle Aushänge (Treffs, Quartiere, Termine) passen beim Drucken auf ihr Blatt', async ({ page, request }) => {
    test.setTimeout(120_000);
    const geo = (await (await request.get('/daten/treffs.geojson')).json()) as Geo;
    const termine = (await (await request.get('/daten/termine.json')).json()) as Termine;
    const quartiere = [...new Set(geo.features.map((f) => f.properties.quartier))];
    const seiten = [
      ...geo.features.map((f) => `/treffs/${f.id}/aushang/`),
      ...quartiere.map((q) => `/quartiere/${q}/aushang/`),
      // Termine have a notice while dates are to come (src/data/termine.ts, hatAushang).
      ...termine.termine.filter((t) => t.vorkommen.some((v) => v.ende_datum >= heuteInBerlin())).map((t) => `/termine/${t.id}/aushang/`),
    ];
    await page.emulateMedia({ media: 'print' });
    const zuVoll: string[] = [];
    for (const url of seiten) {
      expect((await page.goto(url))?.status(), url).toBe(200);
      const blatt = page.locator('main.qp-aushang');
      const { inhalt, platz } = await blatt.evaluate((el) => ({ inhalt: el.scrollHeight, platz: el.clientHeight }));
      if (inhalt > platz + 1) zuVoll.push(`${url}: ${inhalt} > ${platz}`);
    }
    expect(zuVoll).toEqual([]);
  });

  test('Treff-, Quartiers- und Terminseiten verlinken ihren Aushang; der Termin-Aushang ist A6', async ({ page }) => {
    await page.goto(`/treffs/${TREFF}/`);
    await expect(page.getByRole('link', { name: /Aushang zum Ausdrucken \(A4/ })).toHaveAttribute('href', `/treffs/${TREFF}/aushang/`);
    await page.goto('/quartiere/stahldorf/');
    await expect(page.getByRole('link', { name: /Monatsaushang zum Ausdrucken/ })).toHaveAttribute('href', '/quartiere/stahldorf/aushang/');
    await page.goto('/termine/elterncafe-stahldorf/');
    await page.getByRole('link', { name: /Aushang zum Ausdrucken \(A6/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elterncafé');
    const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true }));
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize().width).toBeCloseTo(297.6, 0); // A6: 105 mm
  });
});

test.describe('Einbetten auf Webseiten der Träger', () => {
  test('die kleine Seite zeigt die nächsten Termine des Treffs – ohne Skripte, Cookies oder fremde Anfragen', async ({ page, context, request, fremdeAnfragen }) => {
    const termine = (await (await request.get('/daten/termine.json')).json()) as Termine;
    const erwartet = termine.termine
      .filter((t) => t.treff === TREFF)
      .flatMap((t) => t.vorkommen.map((v) => ({ titel: t.titel, start: v.start })))
      .sort((a, b) => a.start.localeCompare(b.start) || a.titel.localeCompare(b.titel, 'de'))
      .slice(0, 5)
      .map((x) => x.titel);
    expect(erwartet.length).toBeGreaterThan(0);

    await page.goto(`/einbetten/treff/${TREFF}/`);
    await expect(page.getByRole('heading', { name: 'Die nächsten Termine' })).toBeVisible();
    const eintraege = page.locator('main li');
    await expect(eintraege).toHaveCount(erwartet.length);
    for (const [i, titel] of erwartet.entries()) await expect(eintraege.nth(i).getByRole('link')).toHaveText(titel);
    await expect(page.locator('script')).toHaveCount(0);
    await expect(page.locator('link[rel="stylesheet"], img, iframe')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    expect(await context.cookies()).toEqual([]);
    expect(fremdeAnfragen).toEqual([]);
  });

  test('die Partnerseite erklärt das Einbetten und gibt für jeden Treff den Code zum Kopieren', async ({ page }) => {
    await page.goto('/fuer-partner/');
    await pruefeGrundgeruest(page);
    await page.getByText('Quartierszentrum Stahldorf', { exact: true }).click();
    const code = await page.getByLabel('Code für „Quartierszentrum Stahldorf“ zum Kopieren').inputValue();
    expect(code).toMatch(new RegExp(`^<iframe src="https?://[^"]+/einbetten/treff/${TREFF}/" title="Die nächsten Termine: Quartierszentrum Stahldorf"`));
    expect(code).toContain('referrerpolicy="no-referrer"');
    // The preview on the page is the same embed.
    await expect(page.frameLocator('iframe.qp-partner__vorschau').getByRole('heading', { name: 'Die nächsten Termine' })).toBeVisible();
  });
});

test.describe('Barrierefreiheit der neuen Seiten', () => {
  for (const url of ['/suche/', '/suche/?q=Sprechstunde', '/daten/', '/fuer-partner/', `/treffs/${TREFF}/aushang/`, '/termine/elterncafe-stahldorf/aushang/', `/einbetten/treff/${TREFF}/`])
    for (const breite of [375, 1280])
      test(`axe (WCAG 2.1 A/AA) findet nichts auf ${url} bei ${breite} px`, async ({ page }) => {
        await page.setViewportSize({ width: breite, height: 800 });
        await page.goto(url);
        if (url.includes('?q=')) await expect(page.getByRole('status')).toContainText('Treffer');
        const ergebnis = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(ergebnis.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
        const breit = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(breit, 'kein waagerechtes Scrollen').toBeLessThanOrEqual(breite);
      });
});

