/**
 * The Treff finder as a resident uses it: where is the nearest Treff, and is it open now?
 * Privacy first (no request to another host before consent), usable without JavaScript,
 * with the keyboard, and in Krefeld time on a phone set to another time zone.
 */
import { gzipSync } from 'node:zlib';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { test, expect } from './helpers';
import { entfernungKm } from '../../src/lib/entfernung';
import type { KartenDaten } from '../../src/lib/karten-daten';
import { addDays, berlinWallToInstant, wochentagVon } from '../../src/lib/time';

/** Any slippy-map tile URL ({z}/{x}/{y}.png), whichever tile server the build is configured for. */
const KACHEL = /\/\d+\/\d+\/\d+\.png(\?.*)?$/;

/** Serves every tile from a local file, so the map never reaches a tile server; counts the tiles. */
async function lokaleKacheln(page: Page): Promise<string[]> {
  const kacheln: string[] = [];
  await page.route(KACHEL, (route) => {
    kacheln.push(route.request().url());
    return route.fulfill({ path: 'tests/fixtures/kachel.png', contentType: 'image/png' });
  });
  return kacheln;
}

async function kartenDaten(request: APIRequestContext): Promise<KartenDaten> {
  return (await (await request.get('/treffs/karte.json')).json()) as KartenDaten;
}

async function karteLaden(page: Page) {
  await page.getByRole('button', { name: 'Karte laden (OpenStreetMap)' }).click();
  await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
}

/** Ids of the Treffs in the order the list shows them now. */
const reihenfolge = (page: Page, liste = '#qp-sortiert') =>
  page.locator(`${liste} > li:not([hidden])`).evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.qpOrt!));

const km = (text: string) => Number(/([\d,]+) km/.exec(text)![1].replace(',', '.'));

test.describe('Datenschutz: vor der Zustimmung', () => {
  test('keine Seite fragt einen fremden Server an, und Leaflet wird nicht geladen', async ({ page, fremdeAnfragen, request }) => {
    test.setTimeout(120_000); // about 35 pages, each until the network is idle
    const { orte, quartiere } = await kartenDaten(request);
    const seiten = [
      '/',
      '/treffs/',
      '/treffs/?quartier=diessem&stufenlos=ja',
      ...orte.filter((o) => o.typ === 'treff').map((o) => o.href),
      '/quartiere/',
      ...quartiere.map((q) => `/quartiere/${q.id}/`),
      '/angebote/',
      '/termine/',
      '/datenschutz/',
      '/impressum/',
    ];
    const skripte: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && skripte.push(r.url()));
    for (const url of seiten) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('.leaflet-container')).toHaveCount(0);
    }
    expect(fremdeAnfragen).toEqual([]);
    expect(skripte.filter((s) => s.includes('karte-modul'))).toEqual([]);
  });

  test('der Platzhalter sagt, was das Laden wohin schickt', async ({ page }) => {
    await page.goto('/treffs/');
    const box = page.locator('[data-qp-karte]');
    await expect(box).toContainText('schickt Ihr Browser Ihre IP-Adresse und den Kartenausschnitt an die Server');
    await expect(box.getByRole('button', { name: 'Karte laden (OpenStreetMap)' })).toBeVisible();
  });
});

test.describe('Karte nach Zustimmung', () => {
  test('zeigt Marker für alle Orte auf lokal ausgelieferten Kacheln und merkt sich die Zustimmung', async ({ page, fremdeAnfragen, request }) => {
    const { orte } = await kartenDaten(request);
    const kacheln = await lokaleKacheln(page);
    await page.goto('/treffs/');
    await karteLaden(page);
    await expect(page.locator('.leaflet-marker-icon')).toHaveCount(orte.length);
    await expect(page.locator('.leaflet-tile-loaded').first()).toBeVisible();
    expect(kacheln.length).toBeGreaterThan(0);
    await expect(page.locator('.leaflet-control-attribution')).toContainText('OpenStreetMap');
    expect(await page.evaluate(() => localStorage.getItem('qp-karte-zustimmung'))).toBe('ja');
    // Nothing but tiles left the page — and those were answered locally.
    expect(fremdeAnfragen.filter((u) => !KACHEL.test(u))).toEqual([]);

    // Remembered: the next page loads its map without asking again.
    await page.goto('/quartiere/diessem/');
    await expect(page.locator('.leaflet-marker-icon.qp-pin--hervor')).toHaveCount(orte.filter((o) => o.quartiere.includes('diessem')).length);

    // Revoked on the Datenschutz page: placeholder again.
    await page.goto('/datenschutz/');
    await page.getByRole('button', { name: 'Zustimmung zur Karte widerrufen' }).click();
    await expect(page.locator('[data-qp-zustimmung-stand]')).toContainText('nicht zugestimmt');
    await page.goto('/treffs/');
    await expect(page.getByRole('button', { name: 'Karte laden (OpenStreetMap)' })).toBeVisible();
    await expect(page.locator('.leaflet-container')).toHaveCount(0);
  });

  test('eine Tastatur-Nutzerin öffnet die Details eines Markers und kommt zurück', async ({ page }) => {
    await lokaleKacheln(page);
    await page.goto('/treffs/');
    const laden = page.getByRole('button', { name: 'Karte laden (OpenStreetMap)' });
    await laden.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
    // Focus went to the map; Tab walks to the markers.
    let aufMarker = false;
    for (let i = 0; i < 10 && !aufMarker; i++) {
      await page.keyboard.press('Tab');
      aufMarker = await page.evaluate(() => document.activeElement?.classList.contains('leaflet-marker-icon') ?? false);
    }
    expect(aufMarker).toBe(true);
    const name = await page.evaluate(() => document.activeElement!.getAttribute('title'));
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup');
    await expect(popup).toBeVisible();
    await expect(popup.getByRole('link', { name: name! })).toBeFocused();
    await expect(popup).toContainText('Heute:');
    await page.keyboard.press('Escape');
    await expect(popup).toHaveCount(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('title'))).toBe(name);
    // Space opens it too, as on any button.
    await page.keyboard.press(' ');
    await expect(page.locator('.leaflet-popup')).toBeVisible();
  });

  test('Listeneintrag und Marker sind in beide Richtungen verbunden', async ({ page }) => {
    await lokaleKacheln(page);
    await page.goto('/treffs/');
    await karteLaden(page);
    await page.getByRole('button', { name: 'Auf der Karte zeigen: FREIraum21' }).click();
    const popup = page.locator('.leaflet-popup');
    await expect(popup.getByRole('link', { name: 'FREIraum21' })).toBeVisible();
    await popup.getByRole('link', { name: 'In der Liste zeigen' }).click();
    await expect(page.locator('#treff-freiraum21 h3 a')).toBeFocused();
  });
});

test.describe('ohne JavaScript', () => {
  test('sind alle Treffs mit Adresse und heutigen Zeiten da, und der Treff hat seine Wochentabelle', async ({ browser, request }) => {
    const { orte } = await kartenDaten(request);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/treffs/');
    const eintraege = page.locator('li[data-qp-ort]');
    await expect(eintraege).toHaveCount(orte.filter((o) => o.typ === 'treff').length);
    for (const li of await eintraege.all()) {
      await expect(li.locator('address')).toBeVisible();
      await expect(li.locator('[data-qp-heute]')).toContainText(/Heute: (\d\d:\d\d–\d\d:\d\d|geschlossen|vorübergehend geschlossen|nach Vereinbarung|nur )/);
      await expect(li.locator('.qp-treff-karte__zeiten')).not.toBeEmpty();
    }
    // Nothing that needs a script pretends to work.
    await expect(page.locator('#qp-filter')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Karte laden (OpenStreetMap)' })).toBeHidden();
    await page.goto('/treffs/freiraum21/');
    await expect(page.locator('table.qp-oeffnungszeiten')).toBeVisible();
    await expect(page.getByRole('link', { name: /Route planen/ })).toHaveAttribute('href', /openstreetmap\.org\/directions/);
    await context.close();
  });
});

test.describe('Treffs in meiner Nähe', () => {
  async function mitStandort(browser: import('@playwright/test').Browser, erlaubt: boolean): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      geolocation: { latitude: 51.3725, longitude: 6.51 }, // Hüls, im Norden
      ...(erlaubt ? { permissions: ['geolocation'] } : {}),
    });
    if (!erlaubt) await context.clearPermissions();
    return { context, page: await context.newPage() };
  }

  test('mit freigegebenem Standort: sortiert nach Entfernung, mit km und Gehminuten', async ({ browser, request }) => {
    const { orte } = await kartenDaten(request);
    const hier = { lat: 51.3725, lon: 6.51 };
    const erwartet = orte
      .filter((o) => o.typ === 'treff')
      .map((o) => ({ id: o.id, km: entfernungKm(hier, o) }))
      .sort((a, b) => a.km - b.km)
      .map((o) => o.id);
    const { context, page } = await mitStandort(browser, true);
    await page.goto('/treffs/');
    await page.getByRole('button', { name: 'Treffs in meiner Nähe' }).click();
    await expect(page.locator('#qp-anzahl')).toContainText('Nach Entfernung von Ihrem Standort sortiert');
    expect(await reihenfolge(page)).toEqual(erwartet);
    const texte = await page.locator('#qp-sortiert [data-qp-entfernung]').allTextContents();
    expect(texte[0]).toMatch(/^\d+,\d km · ca\. \d+ Min\. zu Fuß$/);
    const kms = texte.map(km);
    expect([...kms].sort((a, b) => a - b)).toEqual(kms);
    // And back to the Quartier groups.
    await page.getByRole('button', { name: 'Wieder nach Quartier ordnen' }).click();
    await expect(page.locator('#qp-sortiert')).toBeHidden();
    await expect(page.locator('#qp-gruppen')).toBeVisible();
    await context.close();
  });

  test('ohne Freigabe: Postleitzahl wählen, sortiert genauso – und bleibt nach dem Neuladen', async ({ browser, request }) => {
    const { orte } = await kartenDaten(request);
    const { context, page } = await mitStandort(browser, false);
    await page.goto('/treffs/');
    await page.getByRole('button', { name: 'Treffs in meiner Nähe' }).click();
    await expect(page.locator('[data-qp-naehe-meldung]')).toContainText('Postleitzahl');
    const feld = page.getByLabel('Postleitzahl oder Quartier');
    await expect(feld).toBeFocused();
    await feld.selectOption('plz-47829'); // Uerdingen, im Osten
    const plz = (await page.evaluate(() => JSON.parse(document.getElementById('qp-finder')!.textContent!))).standorte.find(
      (s: { wert: string }) => s.wert === 'plz-47829',
    );
    const erwartet = orte
      .filter((o) => o.typ === 'treff')
      .map((o) => ({ id: o.id, km: entfernungKm(plz, o) }))
      .sort((a, b) => a.km - b.km)
      .map((o) => o.id);
    expect(await reihenfolge(page)).toEqual(erwartet);
    await expect(page).toHaveURL(/naehe=plz-47829/);
    await page.reload();
    expect(await reihenfolge(page)).toEqual(erwartet);
    await expect(page.getByLabel('Postleitzahl oder Quartier')).toHaveValue('plz-47829');
    await context.close();
  });
});

test.describe('Filter', () => {
  test('ändern Liste und Marker, stehen in der Adresse und überstehen das Neuladen', async ({ page, request }) => {
    const { orte } = await kartenDaten(request);
    const treffs = orte.filter((o) => o.typ === 'treff');
    await lokaleKacheln(page);
    await page.goto('/treffs/');
    await karteLaden(page);
    const sichtbar = page.locator('li[data-qp-ort]:not([hidden])');
    await expect(sichtbar).toHaveCount(treffs.length);

    await page.getByLabel('Quartier', { exact: true }).selectOption('inrath');
    const inrath = treffs.filter((o) => o.quartiere.includes('inrath'));
    await expect(sichtbar).toHaveCount(inrath.length);
    await expect(page.locator('#qp-anzahl')).toHaveText(`${inrath.length} Treffs von ${treffs.length} passen.`);
    await expect(page.locator('.leaflet-marker-icon')).toHaveCount(orte.filter((o) => o.quartiere.includes('inrath')).length);
    await expect(page).toHaveURL(/\?quartier=inrath$/);

    await page.getByLabel('Quartier', { exact: true }).selectOption('');
    await page.getByLabel('Hier spricht man').selectOption('ar');
    await page.getByLabel('Eingang stufenlos').check();
    const passend = treffs.filter((o) => o.sprachen.includes('ar') && o.stufenlos === 'ja');
    expect(passend.length).toBeGreaterThan(0);
    await expect(sichtbar).toHaveCount(passend.length);
    await expect(page.locator('.leaflet-marker-icon')).toHaveCount(passend.length); // Angebote: Zugang unbekannt
    await expect(page).toHaveURL(/\?sprache=ar&stufenlos=ja$/);

    await page.reload();
    await expect(page.getByLabel('Hier spricht man')).toHaveValue('ar');
    await expect(page.getByLabel('Eingang stufenlos')).toBeChecked();
    await expect(sichtbar).toHaveCount(passend.length);
    await expect(page.locator('.leaflet-marker-icon')).toHaveCount(passend.length);
    expect((await sichtbar.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.qpOrt))).sort()).toEqual(passend.map((o) => o.id).sort());
  });

  test('„jetzt geöffnet“ zeigt nur, was zur Ansichtszeit offen ist', async ({ page, request }) => {
    const { zeiten, orte } = await kartenDaten(request);
    const dienstag = ersterWerktag(zeiten.ab, zeiten.f, 2);
    await page.clock.setFixedTime(berlinWallToInstant(dienstag, '15:00'));
    await page.goto('/treffs/?offen=ja');
    await expect(page.getByLabel('Jetzt geöffnet')).toBeChecked();
    const offen = page.locator('li[data-qp-ort]:not([hidden])');
    await expect(offen.first()).toBeVisible();
    for (const status of await offen.locator('[data-qp-status]').allTextContents()) expect(status).toMatch(/^Jetzt geöffnet/);
    const geschlossen = await page.locator('li[data-qp-ort][hidden]').count();
    expect(geschlossen + (await offen.count())).toBe(orte.filter((o) => o.typ === 'treff').length);
    expect(geschlossen).toBeGreaterThan(0);
  });
});

/** The first day from `ab` on (not the build day itself) with ISO weekday `wt` that is no public holiday. */
function ersterWerktag(ab: string, feiertage: string[], wt: number): string {
  for (let i = 1; i < 14; i++) {
    const tag = addDays(ab, i);
    if (wochentagVon(tag) === wt && !feiertage.includes(tag)) return tag;
  }
  throw new Error('kein passender Tag');
}

test.describe('Krefelder Zeit auf einem Gerät in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('der Status rechnet in Europe/Berlin', async ({ page, request }) => {
    const { zeiten } = await kartenDaten(request);
    // FREIraum21: Mo–Do 09:00–18:00. Dienstag 10:00 in Krefeld ist 04:00 in New York.
    const dienstag = ersterWerktag(zeiten.ab, zeiten.f, 2);
    await page.clock.setFixedTime(berlinWallToInstant(dienstag, '10:00'));
    await page.goto('/treffs/freiraum21/');
    await expect(page.locator('h1 ~ [data-qp-status]')).toHaveText('Jetzt geöffnet · bis 18:00');
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');

    // 19:30 in Krefeld (13:30 in New York): closed, opens tomorrow.
    await page.clock.setFixedTime(berlinWallToInstant(dienstag, '19:30'));
    await page.goto('/treffs/');
    await expect(page.locator('#treff-freiraum21 [data-qp-status]')).toHaveText('Öffnet morgen um 09:00');
    await expect(page.locator('#treff-freiraum21 [data-qp-heute]')).toHaveText('Heute: 09:00–18:00 Uhr');
  });
});

test.describe('JavaScript-Budget (gzip)', () => {
  /** gzip size of every script the page loads (by URL), optionally after loading the map. */
  async function jsGroessen(page: Page, url: string, mitKarte = false): Promise<Record<string, number>> {
    const groessen: Record<string, number> = {};
    const mitschreiben = async (r: import('@playwright/test').Response) => {
      if (r.request().resourceType() === 'script') groessen[new URL(r.url()).pathname] = gzipSync(await r.body(), { level: 9 }).length;
    };
    page.on('response', mitschreiben);
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    if (mitKarte) {
      await karteLaden(page);
      await page.waitForLoadState('networkidle');
    }
    const inline = await page.locator('script:not([src]):not([type="application/json"]):not([type="application/ld+json"])').allTextContents();
    inline.forEach((t, i) => (groessen[`inline ${i}`] = gzipSync(t, { level: 9 }).length));
    page.off('response', mitschreiben);
    return groessen;
  }
  const summe = (g: Record<string, number>) => Object.values(g).reduce((a, b) => a + b, 0);

  test('Treff- und Quartiersseite ≤ 2 KB, Finder ≤ 15 KB vor und ≤ 60 KB nach der Zustimmung, Inhaltsseiten 0', async ({ page }) => {
    await lokaleKacheln(page);
    const seiten: Array<[string, string, boolean, number]> = [
      ['/treffs/freiraum21/', '/treffs/freiraum21/', false, 2048],
      // The other languages ship their words in the page, not in the script: the same budget.
      ['/ar/treffs/freiraum21/', '/ar/treffs/freiraum21/', false, 2048],
      ['/quartiere/diessem/', '/quartiere/diessem/', false, 2048],
      ['/treffs/', '/treffs/', false, 15 * 1024],
      ['/', '/', false, 0],
      ['/angebote/', '/angebote/', false, 0],
      ['/treffs/ mit Karte', '/treffs/', true, 60 * 1024],
    ];
    const zuViel: string[] = [];
    const messung: Record<string, number> = {};
    for (const [name, url, mitKarte, grenze] of seiten) {
      const g = await jsGroessen(page, url, mitKarte);
      messung[name] = summe(g);
      if (summe(g) > grenze) zuViel.push(`${name}: ${summe(g)} B > ${grenze} B ${JSON.stringify(g)}`);
    }
    console.log('JavaScript (gzip, Bytes):', JSON.stringify(messung));
    expect(zuViel).toEqual([]);
  });
});
