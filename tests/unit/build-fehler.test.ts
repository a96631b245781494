/**
 * A QE's mistake must stop the build with a message naming the file and the field — never a
 * broken site. This test builds a small content set with one broken file, like CI would.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'qp-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function baue(inhalt: string) {
  const r = spawnSync('npx', ['astro', 'build'], {
    cwd: process.cwd(),
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: inhalt,
      ASTRO_OUT_DIR: join(tmp, 'dist'),
      ASTRO_CACHE_DIR: join(tmp, 'cache'),
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
  });
  return { status: r.status, ausgabe: `${r.stdout}\n${r.stderr}` };
}

describe('Build mit fehlerhaftem Inhalt', () => {
  it('bricht ab und nennt Datei, Feld und was zu tun ist', { timeout: 120_000 }, () => {
    const inhalt = join(tmp, 'content');
    cpSync('tests/fixtures/klein', inhalt, { recursive: true });
    writeFileSync(
      join(inhalt, 'treffs', 'kaputter-treff.md'),
      [
        '---',
        'name: Kaputter Treff',
        'quartier: bleichpfad',
        'traeger: werkhaus',
        'adresse: { strasse: Bleichpfad, hausnummer: "12", plz: "47799" }',
        'koordinaten: { lat: 6.57, lon: 51.336 }',
        'oeffnungszeiten: "Dienstag 14-18 Uhr"',
        'zuletzt_geprueft: 2026-10-01',
        '---',
        'Text.',
      ].join('\n'),
    );
    const { status, ausgabe } = baue(inhalt);
    expect(status).not.toBe(0);
    expect(ausgabe).toContain('kaputter-treff.md');
    expect(ausgabe).toMatch(/koordinaten: „Koordinaten“: Koordinaten liegen nicht in Krefeld/);
    expect(ausgabe).toMatch(/oeffnungszeiten: „Öffnungszeiten“: Öffnungszeiten nicht eindeutig.*Vorschlag: „Tu 14:00-18:00“/);
  });

  it('meldet einen Verweis auf ein Quartier, das es nicht gibt', { timeout: 120_000 }, () => {
    const inhalt = join(tmp, 'content2');
    cpSync('tests/fixtures/klein', inhalt, { recursive: true });
    writeFileSync(
      join(inhalt, 'termine', 'falsches-quartier.md'),
      ['---', 'titel: Test', 'datum: 2026-12-01', 'beginn: "10:00"', 'quartier: bleichfad', 'kategorie: kultur', '---', 'Text.'].join('\n'),
    );
    const { status, ausgabe } = baue(inhalt);
    expect(status).not.toBe(0);
    expect(ausgabe).toContain('falsches-quartier.md');
    expect(ausgabe).toContain('quartier: „Quartier“: „bleichfad“ gibt es nicht in „quartiere“');
  });
});
