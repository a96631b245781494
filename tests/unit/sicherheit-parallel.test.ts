/**
 * The build's HTML check (src/integrations/sicherheit.ts) runs in worker threads: on the pages
 * while they are rendered, and on large sites' files after the build. The example content is below
 * the size for the latter, so this test runs both on a made-up site: the workers must find the same
 * violations and inline-code hashes as the check in one thread.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LaufendePruefung, pruefeDateien, pruefeParallel, urlPfad } from '../../src/integrations/sicherheit';

const wurzel = mkdtempSync(join(tmpdir(), 'qp-sicherheit-'));
afterAll(() => rmSync(wurzel, { recursive: true, force: true }));

const dateien: string[] = [];
for (let i = 0; i < 60; i++) {
  const ordner = join(wurzel, i % 2 ? 'treffs' : 'einbetten', `s${i}`);
  mkdirSync(ordner, { recursive: true });
  const datei = join(ordner, 'index.html');
  const inhalt =
    i === 47
      ? '<div class="qp-prosa"><img src="x" onerror="alert(1)"></div>'
      : `<div class="qp-prosa"><p>Seite ${i}</p></div><script>console.log(${i % 3})</script><p style="color: red">x</p>`;
  writeFileSync(datei, `<!doctype html><html lang="de"><head><style>p{margin:${i % 4}px}</style></head><body>${inhalt}</body></html>`);
  dateien.push(datei);
}

const sortiert = (teile: Awaited<ReturnType<typeof pruefeParallel>>) => ({
  verstoesse: teile.flatMap((t) => t.verstoesse).sort(),
  hashes: Object.fromEntries(
    (['inhalt', 'einbetten', 'admin'] as const).map((b) => [
      b,
      Object.fromEntries((['skripte', 'stile', 'stilAttribute'] as const).map((a) => [a, [...new Set(teile.flatMap((t) => t.hashes[b][a]))].sort()])),
    ]),
  ),
});

describe('HTML-Prüfung in Worker-Threads', () => {
  it('findet mit drei Workern dasselbe wie in einem Thread', async () => {
    const einzeln = sortiert([pruefeDateien(wurzel, dateien)]);
    const parallel = await pruefeParallel(wurzel, dateien, 0, 3);
    expect(parallel).toHaveLength(3);
    expect(sortiert(parallel)).toEqual(einzeln);
    expect(einzeln.verstoesse).toEqual(['  /treffs/s47/: <img> hat ein Ereignis-Attribut onerror="alert(1)"']);
    expect(einzeln.hashes.inhalt.skripte).toHaveLength(3);
    expect(einzeln.hashes.einbetten.stile).toHaveLength(2);
  });
});

describe('HTML-Prüfung beim Rendern', () => {
  it('findet in zwei Workern dasselbe, auch wenn der Renderer warten muss', async () => {
    const einzeln = sortiert([pruefeDateien(wurzel, dateien)]);
    // At most two pages waiting: the renderer is held back most of the time.
    const pruefung = new LaufendePruefung(2, 2);
    for (const datei of dateien) {
      const html = new Uint8Array(readFileSync(datei));
      await pruefung.seite(urlPfad(wurzel, datei), html);
      // The caller keeps its bytes: Astro writes them after the check has them.
      expect(html.byteLength).toBeGreaterThan(0);
    }
    expect(pruefung.gesehen.size).toBe(60);
    expect(pruefung.gesehen.has('/treffs/s47/')).toBe(true);
    const teile = await pruefung.ende();
    expect(teile).toHaveLength(2);
    expect(sortiert(teile)).toEqual(einzeln);
  });

  it('ohne Seiten startet kein Worker und der Befund ist leer', async () => {
    const pruefung = new LaufendePruefung(2);
    expect(await pruefung.ende()).toEqual([]);
  });
});
