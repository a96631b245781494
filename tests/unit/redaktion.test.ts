/**
 * The editor's bundle is rebuilt exactly when something it is built from changed
 * (src/integrations/redaktion.ts): a developer's change to src/ or to the installed packages, or a
 * `PUBLIC_CMS_*` setting; never for a QE's edit in content/.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eingaben, gueltigesManifest, modulQuelle, schluessel, type RedaktionsManifest } from '../../src/integrations/redaktion';

let wurzel: string;
const schreibe = (pfad: string, text: string) => {
  mkdirSync(join(wurzel, pfad, '..'), { recursive: true });
  writeFileSync(join(wurzel, pfad), text);
};

beforeEach(() => {
  wurzel = mkdtempSync(join(tmpdir(), 'qp-redaktion-'));
  schreibe('src/cms/admin.ts', "import CMS from 'decap-cms-app';\n");
  schreibe('src/schema/enums.ts', 'export const A = 1;\n');
  schreibe('package.json', '{"name":"x"}');
  schreibe('tsconfig.json', '{}');
  schreibe('node_modules/.package-lock.json', '{"packages":{"node_modules/decap-cms-app":{"version":"3.16.3"}}}');
  schreibe('content/termine/elterncafe.md', '---\ntitel: Elterncafé\n---\n');
});
afterEach(() => rmSync(wurzel, { recursive: true, force: true }));

describe('Schlüssel des Redaktions-Bundles', () => {
  const ohne = {};

  it('bleibt gleich, wenn sich nur Inhalte ändern (eine Änderung im CMS baut die Redaktion nicht neu)', () => {
    const vorher = schluessel(wurzel, ohne);
    schreibe('content/termine/elterncafe.md', '---\ntitel: Elterncafé mit Spielecke\n---\n');
    schreibe('content/termine/neu.md', '---\ntitel: Neu\n---\n');
    expect(schluessel(wurzel, ohne)).toBe(vorher);
  });

  it('bleibt gleich, wenn eine Redakteurin ein Foto hochlädt (Medienordner)', () => {
    const vorher = schluessel(wurzel, ohne);
    schreibe('src/assets/uploads/treff-eingang.jpg', 'JPEG');
    expect(schluessel(wurzel, ohne)).toBe(vorher);
  });

  it('ändert sich mit jeder Datei unter src/: geändert, neu, gelöscht', () => {
    const schluessel0 = schluessel(wurzel, ohne);
    schreibe('src/schema/enums.ts', 'export const A = 2;\n');
    const schluessel1 = schluessel(wurzel, ohne);
    schreibe('src/cms/widgets/neu.tsx', 'export {};\n');
    const schluessel2 = schluessel(wurzel, ohne);
    unlinkSync(join(wurzel, 'src/schema/enums.ts'));
    const schluessel3 = schluessel(wurzel, ohne);
    expect(new Set([schluessel0, schluessel1, schluessel2, schluessel3]).size).toBe(4);
  });

  it('unterscheidet eine umbenannte Datei mit gleichem Inhalt', () => {
    const vorher = schluessel(wurzel, ohne);
    unlinkSync(join(wurzel, 'src/schema/enums.ts'));
    schreibe('src/schema/enum.ts', 'export const A = 1;\n');
    expect(schluessel(wurzel, ohne)).not.toBe(vorher);
  });

  it('ändert sich mit den installierten Paketen, package.json und tsconfig.json', () => {
    const gesehen = new Set([schluessel(wurzel, ohne)]);
    schreibe('node_modules/.package-lock.json', '{"packages":{"node_modules/decap-cms-app":{"version":"3.16.4"}}}');
    gesehen.add(schluessel(wurzel, ohne));
    schreibe('package.json', '{"name":"y"}');
    gesehen.add(schluessel(wurzel, ohne));
    schreibe('tsconfig.json', '{"compilerOptions":{"jsx":"react-jsx"}}');
    gesehen.add(schluessel(wurzel, ohne));
    expect(gesehen.size).toBe(4);
  });

  it('ändert sich mit den PUBLIC_-Einstellungen des Backends, nicht mit ihrer Reihenfolge', () => {
    const github = schluessel(wurzel, { PUBLIC_CMS_BACKEND: 'github', PUBLIC_CMS_REPO: 'stadt-krefeld/quartiere' });
    expect(schluessel(wurzel, { PUBLIC_CMS_REPO: 'stadt-krefeld/quartiere', PUBLIC_CMS_BACKEND: 'github' })).toBe(github);
    expect(schluessel(wurzel, { PUBLIC_CMS_BACKEND: 'gitea', PUBLIC_CMS_REPO: 'stadt-krefeld/quartiere' })).not.toBe(github);
    expect(schluessel(wurzel, ohne)).not.toBe(github);
  });

  it('liest src/, die Projektdateien und die installierten Versionen, nicht content/', () => {
    const namen = eingaben(wurzel).map((d) => d.slice(wurzel.length + 1));
    expect(namen).toEqual(['node_modules/.package-lock.json', 'package.json', 'src/cms/admin.ts', 'src/schema/enums.ts', 'tsconfig.json']);
  });
});

describe('Ein gebautes Redaktions-Bundle im Cache', () => {
  const ordner = () => join(wurzel, 'cache');
  const lege = (m: RedaktionsManifest, dateien = m.dateien) => {
    for (const d of dateien) schreibe(join('cache', 'dateien', d), 'x');
    schreibe(join('cache', 'manifest.json'), JSON.stringify(m));
  };
  const manifest: RedaktionsManifest = { schluessel: 'abc', skript: '/_astro/redaktion.X1.js', stile: [], dateien: ['_astro/redaktion.X1.js', '_astro/sql.Y2.js'] };

  it('wird wiederverwendet, wenn der Schlüssel passt und alle Dateien da sind', () => {
    lege(manifest);
    expect(gueltigesManifest(ordner(), 'abc')).toEqual(manifest);
  });

  it('wird nicht verwendet bei anderem Schlüssel, fehlender Datei oder ohne Manifest (abgebrochener Build)', () => {
    expect(gueltigesManifest(ordner(), 'abc')).toBeUndefined();
    lege(manifest, ['_astro/redaktion.X1.js']);
    expect(gueltigesManifest(ordner(), 'abc')).toBeUndefined();
    lege(manifest);
    expect(gueltigesManifest(ordner(), 'abd')).toBeUndefined();
  });
});

describe('Das virtuelle Modul für /admin/', () => {
  it('nennt Skript und Stile als Module-Exporte', async () => {
    const quelle = modulQuelle({ skript: '/_astro/redaktion.X1.js', stile: ['/_astro/redaktion.Z3.css'] });
    const modul = (await import(`data:text/javascript,${encodeURIComponent(quelle)}`)) as { skript: string; stile: string[] };
    expect({ ...modul }).toEqual({ skript: '/_astro/redaktion.X1.js', stile: ['/_astro/redaktion.Z3.css'] });
  });
});
