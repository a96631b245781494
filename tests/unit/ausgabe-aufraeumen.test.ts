/**
 * A build writes over the previous dist/ and then removes what it did not write
 * (src/integrations/ausgabe-aufraeumen.ts). A whole build over an earlier one is in
 * build-stabil.test.ts; here the sweep itself and the integration's hooks on a folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import ausgabeAufraeumen, { MARKE, bestandAufnehmen, bestandAufraeumen } from '../../src/integrations/ausgabe-aufraeumen';

const ordner: string[] = [];
afterEach(() => {
  for (const o of ordner.splice(0)) rmSync(o, { recursive: true, force: true });
});

function neuerOrdner(): string {
  const o = mkdtempSync(join(tmpdir(), 'qp-aufraeumen-'));
  ordner.push(o);
  return o;
}

/** Writes `datei` below `wurzel`, last modified at `zeit` (ms) when given. */
function schreibe(wurzel: string, datei: string, zeit?: number): void {
  const pfad = join(wurzel, datei);
  mkdirSync(join(pfad, '..'), { recursive: true });
  writeFileSync(pfad, datei);
  if (zeit !== undefined) utimesSync(pfad, new Date(zeit), new Date(zeit));
}

/** What the integration removes: files last modified before `seit`. */
const aelterAls = (seit: number) => (pfad: string) => statSync(pfad).mtimeMs < seit;

function alle(wurzel: string): string[] {
  return readdirSync(wurzel, { recursive: true, withFileTypes: true })
    .map((e) => join(e.parentPath, e.name).slice(wurzel.length + 1) + (e.isDirectory() ? '/' : ''))
    .sort();
}

describe('Bestand aufnehmen und aufräumen', () => {
  it('entfernt ältere Dateien des Bestands und die Ordner, die dadurch leer werden; neuere bleiben', async () => {
    const w = neuerOrdner();
    // Whole seconds: a file time set to exactly `seit` reads back exactly.
    const seit = Math.floor(Date.now() / 1000) * 1000 - 10_000;
    schreibe(w, 'termine/alt/index.html', seit - 60_000);
    schreibe(w, 'termine/alt/serie.ics', seit - 60_000);
    schreibe(w, 'termine/neu/index.html', seit + 1000);
    schreibe(w, 'termine/gemischt/index.html', seit + 1000);
    schreibe(w, 'termine/gemischt/2026-12-01.ics', seit - 1);
    schreibe(w, 'en/termine/alt/index.html', seit - 60_000);
    schreibe(w, 'index.html', seit);
    mkdirSync(join(w, 'leer/immer/noch'), { recursive: true });
    const bestand = await bestandAufnehmen(w);
    expect(bestand.dateien).toHaveLength(7);
    expect(bestand.ordner).toHaveLength(10);

    expect(bestandAufraeumen(bestand, aelterAls(seit))).toEqual({ dateien: 4, ordner: 7 });
    expect(alle(w)).toEqual(['index.html', 'termine/', 'termine/gemischt/', 'termine/gemischt/index.html', 'termine/neu/', 'termine/neu/index.html']);
  });

  it('lässt ausgelassene Ordner, Links und den Ordner selbst stehen', async () => {
    const w = neuerOrdner();
    const seit = Date.now();
    schreibe(w, 'pagefind/fragment/a.pf_fragment', seit - 60_000);
    schreibe(w, 'alt.html', seit - 60_000);
    symlinkSync(join(w, 'nirgendwo'), join(w, 'link'));
    expect(bestandAufraeumen(await bestandAufnehmen(w, new Set(['pagefind'])), aelterAls(seit))).toEqual({ dateien: 1, ordner: 0 });
    expect(alle(w)).toEqual(['link', 'pagefind/', 'pagefind/fragment/', 'pagefind/fragment/a.pf_fragment']);
    expect(bestandAufraeumen(await bestandAufnehmen(w), aelterAls(seit))).toEqual({ dateien: 1, ordner: 2 });
    expect(alle(w)).toEqual(['link']);
  });

  it('sieht nur, was beim Aufnehmen da war: Neues bleibt, auch wenn es alt aussieht; Verschwundenes stört nicht', async () => {
    const w = neuerOrdner();
    const seit = Date.now();
    schreibe(w, 'a/alt.html', seit - 60_000);
    schreibe(w, 'b/weg.html', seit - 60_000);
    const bestand = await bestandAufnehmen(w);
    // Written after the listing with an old time (a copy that keeps its date): not in the listing.
    schreibe(w, 'c/kopie.html', seit - 60_000);
    rmSync(join(w, 'b'), { recursive: true });
    expect(bestandAufraeumen(bestand, aelterAls(seit))).toEqual({ dateien: 1, ordner: 1 });
    expect(alle(w)).toEqual(['c/', 'c/kopie.html']);
    expect(await bestandAufnehmen(join(w, 'gibt-es-nicht'))).toEqual({ dateien: [], ordner: [] });
  });
});

describe('nach Namen aufräumen', () => {
  it('entfernt nach Namen, was nicht mehr gebraucht wird (der Suchindex)', async () => {
    const w = neuerOrdner();
    for (const f of ['pagefind-entry.json', 'fragment/a.pf_fragment', 'fragment/b.pf_fragment', 'index/x.pf_index']) schreibe(w, f);
    const behalten = new Set(['pagefind-entry.json', 'fragment/b.pf_fragment'].map((f) => join(w, f)));
    expect(bestandAufraeumen(await bestandAufnehmen(w), (p) => !behalten.has(p))).toEqual({ dateien: 2, ordner: 1 });
    expect(alle(w)).toEqual(['fragment/', 'fragment/b.pf_fragment', 'pagefind-entry.json']);
  });
});

describe('Integration', () => {
  type Hooks = Record<string, (a: unknown) => void | Promise<void>>;
  const logger = (zeilen: string[]) => ({ info: (m: string) => zeilen.push(m) });

  it('schaltet Astros Leeren von dist/ ab und entfernt am Ende, was der Build nicht geschrieben hat', async () => {
    const w = neuerOrdner();
    const dist = join(w, 'dist');
    schreibe(dist, 'termine/geloescht/index.html', Date.now() - 60_000);
    schreibe(dist, 'termine/bleibt/index.html', Date.now() - 60_000);
    schreibe(dist, 'pagefind/alt.pf_fragment', Date.now() - 60_000);
    const hooks = ausgabeAufraeumen().hooks as Hooks;
    const config: unknown[] = [];
    hooks['astro:config:setup']({ updateConfig: (c: unknown) => config.push(c) });
    expect(config).toEqual([{ vite: { build: { emptyOutDir: false } } }]);
    hooks['astro:config:done']({ config: { outDir: pathToFileURL(`${dist}/`) } });
    hooks['astro:build:start']({});
    expect(existsSync(join(dist, MARKE))).toBe(true);
    // This build writes one of the two pages again.
    schreibe(dist, 'termine/bleibt/index.html');
    const zeilen: string[] = [];
    await hooks['astro:build:done']({ dir: pathToFileURL(`${dist}/`), logger: logger(zeilen) });
    expect(alle(dist)).toEqual(['pagefind/', 'pagefind/alt.pf_fragment', 'termine/', 'termine/bleibt/', 'termine/bleibt/index.html']);
    expect(zeilen).toEqual(['1 Dateien und 1 Ordner aus dem vorigen Build entfernt (nicht mehr erzeugt).']);
  });

  it('legt dist/ an, wenn es noch keins gibt, und meldet nichts, wenn nichts veraltet ist', async () => {
    const dist = join(neuerOrdner(), 'dist');
    const hooks = ausgabeAufraeumen().hooks as Hooks;
    hooks['astro:config:done']({ config: { outDir: pathToFileURL(`${dist}/`) } });
    hooks['astro:build:start']({});
    schreibe(dist, 'index.html');
    const zeilen: string[] = [];
    await hooks['astro:build:done']({ dir: pathToFileURL(`${dist}/`), logger: logger(zeilen) });
    expect(alle(dist)).toEqual(['index.html']);
    expect(zeilen).toEqual([]);
  });
});
