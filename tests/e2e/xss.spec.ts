/**
 * Nothing anyone types into the CMS may run in a visitor's browser. Builds a site whose content
 * carries every payload of tests/fixtures/xss in every kind of text field, serves it (without
 * security headers: the sanitiser and escaping alone must hold) and opens every page in Chromium:
 * no dialog, no error from injected code, the `window.__xss` canary never set, and no payload in
 * the DOM as markup (event-handler attributes, scripts, javascript:/data: links). Feeds and data
 * files stay well-formed and carry the titles as text.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ICAL from 'ical.js';
import { expect, test } from '@playwright/test';
import { schreibeXssInhalt, TEXT_PAYLOADS, type XssSeite } from '../fixtures/xss/inhalt';
import { baue, serviere, testOrdner } from '../support/test-build';

test.describe.configure({ mode: 'serial' });

let ordner = '';
let dist = '';
let basis = '';
let stopp = () => {};
let titelSeiten: XssSeite[] = [];

function dateien(wurzel: string, dir = wurzel): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return ['_astro', 'pagefind', '_nginx'].includes(e.name) ? [] : dateien(wurzel, p);
    return [relative(wurzel, p).split(sep).join('/')];
  });
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  ordner = testOrdner('xss');
  titelSeiten = schreibeXssInhalt(join(ordner, 'inhalt'));
  const build = baue(join(ordner, 'inhalt'), ordner, 'xss');
  expect(build.status, build.ausgabe.slice(-3000)).toBe(0);
  dist = build.dist;
  ({ basis, stopp } = await serviere(dist));
});

test.afterAll(() => {
  stopp();
  if (ordner) rmSync(ordner, { recursive: true, force: true });
});

test('keine Seite führt eingeschleusten Code aus und kein Inhalt wird zu Markup', async ({ page }) => {
  test.setTimeout(300_000);
  const seiten = dateien(dist)
    .filter((d) => d.endsWith('.html') && !d.startsWith('admin/'))
    .map((d) => `/${d.replace(/(^|\/)index\.html$/, '$1')}`);
  expect(seiten.length).toBeGreaterThan(TEXT_PAYLOADS.length);

  const dialoge: string[] = [];
  const fehler: string[] = [];
  page.on('dialog', (d) => {
    dialoge.push(`${page.url()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => fehler.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    // A sanitised <img src="x"> may 404; that is a missing file, not code.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) fehler.push(`${page.url()}: ${m.text()}`);
  });
  // Nothing leaves the machine (payloads point at angreifer.example).
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.abort());

  for (const pfad of seiten) {
    await page.goto(basis + pfad, { waitUntil: 'load' });
    const befund = await page.evaluate(() => {
      const probleme: string[] = [];
      const URL_ATTRIBUTE = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset', 'background', 'cite'];
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) {
          if (/^on/i.test(a.name)) probleme.push(`<${el.localName} ${a.name}>`);
          if (URL_ATTRIBUTE.includes(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value.replace(/[\t\n\r]/g, '')))
            probleme.push(`<${el.localName} ${a.name}="${a.value.slice(0, 50)}">`);
        }
        if (el.shadowRoot) probleme.push(`<${el.localName}> mit Shadow-DOM`);
      }
      // JSON and JSON-LD blocks are data and may quote a payload; executable scripts may not.
      const ausfuehrbar = (s: HTMLScriptElement) => ['', 'module', 'text/javascript', 'application/javascript'].includes(s.type.trim().toLowerCase());
      for (const s of Array.from(document.scripts)) if (ausfuehrbar(s) && /__xss|alert\(/.test(s.text)) probleme.push('<script> mit eingeschleustem Code');
      for (const el of Array.from(document.querySelectorAll('base[href], meta[http-equiv="refresh" i], object, embed, frame')))
        probleme.push(`<${el.localName}> auf der Seite`);
      // Our own embed preview (/fuer-partner/) frames /einbetten/…; nothing else may be framed.
      for (const f of Array.from(document.querySelectorAll('iframe')))
        if (new URL(f.src, location.href).origin !== location.origin || f.closest('.qp-prosa')) probleme.push(`<iframe src="${f.src}">`);
      return { probleme, kanarienvogel: (window as unknown as { __xss?: unknown }).__xss };
    });
    expect(befund.probleme, pfad).toEqual([]);
    expect(befund.kanarienvogel, `${pfad}: window.__xss wurde gesetzt`).toBeUndefined();
  }
  expect(dialoge).toEqual([]);
  expect(fehler).toEqual([]);
});

test('Titel mit Schadcode erscheinen als Text in Überschrift und Seitentitel', async ({ page }) => {
  test.setTimeout(120_000);
  for (const { pfad, titel } of titelSeiten) {
    await page.goto(basis + pfad);
    const h1 = (await page.locator('h1').innerText()).replace(/\s+/g, ' ').trim();
    expect(h1, pfad).toContain(titel.replace(/\s+/g, ' ').trim());
    expect(await page.title(), pfad).toContain(titel.replace(/\s+/g, ' ').trim().slice(0, 40));
  }
});

test('Feeds und offene Daten bleiben wohlgeformt und enthalten die Titel als Text', async ({ page, request }) => {
  test.setTimeout(120_000);
  const alle = dateien(dist);
  const titel = new Set(titelSeiten.map((s) => s.titel));

  // XML (RSS, sitemap): the browser's XML parser must accept it.
  await page.goto(`${basis}/`);
  for (const d of alle.filter((f) => f.endsWith('.xml'))) {
    const xml = await (await request.get(`${basis}/${d}`)).text();
    const kaputt = await page.evaluate((t) => new DOMParser().parseFromString(t, 'application/xml').querySelector('parsererror')?.textContent ?? null, xml);
    expect(kaputt, d).toBeNull();
  }

  // JSON and GeoJSON parse, and strings come back unchanged (no double escaping, no break-out).
  const jsonTexte: string[] = [];
  for (const d of alle.filter((f) => /\.(geo)?json$/.test(f))) {
    const daten: unknown = JSON.parse(readFileSync(join(dist, d), 'utf8'));
    JSON.stringify(daten, (_k, v: unknown) => {
      if (typeof v === 'string') jsonTexte.push(v);
      return v;
    });
  }
  const inJson = [...titel].filter((t) => jsonTexte.includes(t));
  expect(inJson.length, 'Titel aus den Inhalten in den JSON-Daten').toBeGreaterThan(0);

  // iCal: every feed parses; each SUMMARY of our Termine is exactly the title typed in.
  const summaries = new Set<string>();
  const ics = alle.filter((f) => f.endsWith('.ics'));
  expect(ics.length).toBeGreaterThan(0);
  for (const d of ics) {
    const komponente = new ICAL.Component(ICAL.parse(readFileSync(join(dist, d), 'utf8')));
    for (const ev of komponente.getAllSubcomponents('vevent')) summaries.add(String(ev.getFirstPropertyValue('summary') ?? ''));
  }
  const terminTitel = titelSeiten.filter((s) => s.pfad.startsWith('/termine/')).map((s) => s.titel);
  for (const t of terminTitel) expect([...summaries].some((s) => s.includes(t)), `SUMMARY „${t}“`).toBe(true);
});
