/**
 * `npm start` rebuilds after every change in content/ (scripts/inhalt-beobachten.mjs). Node's own
 * recursive watcher lost a file on Linux once it had been replaced (renamed over), and later saves
 * of that file rebuilt nothing; these are the ways a save reaches the disk.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { beobachteInhalte } from '../../scripts/inhalt-beobachten.mjs';

const RUHE = 150;
const warte = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

let aufraeumen: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of aufraeumen) await f();
  aufraeumen = [];
});

/** A content folder with one Termin, watched; `aufrufe()` is how often a rebuild was asked for so far. */
async function beobachtet() {
  const ordner = mkdtempSync(join(tmpdir(), 'qp-beobachten-'));
  const datei = join(ordner, 'termine', 'elterncafe.md');
  mkdirSync(join(ordner, 'termine'));
  writeFileSync(datei, '---\ntitel: "Elterncafé"\n---\n');
  let aufrufe = 0;
  const b = beobachteInhalte(ordner, () => aufrufe++, RUHE);
  await b.bereit;
  aufraeumen.push(async () => {
    await b.stop();
    rmSync(ordner, { recursive: true, force: true });
  });
  /** Waits until a change has had time to arrive and to go quiet. */
  const nachRuhe = () => warte(RUHE + 700);
  return { ordner, datei, aufrufe: () => aufrufe, nachRuhe, stop: b.stop };
}

/** As `sed -i`, vim or `git checkout`: the new text goes to another file, which replaces the old one. */
function ersetzen(datei: string, text: string) {
  writeFileSync(`${datei}.tmp`, text);
  renameSync(`${datei}.tmp`, datei);
}

describe('beobachteInhalte', () => {
  it('asks for a rebuild after each save in place (as decap-server writes)', async () => {
    const t = await beobachtet();
    writeFileSync(t.datei, '---\ntitel: "Elterncafé (neu)"\n---\n');
    await t.nachRuhe();
    expect(t.aufrufe()).toBe(1);
    writeFileSync(t.datei, '---\ntitel: "Elterncafé (wieder neu)"\n---\n');
    await t.nachRuhe();
    expect(t.aufrufe()).toBe(2);
  });

  it('keeps seeing a file after it was replaced, also later saves in place', async () => {
    const t = await beobachtet();
    ersetzen(t.datei, '---\ntitel: "eins"\n---\n');
    await t.nachRuhe();
    expect(t.aufrufe()).toBe(1);
    ersetzen(t.datei, '---\ntitel: "zwei"\n---\n');
    await t.nachRuhe();
    expect(t.aufrufe()).toBe(2);
    writeFileSync(t.datei, '---\ntitel: "drei"\n---\n');
    await t.nachRuhe();
    expect(t.aufrufe()).toBe(3);
  });

  it('sees new folders and the files in them, and makes one call for a burst of saves', async () => {
    const t = await beobachtet();
    mkdirSync(join(t.ordner, 'treffs'));
    writeFileSync(join(t.ordner, 'treffs', 'freiraum21.md'), '---\nname: "Freiraum21"\n---\n');
    writeFileSync(t.datei, '---\ntitel: "gleichzeitig"\n---\n');
    await t.nachRuhe();
    expect(t.aufrufe()).toBe(1);
    writeFileSync(join(t.ordner, 'treffs', 'freiraum21.md'), '---\nname: "Freiraum 21"\n---\n');
    await t.nachRuhe();
    expect(t.aufrufe()).toBe(2);
  });

  it('asks for nothing while nothing changes, and nothing after stop()', async () => {
    const t = await beobachtet();
    await t.nachRuhe();
    expect(t.aufrufe()).toBe(0);
    await t.stop();
    writeFileSync(t.datei, '---\ntitel: "nach dem Ende"\n---\n');
    await t.nachRuhe();
    expect(t.aufrufe()).toBe(0);
  });
});
