/**
 * The Veranstaltungskalender as residents use it, against the built site: filter and share,
 * go back, read it on a phone or without JavaScript, take a date into their own calendar,
 * subscribe. What the calendar shows comes from the month files; the feed in dist/, read with
 * ical.js, must hold the same dates.
 */
import { gzipSync } from 'node:zlib';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './helpers';
import type { KalenderEintrag } from '../../src/lib/kalender';
import { terminUid } from '../../src/lib/ical';
import { addDays, berlinParts, berlinTagesbeginn } from '../../src/lib/time';
import { eigenschaften, instanzen, zeitzonen } from '../unit/ical-lesen';

interface KalenderDaten {
  heute: string;
  monate: string[];
  /** All month files, merged by id (an event spanning two months is in both files). */
  eintraege: KalenderEintrag[];
  /** Entries of the current month's file. */
  monat: KalenderEintrag[];
}

async function kalenderDaten(page: Page, request: APIRequestContext): Promise<KalenderDaten> {
  await page.goto('/kalender/');
  const wurzel = page.locator('[data-qp-kalender]');
  const heute = (await wurzel.getAttribute('data-heute'))!;
  const monate: string[] = JSON.parse((await wurzel.getAttribute('data-monate'))!);
  const dateien = await Promise.all(monate.map(async (m) => (await (await request.get(`/kalender/daten/${m}.json`)).json()) as KalenderEintrag[]));
  const eintraege = [...new Map(dateien.flat().map((e) => [e.id, e])).values()];
  return { heute, monate, eintraege, monat: dateien[0] };
}

const startVon = (e: KalenderEintrag) => (e.ganztaegig ? berlinTagesbeginn(e.start) : new Date(e.start));
const terminIdVon = (e: KalenderEintrag) => e.id.slice(0, e.id.lastIndexOf('@'));
const haeufigster = (werte: string[]) =>
  [...werte.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];

/** The calendar's event links (FullCalendar renders each event as a link to its page). */
const ereignisLinks = (page: Page) => page.locator('[data-qp-kalender-ansicht] a[href^="/termine/"]');
const status = (page: Page) => page.locator('[data-qp-kalender-status]');
/** A field of the calendar's filter form (the page has other fields, e.g. the site search). */
const feld = (page: Page, name: string) => page.locator('[data-qp-kalender-filter]').getByLabel(name, { exact: true });

test.describe('Kalender mit JavaScript', () => {
  test('zeigt die Termine des Monats, verlinkt jede Terminseite und fragt keinen fremden Server', async ({ page, request, fremdeAnfragen }) => {
    const { monat, heute } = await kalenderDaten(page, request);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/kalender/');
    await expect(status(page)).toContainText(`${monat.length} Termin`);
    await expect(page.getByRole('tab', { name: 'Monatsansicht' })).toHaveAttribute('aria-selected', 'true');
    // The list shows every remaining event of the month, each a link to its page.
    await page.getByRole('tab', { name: 'Listenansicht' }).click();
    await expect(page).toHaveURL(/ansicht=liste/);
    const heuteBeginn = berlinTagesbeginn(heute);
    const kommend = monat.filter((e) => (e.ganztaegig ? e.ende! > heute : new Date(e.ende ?? e.start) > heuteBeginn));
    await expect(ereignisLinks(page)).toHaveCount(kommend.length);
    const hrefs = new Set(await ereignisLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
    expect([...hrefs].sort()).toEqual([...new Set(kommend.map((e) => e.url))].sort());
    // The programme without JavaScript is replaced by the calendar.
    await expect(page.locator('[data-qp-ohne-js]')).toBeHidden();
    await page.waitForLoadState('networkidle');
    expect(fremdeAnfragen).toEqual([]);
  });

  test('ausgefallene Termine sind durchgestrichen und nennen den Grund', async ({ page, request }) => {
    const { eintraege } = await kalenderDaten(page, request);
    const ausfall = eintraege.find((e) => e.ausgefallen && e.grund && startVon(e) > new Date());
    test.skip(!ausfall, 'kein kommender Ausfall in den Inhalten');
    await page.goto(`/kalender/?ansicht=liste&datum=${ausfall!.start.slice(0, 7)}-01`);
    const eintrag = ereignisLinks(page).filter({ hasText: ausfall!.grund! }).first();
    await expect(eintrag).toBeVisible();
    await expect(eintrag.locator('s')).toHaveText(ausfall!.titel);
    await expect(eintrag).toContainText(`Fällt aus: ${ausfall!.grund}`);
  });

  test('Filter stehen in der URL, lassen sich teilen, und die Zurück-Taste nimmt sie zurück', async ({ page, request, fremdeAnfragen }) => {
    const { monat, eintraege } = await kalenderDaten(page, request);
    await page.setViewportSize({ width: 1280, height: 900 });
    const quartier = haeufigster(monat.map((e) => e.quartier))!;
    const imQuartier = monat.filter((e) => e.quartier === quartier);
    const kategorie = haeufigster(imQuartier.map((e) => e.kategorie))!;
    const beide = imQuartier.filter((e) => e.kategorie === kategorie);

    await page.goto('/kalender/');
    await expect(status(page)).toContainText(`${monat.length} Termin`);
    await feld(page, 'Quartier').selectOption(quartier);
    await expect(page).toHaveURL(new RegExp(`[?&]quartier=${quartier}(&|$)`));
    await expect(status(page)).toContainText(`${imQuartier.length} ${imQuartier.length === 1 ? 'Termin' : 'Termine'} für Ihre Auswahl`);
    // Only events of that Quartier are left (the grid also shows days of the neighbouring months).
    const erlaubt = new Set(eintraege.filter((e) => e.quartier === quartier).map((e) => e.url));
    const hrefs = await ereignisLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(erlaubt.has(href), href).toBe(true);
    // "Abonnieren" follows the filter.
    await expect(page.getByLabel('Adresse des Kalenders (zum Kopieren)')).toHaveValue(new RegExp(`/kalender/quartier/${quartier}\\.ics$`));

    await feld(page, 'Thema').selectOption(kategorie);
    await expect(page).toHaveURL(new RegExp(`kategorie=${kategorie}`));
    await expect(status(page)).toContainText(`${beide.length} ${beide.length === 1 ? 'Termin' : 'Termine'}`);
    await expect(page.getByLabel('Adresse des Kalenders (zum Kopieren)')).toHaveValue(new RegExp(`/kalender/quartier/${quartier}/${kategorie}\\.ics$`));
    const geteilt = page.url();

    await page.goBack();
    await expect(page).not.toHaveURL(/kategorie=/);
    await expect(page).toHaveURL(new RegExp(`quartier=${quartier}`));
    await expect(feld(page, 'Thema')).toHaveValue('');
    await expect(feld(page, 'Quartier')).toHaveValue(quartier);
    await expect(status(page)).toContainText(`${imQuartier.length} ${imQuartier.length === 1 ? 'Termin' : 'Termine'}`);

    await page.goBack();
    await expect(page).not.toHaveURL(/quartier=/);
    await expect(feld(page, 'Quartier')).toHaveValue('');
    await expect(status(page)).toContainText(`${monat.length} Termin`);

    // The shared address opens the same selection.
    await page.goto(geteilt);
    await expect(feld(page, 'Quartier')).toHaveValue(quartier);
    await expect(feld(page, 'Thema')).toHaveValue(kategorie);
    await expect(status(page)).toContainText(`${beide.length} ${beide.length === 1 ? 'Termin' : 'Termine'} für Ihre Auswahl`);
    expect(fremdeAnfragen).toEqual([]);
  });

  test('„Nur kostenlose“ und „Nur stufenlos“ filtern wie die Daten sagen', async ({ page, request }) => {
    const { monat } = await kalenderDaten(page, request);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/kalender/');
    await feld(page, 'Nur kostenlose').check();
    await feld(page, 'Nur stufenlos erreichbare').check();
    await expect(page).toHaveURL(/kostenlos=1/);
    await expect(page).toHaveURL(/stufenlos=1/);
    const n = monat.filter((e) => e.kostenlos && e.stufenlos).length;
    await expect(status(page)).toContainText(`${n === 0 ? 'Keine' : n} ${n === 1 ? 'Termin' : 'Termine'} für Ihre Auswahl`);
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await expect(page).not.toHaveURL(/kostenlos=/);
    await expect(status(page)).toContainText(`${monat.length} Termin`);
  });

  test('auf dem Handy (390 px) startet die Liste ab heute, ohne waagerechtes Scrollen', async ({ page, request }) => {
    const { monat, heute } = await kalenderDaten(page, request);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/kalender/');
    await expect(page.getByRole('tab', { name: 'Listenansicht' })).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/ansicht=liste/);
    const heuteBeginn = berlinTagesbeginn(heute);
    const kommend = monat.filter((e) => (e.ganztaegig ? e.ende! > heute : new Date(e.ende ?? e.start) > heuteBeginn));
    await expect(status(page)).toContainText(`${kommend.length === 0 ? 'Keine' : kommend.length} ${kommend.length === 1 ? 'Termin' : 'Termine'}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Filters fold away on a phone and open with one tap.
    await expect(feld(page, 'Quartier')).toBeHidden();
    await page.getByText('Termine filtern').click();
    await expect(feld(page, 'Quartier')).toBeVisible();
    // Every button of the calendar is a 48 px target.
    for (const knopf of await page.locator('[data-qp-kalender-ansicht] button').all()) {
      const box = await knopf.boundingBox();
      if (box) expect(box.height).toBeGreaterThanOrEqual(44);
    }
  });

  test('zeigt Krefelder Zeit auch auf einem Gerät in New York', async ({ browser, request }) => {
    const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const { eintraege, heute } = await kalenderDaten(page, request);
    const e = eintraege.find((x) => !x.ganztaegig && x.ende && new Date(x.start) > berlinTagesbeginn(addDays(heute, 1)))!;
    const p = berlinParts(new Date(e.start));
    await page.goto(`/kalender/?ansicht=liste&datum=${p.datum}`);
    const zeile = ereignisLinks(page).filter({ hasText: e.titel }).first();
    await expect(zeile).toContainText(`${p.zeit}–${berlinParts(new Date(e.ende!)).zeit}`);
    await context.close();
  });

  test('lädt auf /kalender/ höchstens 120 KB JavaScript (gzip)', async ({ page }) => {
    const skripte: Promise<number>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') skripte.push(r.body().then((b) => gzipSync(b).length));
    });
    await page.goto('/kalender/');
    await page.waitForLoadState('networkidle');
    const inline = await page.locator('script:not([src]):not([type="application/ld+json"]):not([type="application/json"])').evaluateAll((s) => s.map((x) => x.textContent ?? ''));
    const summe = (await Promise.all(skripte)).reduce((a, b) => a + b, 0) + inline.reduce((a, s) => a + gzipSync(s).length, 0);
    console.log(`JavaScript auf /kalender/: ${(summe / 1024).toFixed(1)} KB gzip`);
    expect(summe).toBeLessThanOrEqual(120 * 1024);
    // Calendar and "Abonnieren" come as files (a strict CSP needs no 'unsafe-inline' for them).
    for (const code of inline) expect(code).not.toMatch(/qp-abo|qp-kalender|fullcalendar/i);
  });
});

test.describe('ohne JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('Monatsseiten zeigen das ganze Programm nach Tagen, mit Blättern', async ({ page, request }) => {
    const monate = JSON.parse((await (await request.get('/kalender/')).text()).match(/data-monate="([^"]+)"/)![1].replaceAll('&quot;', '"')) as string[];
    await page.goto('/kalender/');
    await expect(page.locator('[data-qp-kalender-filter]')).toBeHidden();
    await expect(page.getByRole('heading', { name: /ab heute/ })).toBeVisible();
    const monatsLinks = page.getByRole('navigation', { name: 'Alle Termine nach Monaten' }).getByRole('link');
    expect(await monatsLinks.count()).toBeGreaterThan(1);

    await monatsLinks.first().click();
    const erster = monate[0];
    await expect(page).toHaveURL(new RegExp(`/kalender/${erster}/$`));
    const daten = (await (await request.get(`/kalender/daten/${erster}.json`)).json()) as KalenderEintrag[];
    await expect(page.locator('.qp-monat__eintrag')).toHaveCount(daten.length);
    for (const e of daten.filter((x) => x.ausgefallen)) {
      const zeile = page.locator('.qp-monat__eintrag.qp-ausfall', { hasText: e.titel }).first();
      await expect(zeile).toContainText('Fällt aus');
      await expect(zeile.locator('.qp-termine__titel')).toHaveCSS('text-decoration-line', 'line-through');
    }
    // forward and back
    const weiter = page.locator('a[rel="next"]').first();
    const ziel = await weiter.getAttribute('href');
    await weiter.click();
    await expect(page).toHaveURL(new RegExp(`${ziel}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Termine im');
    await page.locator('a[rel="prev"]').first().click();
    await expect(page).toHaveURL(new RegExp(`/kalender/${erster}/$`));
  });

  test('Abonnieren: webcal-Link, Google-Link und die Adresse zum Markieren', async ({ page }) => {
    await page.goto('/kalender/');
    const box = page.getByRole('region', { name: 'Abonnieren' });
    const webcal = (await box.getByRole('link', { name: 'Im Kalender abonnieren' }).getAttribute('href'))!;
    expect(webcal).toMatch(/^webcal:\/\/[^/]+\/kalender\/alle\.ics$/);
    await expect(box.getByRole('link', { name: 'Zu Google Kalender hinzufügen' })).toHaveAttribute(
      'href',
      `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`,
    );
    await expect(box.getByLabel('Adresse des Kalenders (zum Kopieren)')).toHaveValue(webcal.replace(/^webcal:/, 'https:'));
    await expect(box.getByRole('button', { name: 'Adresse kopieren' })).toBeHidden();
    await box.getByText('So geht es: iPhone, Android, Outlook, Thunderbird').click();
    for (const wo of ['iPhone und iPad', 'Android (Google Kalender)', 'Outlook', 'Thunderbird']) await expect(box.getByText(wo, { exact: true })).toBeVisible();
  });
});

test('Abonnieren auf Quartiers- und Treffseiten, mit Kopierknopf', async ({ page, context, fremdeAnfragen }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/quartiere/');
  const slugVon = async (muster: RegExp) =>
    (await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).find((h) => muster.test(h))!.split('/')[2];
  const quartier = await slugVon(/^\/quartiere\/[a-z0-9-]+\/$/);
  await page.goto(`/quartiere/${quartier}/`);
  const feld = page.getByRole('region', { name: 'Abonnieren' }).getByLabel('Adresse des Kalenders (zum Kopieren)');
  await expect(feld).toHaveValue(new RegExp(`/kalender/quartier/${quartier}\\.ics$`));
  await page.getByRole('button', { name: 'Adresse kopieren' }).click();
  await expect(page.getByText('Adresse kopiert.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await feld.inputValue());

  await page.goto('/treffs/');
  const treff = await slugVon(/^\/treffs\/[a-z0-9-]+\/$/);
  await page.goto(`/treffs/${treff}/`);
  await expect(page.getByRole('region', { name: 'Abonnieren' }).getByRole('link', { name: 'Im Kalender abonnieren' })).toHaveAttribute(
    'href',
    new RegExp(`^webcal://.+/kalender/treff/${treff}\\.ics$`),
  );
  // Both feeds exist.
  for (const pfad of [`/kalender/quartier/${quartier}.ics`, `/kalender/treff/${treff}.ics`]) {
    const r = await page.request.get(pfad);
    expect(r.status(), pfad).toBe(200);
    expect(await r.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
  }
  expect(fremdeAnfragen).toEqual([]);
});

test('„In meinen Kalender“: nur diesen Termin oder die ganze Reihe als .ics-Download, dazu schema.org-Daten', async ({ page, request, fremdeAnfragen }) => {
  const { eintraege } = await kalenderDaten(page, request);
  // A series: a Termin with several dates in the month files.
  const serie = haeufigster(eintraege.filter((e) => !e.ausgefallen).map(terminIdVon))!;
  await page.goto(`/termine/${serie}/`);
  const bereich = page.getByRole('region', { name: 'In meinen Kalender' });

  const [einzeln] = await Promise.all([page.waitForEvent('download'), bereich.getByRole('link', { name: 'Nur diesen Termin' }).click()]);
  expect(einzeln.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2}\.ics$/);
  const einzelText = await (await request.get(einzeln.url())).text();
  expect(einzelText.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  expect(eigenschaften(einzelText, 'uid')).toEqual([`termin-${serie}-${einzeln.suggestedFilename().replace(/-/g, '').replace('.ics', '')}@quartiersportal-krefeld`]);
  expect(einzelText.slice(einzelText.indexOf('BEGIN:VEVENT'))).not.toContain('RRULE');

  const [reihe] = await Promise.all([page.waitForEvent('download'), bereich.getByRole('link', { name: 'Die ganze Reihe' }).click()]);
  expect(reihe.suggestedFilename()).toBe('serie.ics');
  const reihenText = await (await request.get(reihe.url())).text();
  expect(eigenschaften(reihenText, 'uid')).toContain(terminUid(serie));
  expect(reihenText.slice(reihenText.indexOf('BEGIN:VEVENT'))).toMatch(/\r\nRRULE:FREQ=/);

  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
  expect(jsonLd['@type']).toBe('Event');
  expect(jsonLd.eventStatus).toMatch(/^https:\/\/schema\.org\/Event(Scheduled|Cancelled)$/);
  expect(jsonLd.startDate).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/);
  expect(jsonLd.location?.['@type']).toBe('Place');
  expect(jsonLd.organizer?.name).toBeTruthy();
  expect(fremdeAnfragen).toEqual([]);
});

test('/kalender/alle.ics aus dist: mit ical.js gelesen dieselben Termine der nächsten 6 Monate wie die Monatsdateien', async ({ page, request }) => {
  const { eintraege, heute } = await kalenderDaten(page, request);
  const feed = await (await request.get('/kalender/alle.ics')).text();
  const von = berlinTagesbeginn(heute);
  // six months, but not past the months the calendar has files for
  const bis = berlinTagesbeginn(addDays(heute, 182));
  const ausFeed = instanzen(feed, von, bis).map(({ titel: _t, ...rest }) => rest);
  const ausJson = eintraege
    .filter((e) => startVon(e) >= von && startVon(e) < bis)
    .map((e) => ({ uid: terminUid(terminIdVon(e)), start: e.start, ...(e.ende ? { ende: e.ende } : {}), abgesagt: Boolean(e.ausgefallen) }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid));
  expect(ausJson.length).toBeGreaterThan(10);
  expect(ausFeed).toEqual(ausJson);

  const { benutzt, definiert } = zeitzonen(feed);
  expect(definiert).toEqual(expect.arrayContaining(benutzt));
  for (const g of feed.replace(/\r\n[ \t]/g, '').match(/^GEO:.*$/gm) ?? []) expect(g).toMatch(/^GEO:51\.\d+;6\.\d+$/);
  for (const text of eigenschaften(feed, 'description')) expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
  expect(feed).toContain('X-WR-CALNAME:');
  expect(feed).toContain('REFRESH-INTERVAL;VALUE=DURATION:');
});
