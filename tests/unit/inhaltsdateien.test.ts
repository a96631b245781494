/**
 * Problems with a content *file* (not a field) stop the build with a German message that names
 * the file: the messages are part of the product, so they are pinned here.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dateiFehlerText, leseInhaltsdatei, leseInhaltsdateiVonPlatte, pruefeInhaltsdateien, vorschlag, weiterleitungen } from '../../src/schema/dateien';

const tmp = mkdtempSync(join(tmpdir(), 'qp-dateien-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function inhalt(dateien: Record<string, string | Uint8Array>): string {
  const ziel = join(tmp, `c${n++}`);
  cpSync('tests/fixtures/klein', ziel, { recursive: true });
  for (const [pfad, text] of Object.entries(dateien)) {
    mkdirSync(join(ziel, pfad, '..'), { recursive: true });
    writeFileSync(join(ziel, pfad), text);
  }
  return ziel;
}

const meldungen = (dir: string) => pruefeInhaltsdateien(dir).map((f) => `${f.datei}${f.feld ? ` → ${f.feld}` : ''}: ${f.meldung}`);

describe('Inhaltsdateien', () => {
  it('nehmen die Testinhalte und die echten Inhalte an', () => {
    expect(pruefeInhaltsdateien('tests/fixtures/klein')).toEqual([]);
    expect(pruefeInhaltsdateien('content')).toEqual([]);
  });

  it('melden doppelte Namen: zwei Dateien hätten dieselbe Adresse und Kalender-ID', () => {
    expect(meldungen(inhalt({ 'akteure/werkhaus.yml': 'name: Doppelt\ntyp: verein\n' }))).toMatchInlineSnapshot(`
      [
        "akteure/werkhaus.yml: Gleicher Name wie akteure/werkhaus.yaml: Zwei Einträge hätten dieselbe Adresse und dieselbe Kalender-ID. Bitte eine der Dateien umbenennen oder löschen.",
      ]
    `);
    const gross = meldungen(inhalt({ 'termine/Elterncafe.md': '---\ntitel: x\n---\n' }));
    expect(gross.join('\n')).toContain('termine/Elterncafe.md: Der Dateiname ist die Adresse der Seite');
    expect(gross.join('\n')).toContain('termine/elterncafe.md: Gleicher Name wie termine/Elterncafe.md');
  });

  it('melden Dateien, die keine Sammlung liest, statt sie still zu übergehen', () => {
    expect(meldungen(inhalt({ 'treffs/neuer-treff.yaml': 'name: x\n', 'treffs/foto.jpg': 'kein bild' }))).toMatchInlineSnapshot(`
      [
        "treffs/neuer-treff.yaml: Diese Datei wird nicht gelesen: In content/treffs/ stehen nur .md-Dateien. Bitte umbenennen oder entfernen.",
      ]
    `);
  });

  it('schlagen einen gültigen Dateinamen vor', () => {
    expect(vorschlag('Treff Süd-Straße')).toBe('treff-sued-strasse');
    expect(meldungen(inhalt({ 'treffs/Café Müller.md': '---\n---\n' }))[0]).toContain('z. B. „cafe-mueller.md“');
  });

  it('melden Nicht-UTF-8, Steuerzeichen und YAML-Fehler mit Zeile', () => {
    expect(leseInhaltsdatei('treffs/a.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x6e, 0x3a, 0x20, 0xe4, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]), 'md').fehler[0].meldung).toBe(
      'Datei ist nicht in UTF-8 gespeichert (ungültiges Zeichen in Zeile 2). Bitte im Editor als „UTF-8“ speichern und Umlaute prüfen.',
    );
    expect(leseInhaltsdatei('treffs/a.md', Buffer.from('---\nname: x\n---\nText\u0007mit Klingel\n'), 'md').fehler[0].meldung).toBe(
      'Unsichtbares Steuerzeichen U+0007 in Zeile 4, Spalte 5 (entsteht oft beim Kopieren aus Word oder PDF). Bitte die Stelle löschen und neu tippen.',
    );
    expect(leseInhaltsdatei('treffs/a.md', Buffer.from('---\nname: "x\\u001b"\n---\n'), 'md').fehler[0]).toMatchObject({ feld: 'name' });
    expect(leseInhaltsdatei('treffs/a.md', Buffer.from('---\nname: x\n  falsch: 1\n---\n'), 'md').fehler[0].meldung).toMatch(
      /^Kopfdaten \(YAML\) nicht lesbar in Zeile 3: .*Häufige Ursachen/,
    );
  });

  it('melden YAML-Bomben, bevor Astro sie aufbläht', () => {
    const bombe = ['a: &a [x,x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]'];
    expect(leseInhaltsdatei('akteure/a.yaml', Buffer.from(bombe.join('\n')), 'yaml').fehler[0].meldung).toContain('viel zu umfangreich');
  });

  it('prüfen frühere Adressen: nicht die eines bestehenden Eintrags, nicht zweimal vergeben', () => {
    const treff = '---\nname: T\nfrueher: [alter-name]\n---\n';
    expect(meldungen(inhalt({ 'treffs/a.md': treff, 'treffs/b.md': treff, 'treffs/c.md': '---\nfrueher: [treff-test]\n---\n' }))).toMatchInlineSnapshot(`
      [
        "treffs/b.md → frueher: „alter-name“ steht schon bei treffs/a.md als frühere Adresse. Eine alte Adresse kann nur zu einem Eintrag weiterleiten.",
        "treffs/c.md → frueher: „treff-test“ ist die Adresse eines bestehenden Eintrags (content/treffs/treff-test.*) und kann nicht zugleich weiterleiten. Bitte aus „Frühere Adressen“ entfernen.",
      ]
    `);
  });

  it('leiten frühere Adressen auf die jetzige weiter', () => {
    const dir = inhalt({ 'treffs/neu.md': '---\nname: T\nfrueher: [alt, "Kaputt Name", treff-test]\n---\n' });
    expect(weiterleitungen(dir)).toEqual({ '/treffs/alt/': '/treffs/neu/' });
  });

  it('lesen eine unveränderte Datei nur einmal, eine geänderte neu (Konfiguration und Inhalte lesen dieselben Dateien)', () => {
    const dir = inhalt({ 'treffs/neu.md': '---\nname: T\nfrueher: [alt]\n---\n' });
    const pfad = join(dir, 'treffs', 'neu.md');
    const erst = leseInhaltsdateiVonPlatte('treffs/neu.md', pfad, 'md');
    expect(leseInhaltsdateiVonPlatte('treffs/neu.md', pfad, 'md')).toBe(erst);
    writeFileSync(pfad, '---\nname: T\nfrueher: [anders]\n---\n');
    expect(leseInhaltsdateiVonPlatte('treffs/neu.md', pfad, 'md').daten).toEqual({ name: 'T', frueher: ['anders'] });
    expect(weiterleitungen(dir)).toEqual({ '/treffs/anders/': '/treffs/neu/' });
    // A broken file after a good one: the message comes, not the old result.
    writeFileSync(pfad, '---\nname: T\n  falsch: 1\n---\n');
    expect(meldungen(dir)).toEqual([expect.stringMatching(/^treffs\/neu\.md: Kopfdaten \(YAML\) nicht lesbar/)]);
  });

  it('fassen alle Probleme in einer Meldung für das Build-Protokoll zusammen', () => {
    expect(dateiFehlerText([{ datei: 'treffs/a.md', meldung: 'X.' }], './content')).toBe('Inhalte fehlerhaft (1 Problem):\n  ./content/treffs/a.md: X.\nBitte die genannten Dateien korrigieren');
  });
});
