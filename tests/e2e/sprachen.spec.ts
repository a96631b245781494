import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './helpers';
import { de } from '../../src/i18n/de';
import en from '../../src/i18n/sprachen/en';
import tr from '../../src/i18n/sprachen/tr';
import ar from '../../src/i18n/sprachen/ar';
import uk from '../../src/i18n/sprachen/uk';
import type { KartenDaten } from '../../src/lib/karten-daten';
import { addDays, berlinWallToInstant, wochentagVon } from '../../src/lib/time';
import { JA_NEIN_UNBEKANNT, KATEGORIEN, KONTAKT_ROLLEN, ZIELGRUPPEN } from '../../src/schema/enums';

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

// --- Every piece of the interface in the page's language ----------------------------------------

const FREMDE = { en, tr, ar, uk } as const;
type Fremd = keyof typeof FREMDE;
const LISTEN = { kategorie: KATEGORIEN, zielgruppe: ZIELGRUPPEN, janein: JA_NEIN_UNBEKANNT, rolle: KONTAKT_ROLLEN } as const;

/**
 * The German interface texts that must not show on a page in `code`: every string of de.ts and every
 * label of the content model's lists whose translation differs, whole; of a sentence with
 * placeholders its literal pieces of 12 characters or more. Nothing the other language says itself.
 */
function deutscheTexte(code: Fremd): { ganz: Set<string>; stuecke: string[] } {
  const datei = FREMDE[code];
  const eigene = [...Object.values(datei.texte), ...Object.values(datei.listen).flatMap((l) => Object.values(l) as string[])];
  const eigen = (s: string) => eigene.some((e) => e.includes(s));
  const ganz = new Set<string>();
  const stuecke: string[] = [];
  for (const [key, text] of Object.entries(de) as Array<[keyof typeof de, string]>) {
    if (datei.texte[key] === text) continue;
    const sauber = text.replace(/\u00ad/g, '');
    if (!/\{\w+\}/.test(sauber)) {
      if (!eigen(sauber)) ganz.add(sauber);
      continue;
    }
    for (const stueck of sauber.split(/\{\w+\}/)) {
      const s = stueck.trim().replace(/^[,.:·–]\s*|\s*[,.:·–]$/g, '');
      if (s.length >= 12 && !eigen(s)) stuecke.push(s);
    }
  }
  for (const [name, liste] of Object.entries(LISTEN) as Array<[keyof typeof LISTEN, readonly { value: string; label: string }[]]>)
    for (const { value, label } of liste) if ((datei.listen[name] as Record<string, string>)[value] !== label && !eigen(label)) ganz.add(label);
  return { ganz, stuecke };
}

/**
 * Every interface text of the page as it stands (after its scripts ran): text nodes, labels and
 * hints, and the texts the scripts keep ready (message attributes, JSON). Content is left out:
 * headings of entries, Markdown bodies, addresses, and what is marked as another language.
 */
async function oberflaeche(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Content stays German: names and titles of entries, Markdown, addresses, comments in opening hours.
    const INHALT = 'script, style, template, noscript, h1, .qp-prosa, address, .qp-zusammenfassung p, .qp-oeffnungszeiten em, .qp-kal__name, .qp-kal__ort, .qp-termine__titel, .qp-karte h3, .qp-kontakt strong, li > a[href*="/angebote/"], .qp-suche__liste a, .qp-suche__treffer a, .qp-suche__ort, .qp-suche__auszug';
    const lang = document.documentElement.lang;
    const texte: string[] = [];
    const fremd = (el: Element) => {
      const mitLang = el.closest('[lang]');
      return mitLang !== null && mitLang.getAttribute('lang') !== lang;
    };
    const gang = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = gang.nextNode(); n; n = gang.nextNode()) {
      const el = n.parentElement!;
      if (el.closest(INHALT) || fremd(el)) continue;
      texte.push(n.textContent!);
    }
    for (const el of document.querySelectorAll('*')) {
      if (el.closest('h1, .qp-prosa') || fremd(el)) continue;
      for (const a of el.getAttributeNames())
        if (['aria-label', 'title', 'placeholder', 'alt', 'label'].includes(a) || /^data-(ja|nein|kopiert|markiert)$/.test(a)) texte.push(el.getAttribute(a)!);
    }
    // What the scripts will say later: status texts, finder, calendar, map.
    const blaetter = (x: unknown): string[] => (typeof x === 'string' ? [x] : x && typeof x === 'object' ? Object.values(x).flatMap(blaetter) : []);
    for (const id of ['qp-finder-texte', 'qp-kalender-texte', 'qp-suche-texte']) texte.push(...blaetter(JSON.parse(document.getElementById(id)?.textContent || '{}')));
    const zeiten = JSON.parse(document.getElementById('qp-zeiten')?.textContent || '{}') as { t?: unknown; o?: Record<string, { h: string[] }> };
    texte.push(...blaetter(zeiten.t), ...Object.values(zeiten.o ?? {}).flatMap((o) => o.h));
    for (const box of document.querySelectorAll<HTMLElement>('[data-qp-karte-texte]')) texte.push(...blaetter(JSON.parse(box.dataset.qpKarteTexte!)));
    return texte.map((t) => t.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  });
}

function deutscheFunde(texte: string[], code: Fremd): string[] {
  const { ganz, stuecke } = deutscheTexte(code);
  const funde = new Set<string>();
  for (const text of texte) {
    const kern = text.replace(/^\(|[:)]$/g, '').trim();
    if (ganz.has(text) || ganz.has(kern)) funde.add(text);
    for (const s of [...ganz].filter((g) => g.length >= 20).concat(stuecke)) if (text.includes(s)) funde.add(`${text}  ⟵ „${s}“`);
  }
  return [...funde];
}

/** Waits until the page's scripts have filled in what they fill in. */
async function fertig(page: Page, pfad: string) {
  if (pfad.startsWith('/treffs/') && pfad !== '/treffs/') await expect(page.locator('h1 ~ [data-qp-status]')).toBeVisible();
  if (pfad === '/treffs/') await expect(page.locator('#qp-anzahl')).not.toBeEmpty();
  if (pfad === '/kalender/') await expect(page.locator('[data-qp-kalender-status]')).not.toBeEmpty();
  if (pfad.startsWith('/suche/?q=')) await expect(page.locator('[data-qp-suche-status]')).not.toBeEmpty();
}

const SEITEN = [
  '/treffs/freiraum21/',
  '/angebote/frauencafe-mit-sprachpraxis/',
  '/angebote/beratung-in-notlagen-innenstadt/',
  '/termine/elterncafe-stahldorf/',
  '/termine/laternenumzug-bleichpfad/',
  '/treffs/',
  '/kalender/',
  '/',
  '/quartiere/',
  '/quartiere/bleichpfad/',
  '/angebote/',
  '/angebote/kategorie/beratung/',
  '/termine/',
  '/suche/',
  '/suche/?q=Elterncaf%C3%A9',
];

for (const code of Object.keys(FREMDE) as Fremd[]) {
  test(`auf ${code}: keine deutschen Oberflächentexte auf Treff, Angebot, Termin, /treffs/, /kalender/, /suche/ und den Listen`, async ({ page }) => {
    test.setTimeout(90_000);
    const funde: string[] = [];
    for (const pfad of SEITEN) {
      await page.goto(`/${code}${pfad}`);
      await fertig(page, pfad);
      for (const f of deutscheFunde(await oberflaeche(page), code)) funde.push(`${pfad}: ${f}`);
    }
    expect(funde).toEqual([]);
  });
}

test('die Prüfung auf deutsche Oberflächentexte schlägt an, wenn etwas deutsch bleibt', async ({ page }) => {
  await page.goto('/en/treffs/freiraum21/');
  await fertig(page, '/treffs/freiraum21/');
  expect(deutscheFunde(await oberflaeche(page), 'en')).toEqual([]);
  // The German page as if it were English: the check must find plenty.
  await page.goto('/treffs/freiraum21/');
  await fertig(page, '/treffs/freiraum21/');
  const funde = deutscheFunde(await oberflaeche(page), 'en');
  expect(funde).toEqual(expect.arrayContaining(['Öffnungszeiten', 'Eingang stufenlos', 'Route planen', 'Abonnieren']));
});

/** Fills `{x}` like the page does. */
const fuellen = (vorlage: string, werte: Record<string, string>) => vorlage.replace(/\{(\w+)\}/g, (_, k: string) => werte[k]);

/** A Saturday in the shipped data after which Monday is an ordinary working day (FREIraum21 opens Mo–Th 9–18, Fr 9–15). */
function samstagVorWerktag(ab: string, feiertage: string[]): string {
  for (let n = 1; n < 35; n++) {
    const tag = addDays(ab, n);
    if (wochentagVon(tag) === 6 && !feiertage.includes(addDays(tag, 2)) && !feiertage.includes(addDays(tag, 3))) return tag;
  }
  throw new Error('kein passender Samstag');
}

for (const code of Object.keys(FREMDE) as Fremd[]) {
  test(`auf ${code}: der Öffnungsstatus spricht die Sprache der Seite, mit Wochentag und Zeit in Krefelder Zeit`, async ({ page, request }) => {
    const { meta, texte: t } = FREMDE[code];
    const { zeiten } = (await (await request.get(`/${code}/treffs/karte.json`)).json()) as KartenDaten;
    const samstag = samstagVorWerktag(zeiten.ab, zeiten.f);
    const montag = new Intl.DateTimeFormat(meta.locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${addDays(samstag, 2)}T12:00:00Z`));
    const uhr = (h: string) => new Intl.DateTimeFormat(meta.locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(new Date(`2026-01-01T${h}:00Z`));

    await page.clock.setFixedTime(berlinWallToInstant(samstag, '12:00'));
    await page.goto(`/${code}/treffs/freiraum21/`);
    const status = page.locator('h1 ~ [data-qp-status]');
    await expect(status).toHaveText(fuellen(t['status.oeffnet'], { z: fuellen(t['status.tag'], { w: montag, u: uhr('09:00') }) }));

    await page.clock.setFixedTime(berlinWallToInstant(addDays(samstag, 3), '10:00'));
    await page.goto(`/${code}/treffs/`);
    await expect(page.locator('#treff-freiraum21 [data-qp-status]')).toHaveText(fuellen(t['status.offen.bis'], { z: uhr('18:00') }));
    await expect(page.locator('#treff-freiraum21 [data-qp-heute]')).toContainText(`${t['heute']}:`);
    await expect(page.locator('#treff-freiraum21 [data-qp-heute]')).not.toContainText('Uhr');
  });
}

for (const code of Object.keys(FREMDE) as Fremd[]) {
  test(`auf ${code}: der Kalender (FullCalendar) spricht die Sprache der Seite`, async ({ page }) => {
    const { meta, texte: t } = FREMDE[code];
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/${code}/kalender/?ansicht=monat`);
    const ansicht = page.locator('[data-qp-kalender-ansicht]');
    await expect(ansicht.getByRole('button', { name: t['fc.dieser.monat'] })).toHaveText(t['fc.heute']);
    await expect(ansicht.getByRole('button', { name: t['fc.vorher.monat'] })).toBeVisible();
    await expect(ansicht.getByRole('button', { name: t['fc.naechster.monat'] })).toBeVisible();
    await expect(ansicht.getByRole('tablist', { name: t['fc.ansicht.wechseln'] })).toBeVisible();
    await expect(ansicht.getByRole('tab', { name: t['fc.ansicht.monat'] })).toHaveText(t['fc.monat']);
    await expect(ansicht.getByRole('tab', { name: t['fc.ansicht.woche'] })).toHaveText(t['fc.woche']);
    await expect(ansicht.getByRole('tab', { name: t['fc.ansicht.liste'] })).toHaveText(t['fc.liste']);
    // The month title and the weekday heads in the page's language.
    const heute = await page.locator('[data-qp-kalender]').getAttribute('data-heute');
    const titel = new Intl.DateTimeFormat(meta.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${heute!.slice(0, 7)}-15T12:00:00Z`));
    await expect(ansicht.getByRole('heading', { level: 2 })).toHaveText(titel);
    const montag = new Intl.DateTimeFormat(meta.locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date('2024-01-01T12:00:00Z'));
    await expect(ansicht.locator('[role="columnheader"]').first()).toHaveAttribute('aria-label', new RegExp(montag, 'i'));
    // Events lead to their page in the same language (wait for the month's events to be drawn).
    await expect(ansicht.locator(`a[href^="/${code}/termine/"]`).first()).toBeAttached();
    await expect(ansicht.locator('a[href^="/termine/"]')).toHaveCount(0);
    await expect(page.locator('[data-qp-kalender-status]')).not.toContainText('Termin');
  });
}

test('ein ausgefallener Termin heißt im Kalender in jeder Sprache, wie die Sprache es sagt', async ({ page, request }) => {
  await page.goto('/kalender/');
  const wurzel = page.locator('[data-qp-kalender]');
  const heute = (await wurzel.getAttribute('data-heute'))!;
  const monate: string[] = JSON.parse((await wurzel.getAttribute('data-monate'))!);
  let ausfall: { start: string; grund?: string } | undefined;
  for (const m of monate) {
    const eintraege = (await (await request.get(`/kalender/daten/${m}.json`)).json()) as Array<{ start: string; ausgefallen?: boolean; grund?: string }>;
    ausfall = eintraege.find((e) => e.ausgefallen && e.start.slice(0, 10) >= heute);
    if (ausfall) break;
  }
  expect(ausfall, 'ein kommender Ausfall in den Beispieldaten').toBeDefined();
  for (const [code, datei] of Object.entries(FREMDE)) {
    await page.goto(`/${code}/kalender/?ansicht=monat&datum=${ausfall!.start.slice(0, 10)}`);
    const grund = page.locator('[data-qp-kalender-ansicht] .qp-kal__grund').first();
    await expect(grund).toHaveText(` ${datei.texte['faellt.aus']}${ausfall!.grund ? `: ${ausfall!.grund}` : ''}`);
  }
});

test('auf /ar/kalender/ läuft der Kalender von rechts nach links', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/ar/kalender/?ansicht=monat');
  const ansicht = page.locator('[data-qp-kalender-ansicht]');
  const titel = ansicht.getByRole('heading', { level: 2 });
  await expect(titel).toBeVisible();
  expect(await ansicht.evaluate((el) => getComputedStyle(el.firstElementChild!).direction)).toBe('rtl');
  // The title starts the toolbar on the right, the buttons follow to its left.
  const t = (await titel.boundingBox())!;
  const heute = (await ansicht.getByRole('button', { name: ar.texte['fc.dieser.monat'] }).boundingBox())!;
  expect(t.x).toBeGreaterThan(heute.x);
  // Monday, the first day of the week, is the rightmost column.
  const koepfe = ansicht.locator('[role="columnheader"]');
  const erster = (await koepfe.first().boundingBox())!;
  const letzter = (await koepfe.last().boundingBox())!;
  expect(erster.x).toBeGreaterThan(letzter.x);
});

test('auf /ar/ spiegelt die Karte ihre Bedienelemente, und sie spricht Arabisch', async ({ page }) => {
  // Tiles from a local file: the map never reaches a tile server.
  await page.route(/\/\d+\/\d+\/\d+\.png(\?.*)?$/, (route) => route.fulfill({ path: 'tests/fixtures/kachel.png', contentType: 'image/png' }));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/ar/treffs/freiraum21/');
  await page.getByRole('button', { name: ar.texte['karte.laden'] }).click();
  const karte = page.getByRole('region', { name: ar.texte['karte.region'] });
  await expect(karte).toBeVisible();
  const flaeche = (await karte.boundingBox())!;
  const plus = (await karte.getByRole('button', { name: ar.texte['karte.plus'] }).boundingBox())!;
  expect(plus.x).toBeGreaterThan(flaeche.x + flaeche.width / 2);
  const nachweis = karte.locator('.leaflet-control-attribution');
  await expect(nachweis).toContainText('مساهمو');
  expect((await nachweis.boundingBox())!.x).toBeLessThan(flaeche.x + flaeche.width / 2);
  // A marker's details in Arabic, linking to the Arabic page.
  const marker = karte.getByRole('button', { name: /FREIraum21/ }).first();
  await expect(marker).toHaveAttribute('aria-label', new RegExp(`${ar.texte['treff']}`));
  await marker.press('Enter');
  const popup = page.locator('.qp-popup');
  await expect(popup).toContainText(`${ar.texte['heute']}:`);
  await expect(popup.getByRole('link').first()).toHaveAttribute('href', '/ar/treffs/freiraum21/');
});
