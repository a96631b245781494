#!/usr/bin/env node
// `npm run bench`: the figures of issue 9 — build at scale, page weight per page type, Lighthouse,
// feeds and the calendar's month files. Prints a table and writes bench/results.json.
// Budgets are reported (✓/✗), never asserted: timings depend on the machine and its load.
//
// Every build runs in its own temporary project root under bench/tmp/ (a copy of the config, src/
// and public/, node_modules linked), never in the checkout: concurrent Astro builds in one root
// collide in .astro/ and dist/.
//
// Environment (all optional):
//   BENCH_SCALES=1,2,4   scale factors of the synthetic content ("" = none); default 1,2,4
//   BENCH_BEISPIEL=0     skip the example-content build (page weight, Lighthouse, feeds)
//   BENCH_LIGHTHOUSE=0   skip Lighthouse
//   BENCH_BEHALTEN=1     keep the temporary projects (bench/tmp/) for a look at dist/
//   BENCH_RAMDISK=0      skip the second 1× build with dist/ on a RAM disk (/dev/shm), which shows
//                        how much of the build is the disk creating files and folders
//   QP_JETZT             the build's "now" (default 2026-11-25T10:00:00Z, so runs compare)
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, release } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { findBrowser } from '../browser-path.mjs';
import { generateContent } from './generate-content.mjs';
import { referenz } from './referenz.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TMP = join(ROOT, 'bench/tmp');
const ERGEBNIS = join(ROOT, 'bench/results.json');
const JETZT = process.env.QP_JETZT ?? '2026-11-25T10:00:00Z';
const SKALEN = (process.env.BENCH_SCALES ?? '1,2,4').split(',').map((s) => s.trim()).filter(Boolean).map(Number);
const MIT_BEISPIEL = process.env.BENCH_BEISPIEL !== '0';
const MIT_LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== '0';
const BEHALTEN = process.env.BENCH_BEHALTEN === '1';
const RAMDISK = process.env.BENCH_RAMDISK !== '0' && existsSync('/dev/shm') ? '/dev/shm' : undefined;
const BROWSER = findBrowser();
const GZ = (b) => gzipSync(b, { level: 9 }).length;
const KB = (n) => (n === undefined || n === null ? '–' : `${(n / 1024).toFixed(1)} KB`);
const log = (...a) => console.log(...a);

// --- temporary project roots --------------------------------------------------------------

/**
 * Folders to delete when every build is done. Deleting tens of thousands of files right before a
 * build makes that build slower on ext4 without a journal (the development and CI machine): for
 * minutes the kernel checks each freed inode again on every new file (`recently_deleted()`), which
 * cost up to 45 s of kernel time at 1× (src/integrations/ausgabe-aufraeumen.ts). So nothing is
 * deleted between builds; old folders are renamed and go at the end.
 */
const spaeterLoeschen = [];

/**
 * When a run last deleted its folders. The next run waits until this is `SPERRE_MS` ago: on
 * 4.12.2026 a 1× build 4 minutes after a run had deleted its folders took 86 s (126 s CPU), one
 * 6 minutes after 53 s. (Even `sync` and 65 s of waiting were not enough in a micro-measurement.)
 */
const GELOESCHT = join(TMP, '.zuletzt-geloescht');
const SPERRE_MS = 6 * 60_000;

async function abwarten() {
  if (!existsSync(GELOESCHT)) return;
  const rest = Number(readFileSync(GELOESCHT, 'utf8')) + SPERRE_MS - Date.now();
  if (!(rest > 0)) return;
  log(`Warte ${Math.ceil(rest / 1000)} s: Der letzte Lauf hat gerade viele Dateien gelöscht, das macht neue Dateien eine Weile teuer.`);
  await new Promise((ok) => setTimeout(ok, rest));
}

function beiseite(pfad) {
  if (!existsSync(pfad)) return;
  const alt = `${pfad}.alt-${process.pid}-${spaeterLoeschen.length}`;
  renameSync(pfad, alt);
  spaeterLoeschen.push(alt);
}

/**
 * A project root of its own: config, src/, public/ copied, content in ./inhalt. node_modules is a
 * folder of links to each package of the checkout's, not one link to the whole folder: Astro
 * keeps its content cache (node_modules/.astro/data-store.json) and Vite its dependency cache
 * (node_modules/.vite) there, and those must not be shared with other builds of the checkout.
 * A project of an earlier run is renamed, not deleted (see `spaeterLoeschen`).
 */
function projekt(name) {
  const dir = join(TMP, name);
  beiseite(dir);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  for (const f of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  for (const e of readdirSync(join(ROOT, 'node_modules')))
    if (!['.astro', '.vite', '.cache'].includes(e)) symlinkSync(join(ROOT, 'node_modules', e), join(dir, 'node_modules', e));
  return dir;
}

/** Parses Astro's durations: "1m 34s", "34.90s", "950ms". */
function sekunden(text) {
  let s = 0;
  for (const [, n, einheit] of text.matchAll(/([\d.]+)\s*(ms|m|s)\b/g)) s += Number(n) * (einheit === 'm' ? 60 : einheit === 'ms' ? 0.001 : 1);
  return Math.round(s * 10) / 10;
}

/** Sum of the RSS of a process and all its descendants (kB), from /proc. */
function baumRss(pid) {
  let kinder = new Map();
  try {
    for (const p of readdirSync('/proc')) {
      if (!/^\d+$/.test(p)) continue;
      try {
        const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (!kinder.has(ppid)) kinder.set(ppid, []);
        kinder.get(ppid).push(Number(p));
      } catch {
        /* process ended meanwhile */
      }
    }
  } catch {
    return 0;
  }
  let summe = 0;
  const stapel = [pid];
  while (stapel.length) {
    const p = stapel.pop();
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) summe += Number(m[1]);
    } catch {
      /* ended */
    }
    stapel.push(...(kinder.get(p) ?? []));
  }
  return summe;
}

/**
 * `npm run build` (scripts/build.mjs) in `dir` with CONTENT_DIR; returns wall/CPU seconds, peak RSS (whole process
 * tree, polled; and the largest single process from /usr/bin/time when present), the log phases.
 */
async function astroBuild(dir, inhalt) {
  const zeitDatei = join(dir, 'zeit.txt');
  const mitTime = existsSync('/usr/bin/time');
  // The same command as `npm run build` (scripts/build.mjs: V8 options), run in the temporary project.
  const bauen = [process.execPath, join(ROOT, 'scripts/build.mjs')];
  const befehl = mitTime ? '/usr/bin/time' : bauen[0];
  const args = mitTime ? ['-o', zeitDatei, '-f', '%e %U %S %M', ...bauen] : bauen.slice(1);
  const env = { ...process.env, CONTENT_DIR: inhalt, QP_JETZT: JETZT, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  delete env.ASTRO_OUT_DIR;
  delete env.ASTRO_CACHE_DIR;
  const t0 = performance.now();
  const kind = spawn(befehl, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let ausgabe = '';
  kind.stdout.on('data', (d) => (ausgabe += d));
  kind.stderr.on('data', (d) => (ausgabe += d));
  let spitze = 0;
  const uhr = setInterval(() => (spitze = Math.max(spitze, baumRss(kind.pid))), 500);
  const code = await new Promise((ok) => kind.on('close', ok));
  clearInterval(uhr);
  const wand = (performance.now() - t0) / 1000;
  writeFileSync(join(dir, 'build.log'), ausgabe);
  if (code !== 0) throw new Error(`astro build in ${relative(ROOT, dir)} fehlgeschlagen (Exit ${code}); Log: ${relative(ROOT, join(dir, 'build.log'))}\n${ausgabe.slice(-3000)}`);
  const ergebnis = { sekunden: Math.round(wand * 10) / 10, rssSpitzeMB: Math.round(spitze / 1024) };
  if (mitTime && existsSync(zeitDatei)) {
    const [, user, sys, maxKb] = readFileSync(zeitDatei, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    Object.assign(ergebnis, { cpuSekunden: Math.round((user + sys) * 10) / 10, rssGroessterProzessMB: Math.round(maxKb / 1024) });
  }
  ergebnis.phasen = phasen(ausgabe);
  ergebnis.routen = routenZeiten(ausgabe);
  const parallel = seitenParallel(ausgabe);
  if (parallel) ergebnis.parallel = parallel;
  return ergebnis;
}

/** Durations of the build's phases, read from Astro's log. */
function phasen(text) {
  const p = {};
  const sync = /\[types\] Generated (.+)/.exec(text);
  if (sync) p.inhalteSync = sekunden(sync[1]);
  const statisch = /generating static routes[\s\S]*?✓ Completed in ([^.\n]+(?:\.\d+s)?)/.exec(text);
  if (statisch) p.seitenErzeugen = sekunden(statisch[1]);
  const gesamt = /page\(s\) built in (.+)/.exec(text);
  if (gesamt) p.astroGesamt = sekunden(gesamt[1]);
  /** Clock time (s) of the last log line matching `re`. */
  const uhrzeit = (re) => {
    const m = [...text.matchAll(re)].at(-1);
    if (!m) return undefined;
    const [h, mi, s] = m[1].split(':').map(Number);
    return h * 3600 + mi * 60 + s;
  };
  // Integrations after the pages (sitemap, search index, output checks): from the log's clock (1 s steps).
  const nachSeiten = uhrzeit(/(\d\d:\d\d:\d\d) \[build\] ✓ Completed in/g);
  const ende = uhrzeit(/(\d\d:\d\d:\d\d) \[build\] Complete!/g);
  if (nachSeiten !== undefined && ende !== undefined) p.integrationenNachher = ende - nachSeiten;
  return p;
}

/** Who rendered the pages (src/integrations/seiten-parallel.ts logs it): workers, their files and CPU, the main thread. */
function seitenParallel(text) {
  const m = /(\d+) Dateien aus Worker-Threads \(([^)]*)\), (\d+) im Hauptthread \(davon (\d+) mit Bildern; Hauptthread ([\d.]+) s CPU\)/.exec(text);
  if (!m) return undefined;
  const worker = [...m[2].matchAll(/(\d+) Dateien\/([\d.]+) s CPU/g)].map(([, dateien, cpu]) => ({ dateien: Number(dateien), cpuSekunden: Number(cpu) }));
  return { worker, hauptthread: { dateien: Number(m[3]), davonMitBildern: Number(m[4]), cpuSekunden: Number(m[5]) } };
}

/** Sum of the per-route times Astro logs ("├─ /kalender/alle.ics (+12ms)"), by kind of route. */
function routenZeiten(text) {
  const summen = {};
  for (const [, pfad, ms] of text.matchAll(/[├└]─ (\S+) \(\+(\d+)ms\)/g)) {
    const art = routenArt(pfad);
    summen[art] ??= { anzahl: 0, sekunden: 0 };
    summen[art].anzahl++;
    summen[art].sekunden += Number(ms) / 1000;
  }
  for (const s of Object.values(summen)) s.sekunden = Math.round(s.sekunden * 10) / 10;
  return summen;
}

function routenArt(pfad) {
  const p = pfad.replace(/^\/(en|tr|ar|uk)\//, '/');
  if (/^\/kalender\/.+\.ics$/.test(p)) return 'feeds (/kalender/*.ics)';
  if (/^\/termine\/[^/]+\/serie\.ics$/.test(p)) return 'Termin: serie.ics';
  if (/^\/termine\/[^/]+\/\d{4}-\d\d-\d\d\.ics$/.test(p)) return 'Termin: Datum.ics';
  if (/\/aushang\//.test(p)) return 'Aushänge';
  if (/^\/og\//.test(p)) return 'Vorschaubilder (og)';
  if (/^\/kalender\/daten\//.test(p)) return 'Kalender: Monats-JSON';
  const m = /^\/([^/]+)\/[^/]+\/index\.html$/.exec(p);
  if (m) return `${m[1]}/*`;
  return 'Übersichten und Sonstiges';
}

/** Files of a built site by kind, and its folders (each file and folder is a new inode on disk). */
function zaehlen(dist) {
  const z = { seiten: 0, feeds: 0, json: 0, dateien: 0, ordner: 0, bytes: 0 };
  const gehen = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        z.ordner++;
        gehen(p);
      }
      else {
        z.dateien++;
        z.bytes += statSync(p).size;
        if (e.name.endsWith('.html')) z.seiten++;
        else if (e.name.endsWith('.ics')) z.feeds++;
        else if (e.name.endsWith('.json')) z.json++;
      }
    }
  };
  gehen(dist);
  z.megabytes = Math.round(z.bytes / 1024 / 1024);
  delete z.bytes;
  return z;
}

/**
 * What creating a file costs on the disk of `ordner`: 1,500 folders with a 16 KB page each, as a
 * build writes them (one thread, no fsync). Milliseconds of CPU (user + kernel) and of wall time per
 * file or folder. On the ext4 disk of the development machine this was 0.03–0.9 ms, on tmpfs
 * 0.01 ms. The high values came after many files had been deleted within the last minutes (see
 * `spaeterLoeschen`): then each new file costs more, the more were deleted.
 */
function dateisystemKosten(ordner) {
  const probe = join(ordner, `.qp-fs-probe-${process.pid}`);
  rmSync(probe, { recursive: true, force: true });
  mkdirSync(probe, { recursive: true });
  const seite = Buffer.alloc(16 * 1024, 'x');
  const n = 1500;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    mkdirSync(join(probe, `s${i}`));
    writeFileSync(join(probe, `s${i}`, 'index.html'), seite);
  }
  const wand = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  beiseite(probe);
  const je = (ms) => Math.round((ms / (2 * n)) * 1000) / 1000;
  return { cpuMsJeEintrag: je((cpu.user + cpu.system) / 1000), wandMsJeEintrag: je(wand) };
}

/**
 * What a QE waits for after saving in the CMS: the build again after one Termin's title changed,
 * with Astro's content cache (node_modules/.astro/, kept between runs in .github/workflows/deploy.yml)
 * and dist/ of the first build, which it writes over. Only the changed entry is read again.
 */
async function neubauNachAenderung(dir) {
  const ordner = join(dir, 'inhalt', 'termine');
  const datei = join(ordner, readdirSync(ordner).filter((f) => f.endsWith('.md')).sort()[0]);
  const text = readFileSync(datei, 'utf8');
  const geaendert = text.replace(/^titel: "(.*)"$/m, 'titel: "$1 (geändert)"');
  if (geaendert === text) throw new Error(`${datei}: kein Titel zum Ändern gefunden`);
  writeFileSync(datei, geaendert);
  const b = await astroBuild(dir, './inhalt');
  return { sekunden: b.sekunden, cpuSekunden: b.cpuSekunden, phasen: b.phasen };
}

/**
 * The same 1× build again with dist/ on a RAM disk (tmpfs) and a cold content cache, right after the
 * build on disk: the difference is what the disk costs. dist/ becomes a link to a folder on the RAM
 * disk, with a link to node_modules beside it (Astro runs its prerender bundle from dist/).
 */
async function ramdiskBuild(dir) {
  const ram = join(RAMDISK, `qp-bench-${process.pid}`);
  rmSync(ram, { recursive: true, force: true });
  mkdirSync(join(ram, 'dist'), { recursive: true });
  symlinkSync(join(dir, 'node_modules'), join(ram, 'node_modules'));
  beiseite(join(dir, 'dist'));
  beiseite(join(dir, 'node_modules', '.astro'));
  symlinkSync(join(ram, 'dist'), join(dir, 'dist'));
  try {
    const b = await astroBuild(dir, './inhalt');
    return { sekunden: b.sekunden, cpuSekunden: b.cpuSekunden, phasen: b.phasen, kosten: dateisystemKosten(ram) };
  } finally {
    rmSync(join(dir, 'dist'), { force: true });
    rmSync(ram, { recursive: true, force: true });
  }
}

/** The calendar's month files: occurrences, raw and gzip size; gzip of the first 1,000 occurrences. */
function monatsDateien(dist) {
  const ordner = join(dist, 'kalender/daten');
  if (!existsSync(ordner)) return undefined;
  const monate = readdirSync(ordner)
    .filter((f) => /^\d{4}-\d\d\.json$/.test(f))
    .map((f) => {
      const roh = readFileSync(join(ordner, f));
      const liste = JSON.parse(roh.toString('utf8'));
      return { monat: f.slice(0, 7), vorkommen: liste.length, bytes: roh.length, gz: GZ(roh), liste };
    });
  if (!monate.length) return undefined;
  const groesster = monate.reduce((a, b) => (b.vorkommen > a.vorkommen ? b : a));
  const tausend = groesster.liste.slice(0, 1000);
  const ergebnis = {
    monate: monate.map(({ liste, ...m }) => m),
    groessterMonat: groesster.monat,
    gzBei1000Vorkommen: tausend.length === 1000 ? GZ(Buffer.from(JSON.stringify(tausend))) : undefined,
    gzBytesJeVorkommen: Math.round((groesster.gz / groesster.vorkommen) * 10) / 10,
  };
  return ergebnis;
}

// --- serving and measuring in Chromium ----------------------------------------------------

/**
 * Serves `dist` like a static host: scripts/serve-dist.mjs with the headers of dist/_headers, behind
 * a small proxy that gzips text as every host does (Lighthouse would otherwise time uncompressed
 * transfers and flag "enable text compression"). Returns something with `kill()`.
 */
async function server(dist, port) {
  const innen = port + 1;
  const kind = spawn(process.execPath, [join(ROOT, 'scripts/serve-dist.mjs'), '--dir', dist, '--port', String(innen), '--headers'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${innen}/`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((ok) => setTimeout(ok, 100));
    if (i === 99) {
      kind.kill();
      throw new Error(`Server für ${dist} startet nicht`);
    }
  }
  const proxy = createServer(async (req, res) => {
    try {
      const r = await fetch(`http://127.0.0.1:${innen}${req.url}`, { redirect: 'manual', headers: { 'accept-encoding': 'identity' } });
      const kopf = Object.fromEntries([...r.headers].filter(([k]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)));
      let body = Buffer.from(await r.arrayBuffer());
      const text = /^(text\/|application\/(javascript|json|xml|manifest|geo\+json)|image\/svg)/.test(r.headers.get('content-type') ?? '');
      if (text && body.length > 256 && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 6 });
        kopf['content-encoding'] = 'gzip';
        kopf.vary = 'Accept-Encoding';
      }
      res.writeHead(r.status, { ...kopf, 'content-length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(502).end(String(e));
    }
  });
  await new Promise((ok) => proxy.listen(port, '127.0.0.1', ok));
  return {
    kill() {
      proxy.close();
      kind.kill();
    },
  };
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A representative URL per page type, preferring the example content's well-known entries. */
function beispielUrls(dist) {
  const erste = (ordner, bevorzugt) => {
    const d = join(dist, ordner);
    if (!existsSync(d)) return undefined;
    const ids = readdirSync(d, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(d, e.name, 'index.html')) && !['kategorie'].includes(e.name))
      .map((e) => e.name)
      .sort();
    const id = bevorzugt.find((b) => ids.includes(b)) ?? ids[0];
    return id && `/${ordner}/${id}/`;
  };
  return {
    Startseite: '/',
    Quartier: erste('quartiere', ['diessem', 'stahldorf']),
    Treff: erste('treffs', ['freiraum21']),
    Angebot: erste('angebote', ['deutschkurs-freiraum21']),
    Termin: erste('termine', ['elterncafe-stahldorf']),
    Kalender: '/kalender/',
    'Treff-Finder': '/treffs/',
    Suche: '/suche/',
  };
}

/**
 * Loads `url` like a first visit (empty cache, mobile viewport) and sums what came over the wire
 * by kind, each body gzipped (level 9) as a host would send it; inline scripts and styles count
 * to JS and CSS. `danach` runs an interaction (load the map, type a search) measured on top.
 */
async function seitenGewicht(browser, basis, url, danach) {
  const kontext = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await kontext.newPage();
  // Nothing may leave the machine (map tiles only after consent — and not in a benchmark).
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (r) => r.abort());
  const antworten = [];
  page.on('response', (r) => antworten.push(r));
  await page.goto(basis + url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const erst = await summieren(antworten.splice(0), page);
  const blockierend = await page.evaluate(() => ({
    css: document.querySelectorAll('head link[rel="stylesheet"]').length,
    skripte: document.querySelectorAll('head script[src]:not([async]):not([defer]):not([type="module"])').length,
  }));
  let nachher;
  if (danach) {
    try {
      await danach(page);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      const dazu = await summieren(antworten.splice(0), page, false);
      nachher = { jsGz: erst.jsGz + dazu.jsGz, cssGz: erst.cssGz + dazu.cssGz, anfragen: erst.anfragen + dazu.anfragen };
    } catch (e) {
      nachher = { fehler: String(e.message ?? e).split('\n')[0] };
    }
  }
  await kontext.close();
  return { url, ...erst, blockierend, ...(nachher ? { nachInteraktion: nachher } : {}) };
}

async function summieren(antworten, page, mitInline = true) {
  const s = { htmlGz: 0, cssGz: 0, jsGz: 0, bilderBytes: 0, schriftenBytes: 0, datenGz: 0, sonstigeGz: 0, anfragen: 0 };
  for (const r of antworten) {
    if (r.status() >= 300 && r.status() < 400) continue;
    let body;
    try {
      body = await r.body();
    } catch {
      continue;
    }
    s.anfragen++;
    const typ = r.request().resourceType();
    if (typ === 'document') s.htmlGz += GZ(body);
    else if (typ === 'stylesheet') s.cssGz += GZ(body);
    else if (typ === 'script') s.jsGz += GZ(body);
    else if (typ === 'image') s.bilderBytes += body.length;
    else if (typ === 'font') s.schriftenBytes += body.length;
    else if (typ === 'fetch' || typ === 'xhr') s.datenGz += GZ(body);
    else s.sonstigeGz += GZ(body);
  }
  if (mitInline) {
    const inline = await page.evaluate(() => ({
      js: [...document.querySelectorAll('script:not([src])')].filter((e) => !/json/.test(e.type)).map((e) => e.textContent ?? ''),
      css: [...document.querySelectorAll('style')].map((e) => e.textContent ?? ''),
    }));
    // Inline code is inside the HTML already; noted separately so JS/CSS budgets see it.
    s.jsInlineGz = inline.js.reduce((a, t) => a + GZ(Buffer.from(t)), 0);
    s.cssInlineGz = inline.css.reduce((a, t) => a + GZ(Buffer.from(t)), 0);
  }
  return s;
}

async function seitenGewichte(basis, dist) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: BROWSER ?? undefined, args: CHROMIUM_ARGS });
  const ergebnis = {};
  try {
    for (const [typ, url] of Object.entries(beispielUrls(dist))) {
      if (!url) continue;
      let danach;
      if (typ === 'Treff-Finder')
        danach = async (page) => {
          await page.getByRole('button', { name: /Karte laden/ }).first().click();
          await page.locator('.leaflet-container').first().waitFor({ timeout: 15_000 });
        };
      if (typ === 'Suche')
        danach = async (page) => {
          const feld = page.getByRole('searchbox').or(page.locator('main input[type="search"]')).first();
          await feld.click();
          await feld.fill('Treff');
          await page.waitForTimeout(1500);
        };
      try {
        ergebnis[typ] = await seitenGewicht(browser, basis, url, danach);
      } catch (e) {
        ergebnis[typ] = { url, fehler: String(e.message ?? e).split('\n')[0] };
      }
    }
  } finally {
    await browser.close();
  }
  return ergebnis;
}

// --- Lighthouse -----------------------------------------------------------------------------

async function lighthouseLauf(basis, urls) {
  let lighthouse, chromeLauncher;
  try {
    lighthouse = (await import('lighthouse')).default;
    chromeLauncher = await import('chrome-launcher');
  } catch (e) {
    return { fehler: `lighthouse nicht installiert (npm install -D lighthouse): ${e.message}` };
  }
  if (!BROWSER) return { fehler: 'kein Chromium gefunden (CHROME_PATH oder /usr/bin/chromium)' };
  const ergebnis = {};
  for (const [name, url] of Object.entries(urls)) {
    let chrome;
    try {
      chrome = await chromeLauncher.launch({ chromePath: BROWSER, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS.filter((a) => a !== '--headless')] });
      // Default config = mobile: Moto G Power emulation, simulated slow 4G, 4× CPU slowdown.
      const lauf = await lighthouse(basis + url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      const lhr = lauf.lhr;
      const punkte = (k) => (lhr.categories[k]?.score === null || lhr.categories[k]?.score === undefined ? null : Math.round(lhr.categories[k].score * 100));
      const wert = (a) => lhr.audits[a]?.numericValue;
      const verfehlt = Object.values(lhr.categories).flatMap((k) =>
        k.id === 'performance' ? [] : k.auditRefs.filter((r) => r.weight > 0 && lhr.audits[r.id]?.score !== null && lhr.audits[r.id]?.score < 1).map((r) => `${k.id}: ${r.id}`),
      );
      ergebnis[name] = {
        url,
        performance: punkte('performance'),
        accessibility: punkte('accessibility'),
        bestPractices: punkte('best-practices'),
        seo: punkte('seo'),
        lcpMs: Math.round(wert('largest-contentful-paint')),
        cls: Math.round(wert('cumulative-layout-shift') * 1000) / 1000,
        tbtMs: Math.round(wert('total-blocking-time')),
        fcpMs: Math.round(wert('first-contentful-paint')),
        ...(verfehlt.length ? { verfehlt } : {}),
        ...(lhr.runWarnings?.length ? { warnungen: lhr.runWarnings } : {}),
      };
    } catch (e) {
      ergebnis[name] = { url, fehler: String(e.message ?? e).split('\n')[0] };
      log(`  Lighthouse ${name}: ${ergebnis[name].fehler}`);
    } finally {
      try {
        chrome?.kill();
      } catch {
        /* already gone */
      }
    }
  }
  return ergebnis;
}

// --- feeds ----------------------------------------------------------------------------------

function feeds(dist, build) {
  const alle = join(dist, 'kalender/alle.ics');
  const r = build.routen ?? {};
  const zeit = (k) => r[k]?.sekunden ?? 0;
  return {
    alleIcsBytes: existsSync(alle) ? statSync(alle).size : undefined,
    alleIcsGz: existsSync(alle) ? GZ(readFileSync(alle)) : undefined,
    // From the build log: the time Astro spent on each .ics route.
    abosSekunden: zeit('feeds (/kalender/*.ics)'),
    abosAnzahl: r['feeds (/kalender/*.ics)']?.anzahl ?? 0,
    terminIcsSekunden: Math.round((zeit('Termin: serie.ics') + zeit('Termin: Datum.ics')) * 10) / 10,
    terminIcsAnzahl: (r['Termin: serie.ics']?.anzahl ?? 0) + (r['Termin: Datum.ics']?.anzahl ?? 0),
  };
}

// --- budgets --------------------------------------------------------------------------------

function budgets(e) {
  const liste = [];
  const pruefe = (was, wert, grenze, einheit = 'B', kleinerGleich = true) => {
    if (wert === undefined || wert === null || Number.isNaN(wert)) return;
    liste.push({ was, wert, grenze, einheit, ok: kleinerGleich ? wert <= grenze : wert >= grenze });
  };
  const s = e.beispiel?.seiten ?? {};
  for (const typ of ['Startseite', 'Quartier', 'Treff', 'Angebot', 'Termin']) {
    const p = s[typ];
    if (!p || p.fehler) continue;
    pruefe(`${typ}: JS gz`, p.jsGz + p.jsInlineGz, 2048);
    pruefe(`${typ}: HTML+CSS gz`, p.htmlGz + p.cssGz, 14 * 1024);
    pruefe(`${typ}: blockierende Anfragen außer 1 CSS`, p.blockierend.css - 1 + p.blockierend.skripte, 0, '');
  }
  const f = s['Treff-Finder'];
  if (f?.nachInteraktion && !f.nachInteraktion.fehler) pruefe('/treffs/ mit Karte: JS gz', f.nachInteraktion.jsGz + f.jsInlineGz, 60 * 1024);
  const k = s.Kalender;
  if (k && !k.fehler) pruefe('/kalender/: JS gz', k.jsGz + k.jsInlineGz, 120 * 1024);
  const su = s.Suche;
  if (su && !su.fehler) pruefe('/suche/ bis zur Eingabe: JS gz', su.jsGz + su.jsInlineGz, 30 * 1024);
  for (const [name, l] of Object.entries(e.beispiel?.lighthouse ?? {})) {
    if (!l || l.fehler) continue;
    pruefe(`Lighthouse ${name}: Performance`, l.performance, 98, '', false);
    pruefe(`Lighthouse ${name}: Barrierefreiheit`, l.accessibility, 100, '', false);
    pruefe(`Lighthouse ${name}: Best Practices`, l.bestPractices, 100, '', false);
    pruefe(`Lighthouse ${name}: SEO`, l.seo, 100, '', false);
    pruefe(`Lighthouse ${name}: CLS`, l.cls, 0, '');
  }
  const eins = e.skalen?.['1'];
  if (eins?.build) pruefe('Build 1×', eins.build.sekunden, 60, 's');
  if (eins?.monatsJson?.gzBei1000Vorkommen) pruefe('Monats-JSON, 1.000 Vorkommen, gz', eins.monatsJson.gzBei1000Vorkommen, 50 * 1024);
  // The growth of one run (`e.wachstum`), never a 4× of one hour over a 1× of another.
  if (e.wachstum?.build) pruefe('Wachstum Build 4×/1×', e.wachstum.build, 4.4, '×');
  return liste;
}

// --- printing -------------------------------------------------------------------------------

function tabelle(kopf, zeilen) {
  const breiten = kopf.map((k, i) => Math.max(String(k).length, ...zeilen.map((z) => String(z[i] ?? '').length)));
  const zeile = (z) => z.map((w, i) => String(w ?? '').padEnd(breiten[i])).join('  ');
  log(zeile(kopf));
  log(breiten.map((b) => '─'.repeat(b)).join('  '));
  for (const z of zeilen) log(zeile(z));
}

function drucken(e) {
  if (e.beispiel?.build) {
    const b = e.beispiel.build;
    log(`\nBeispielinhalte: Build ${b.sekunden} s, ${e.beispiel.zaehlung.seiten} Seiten, ${e.beispiel.zaehlung.feeds} .ics`);
  }
  if (e.beispiel?.seiten) {
    log('\nSeitengewicht beim ersten Laden (gzip, mobiler Viewport, leerer Cache)');
    tabelle(
      ['Seitentyp', 'URL', 'HTML', 'CSS', 'JS', 'davon inline JS', 'Bilder', 'Schriften', 'Anfragen', 'danach JS'],
      Object.entries(e.beispiel.seiten).map(([typ, p]) =>
        p.fehler
          ? [typ, p.url, `Fehler: ${p.fehler}`]
          : [typ, p.url, KB(p.htmlGz), KB(p.cssGz), KB(p.jsGz + p.jsInlineGz), KB(p.jsInlineGz), KB(p.bilderBytes), KB(p.schriftenBytes), p.anfragen, p.nachInteraktion ? (p.nachInteraktion.fehler ? p.nachInteraktion.fehler : KB(p.nachInteraktion.jsGz + p.jsInlineGz)) : ''],
      ),
    );
  }
  if (e.beispiel?.lighthouse) {
    log('\nLighthouse (mobil)');
    const lh = e.beispiel.lighthouse;
    if (lh.fehler) log(`  nicht gelaufen: ${lh.fehler}`);
    else
      tabelle(
        ['Seite', 'Perf.', 'A11y', 'Best Pr.', 'SEO', 'LCP', 'CLS', 'TBT', 'verfehlt'],
        Object.entries(lh).map(([n, l]) => (l.fehler ? [n, `Fehler: ${l.fehler}`] : [n, l.performance, l.accessibility, l.bestPractices, l.seo, `${l.lcpMs} ms`, l.cls, `${l.tbtMs} ms`, (l.verfehlt ?? []).join(', ')])),
      );
  }
  if (e.beispiel?.feeds) {
    const f = e.beispiel.feeds;
    log(`\nFeeds (Beispielinhalte): /kalender/alle.ics ${KB(f.alleIcsBytes)} (gz ${KB(f.alleIcsGz)}); ${f.abosAnzahl} Abo-Feeds in ${f.abosSekunden} s, ${f.terminIcsAnzahl} Termin-.ics in ${f.terminIcsSekunden} s`);
  }
  const skalen = Object.entries(e.skalen ?? {});
  if (skalen.length) {
    log('\nBuild mit synthetischen Inhalten');
    tabelle(
      ['Skala', 'Treffs', 'Angebote', 'Termine', 'Build', 'CPU', 'RSS (Baum)', 'Sync', 'Seiten erz.', 'danach', 'Seiten', '.ics', 'alle.ics', 'Feeds', 'Referenz', 'gemessen'],
      skalen.map(([k, s]) =>
        s.fehler
          ? [`${k}×`, `Fehler: ${s.fehler.split('\n')[0]}`]
          : [`${k}×`, s.inhalte.treffs, s.inhalte.angebote, s.inhalte.termine, `${s.build.sekunden} s`, s.build.cpuSekunden ? `${s.build.cpuSekunden} s` : '–', `${s.build.rssSpitzeMB} MB`, `${s.build.phasen.inhalteSync ?? '–'} s`, `${s.build.phasen.seitenErzeugen ?? '–'} s`, `${s.build.phasen.integrationenNachher ?? '–'} s`, s.zaehlung.seiten, s.zaehlung.feeds, KB(s.feeds?.alleIcsBytes), `${s.feeds?.abosSekunden ?? '–'} s`, s.referenz ? `${s.referenz.sekunden} s` : '–', s.gemessen?.slice(0, 10)],
      ),
    );
    if (e.wachstum) log(`Wachstum 4×/1×: Build ${e.wachstum.build}×, CPU ${e.wachstum.cpu ?? '–'}× (Ziel ≤ 4,4)`);
    const n = e.skalen['1']?.nachAenderung;
    if (n) log(`1× nach einer Änderung (Inhalts-Cache, über den vorigen Build): ${n.sekunden} s, CPU ${n.cpuSekunden ?? '–'} s, Inhalte einlesen ${n.phasen.inhalteSync ?? '–'} s`);
    for (const [k, s] of skalen) {
      const d = s.dateisystem;
      if (!d) continue;
      const schaetzung = Math.round((d.eintraege * d.kosten.cpuMsJeEintrag) / 1000);
      log(
        `Dateisystem ${k}×: ${d.eintraege} neue Dateien und Ordner, ${d.kosten.cpuMsJeEintrag} ms CPU je Eintrag auf dieser Platte (≈ ${schaetzung} s CPU)` +
          (d.ramdisk ? `; derselbe Build mit dist/ auf der RAM-Disk: ${d.ramdisk.sekunden} s, CPU ${d.ramdisk.cpuSekunden ?? '–'} s (${d.ramdisk.kosten.cpuMsJeEintrag} ms je Eintrag)` : ''),
      );
    }
    const eins = e.skalen['1'];
    if (eins?.build?.routen) {
      log('\nWo die Zeit beim Seitenerzeugen bleibt (1×, Summe der Zeiten je Route aus dem Build-Log)');
      tabelle(['Art', 'Anzahl', 'Sekunden'], Object.entries(eins.build.routen).sort((a, b) => b[1].sekunden - a[1].sekunden).map(([a, r]) => [a, r.anzahl, r.sekunden]));
    }
    if (eins?.monatsJson) {
      const m = eins.monatsJson;
      const g = m.monate.find((x) => x.monat === m.groessterMonat);
      log(`\nMonats-JSON (1×): größter Monat ${m.groessterMonat} mit ${g.vorkommen} Vorkommen = ${KB(g.bytes)} (gz ${KB(g.gz)}); 1.000 Vorkommen gz ${KB(m.gzBei1000Vorkommen)}; ${m.gzBytesJeVorkommen} B gz je Vorkommen`);
    }
  }
  if (e.budgets?.length) {
    log('\nBudgets');
    tabelle(['', 'was', 'Wert', 'Grenze'], e.budgets.map((b) => [b.ok ? '✓' : '✗', b.was, `${b.einheit === 'B' ? KB(b.wert) : `${b.wert} ${b.einheit}`}`, `${b.einheit === 'B' ? KB(b.grenze) : `${b.grenze} ${b.einheit}`}`]));
  }
}

// --- main -----------------------------------------------------------------------------------

async function main() {
  mkdirSync(TMP, { recursive: true });
  await abwarten();
  const vorher = existsSync(ERGEBNIS) ? JSON.parse(readFileSync(ERGEBNIS, 'utf8')) : {};
  const e = {
    datum: new Date().toISOString(),
    jetzt: JETZT,
    maschine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      speicherGB: Math.round(totalmem() / 1024 ** 3),
      freiGB: Math.round(freemem() / 1024 ** 3),
      kernel: release(),
      node: process.version,
      chromium: BROWSER,
      hinweis: 'Die Maschine wird mit anderen geteilt: Sekunden schwanken, CPU-Sekunden weniger.',
    },
    beispiel: undefined,
    skalen: { ...(vorher.skalen ?? {}) },
  };

  if (MIT_BEISPIEL) {
    log('▶ Beispielinhalte (content/) bauen …');
    const dir = projekt('beispiel');
    cpSync(join(ROOT, 'content'), join(dir, 'inhalt'), { recursive: true });
    const b = {};
    try {
      b.build = await astroBuild(dir, './inhalt');
      const dist = join(dir, 'dist');
      b.zaehlung = zaehlen(dist);
      b.feeds = feeds(dist, b.build);
      b.monatsJson = monatsDateien(dist);
      const port = 4390 + 2 * Math.floor(Math.random() * 25);
      const srv = await server(dist, port);
      try {
        log('▶ Seitengewicht in Chromium …');
        b.seiten = await seitenGewichte(`http://127.0.0.1:${port}`, dist);
        if (MIT_LIGHTHOUSE) {
          log('▶ Lighthouse (mobil) …');
          const u = beispielUrls(dist);
          b.lighthouse = await lighthouseLauf(`http://127.0.0.1:${port}`, { Startseite: '/', Treff: u.Treff, 'Treff-Finder': '/treffs/', Kalender: '/kalender/' });
        }
      } finally {
        srv.kill();
      }
    } catch (err) {
      b.fehler = String(err.message ?? err);
      log(`  ✗ ${b.fehler.split('\n')[0]}`);
    }
    e.beispiel = b;
    if (!BEHALTEN) spaeterLoeschen.push(dir);
  } else e.beispiel = vorher.beispiel;

  for (const k of SKALEN) {
    log(`▶ Skala ${k}×: Inhalte erzeugen …`);
    const dir = projekt(`skala-${k}`);
    const s = { gemessen: new Date().toISOString() };
    try {
      const t0 = performance.now();
      s.inhalte = generateContent({ out: join(dir, 'inhalt'), scale: k, heute: JETZT.slice(0, 10) });
      s.erzeugenSekunden = Math.round((performance.now() - t0) / 100) / 10;
      // How fast the machine is right now, for comparing this run with others (scripts/bench/referenz.mjs).
      s.referenz = referenz();
      log(`  ${JSON.stringify(s.inhalte)}; Referenzaufgabe ${s.referenz.sekunden} s; bauen …`);
      s.build = await astroBuild(dir, './inhalt');
      const dist = join(dir, 'dist');
      s.zaehlung = zaehlen(dist);
      s.feeds = feeds(dist, s.build);
      s.monatsJson = monatsDateien(dist);
      log(`  ${s.build.sekunden} s, ${s.zaehlung.seiten} Seiten, ${s.zaehlung.feeds} .ics`);
      s.dateisystem = { eintraege: s.zaehlung.dateien + s.zaehlung.ordner, kosten: dateisystemKosten(dir) };
      if (k === 1) {
        log('  noch einmal nach einer Änderung (ein Termin-Titel; Inhalts-Cache und dist/ vom ersten Build) …');
        s.nachAenderung = await neubauNachAenderung(dir);
        log(`  ${s.nachAenderung.sekunden} s`);
      }
      if (k === 1 && RAMDISK) {
        log(`  noch einmal mit dist/ auf der RAM-Disk (${RAMDISK}) …`);
        s.dateisystem.ramdisk = await ramdiskBuild(dir);
        log(`  ${s.dateisystem.ramdisk.sekunden} s`);
      }
    } catch (err) {
      s.fehler = String(err.message ?? err);
      log(`  ✗ ${s.fehler.split('\n')[0]}`);
    }
    e.skalen[String(k)] = s;
    if (!BEHALTEN) spaeterLoeschen.push(dir);
  }
  const [eins, vier] = [e.skalen['1'], e.skalen['4']];
  // Growth compares 1× and 4× of one run only: between runs the machine's speed changes (referenz.mjs).
  if (!(SKALEN.includes(1) && SKALEN.includes(4))) e.wachstum = vorher.wachstum;
  else if (eins?.build && vier?.build)
    e.wachstum = {
      build: Math.round((vier.build.sekunden / eins.build.sekunden) * 100) / 100,
      cpu: eins.build.cpuSekunden && vier.build.cpuSekunden ? Math.round((vier.build.cpuSekunden / eins.build.cpuSekunden) * 100) / 100 : undefined,
    };
  e.budgets = budgets(e);
  writeFileSync(ERGEBNIS, `${JSON.stringify(e, null, 2)}\n`);
  drucken(e);
  log(`\nGeschrieben: ${relative(ROOT, ERGEBNIS)}`);
  for (const d of spaeterLoeschen) rmSync(d, { recursive: true, force: true });
  // Left over by an interrupted run.
  for (const d of existsSync(TMP) ? readdirSync(TMP) : []) if (/\.alt-\d+-\d+$/.test(d)) rmSync(join(TMP, d), { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  writeFileSync(GELOESCHT, String(Date.now()));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
