/**
 * Bad content never crashes the build without an answer. A fixed-seed fuzzer mutates the valid
 * files of tests/fixtures/klein (missing fields, wrong types, empty and 100 KB strings, control
 * characters, invalid UTF-8, YAML bombs, duplicate slugs, cyclic and dangling references …).
 * Each mutated content set must either be accepted or be rejected with a German message that
 * names the file and, where there is one, the field — never a bare stack trace.
 *
 * A full build takes half a minute, so the ≥ 200 mutations go through the path the build uses
 * before rendering — src/schema/dateien.ts (file checks, js-yaml like Astro) and each collection's
 * schema wrapped in `mitDeutschenFehlern`, as src/content.config.ts does — and a sample of them
 * also through a real `astro build`, which must agree.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it } from 'vitest';
import { akteurSchema, angebotSchema, kontaktSchema, quartierSchema, seiteSchema, terminSchema, treffSchema } from '../../src/schema/collections';
import { leseInhaltsdatei, pruefeInhaltsdateien, SAMMLUNGS_ENDUNGEN, type Sammlung } from '../../src/schema/dateien';
import { mitDeutschenFehlern } from '../../src/schema/errors';
import type { BekannteIds } from '../../src/schema/fields';
import { analysiereHtml } from '../../src/lib/html-pruefung';
import { baue, testOrdner } from '../support/test-build';
import { mulberry32 } from '../../scripts/zufall.mjs';

const SEED = 20261125;
const ANZAHL = 240;
const ECHTE_BUILDS = 11;

/** Draws from mulberry32 (scripts/zufall.mjs): the same sequence on every machine. */
function zufall(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    wahl: <T>(liste: readonly T[]): T => liste[Math.floor(next() * liste.length)],
  };
}
type Zufall = ReturnType<typeof zufall>;

const BASIS = 'tests/fixtures/klein';
const ordner = testOrdner('fuzz');
afterAll(() => rmSync(ordner, { recursive: true, force: true }));

// --- the base files, parsed ------------------------------------------------------------------

interface Datei {
  /** `treffs/treff-test.md` */
  pfad: string;
  sammlung: Sammlung;
  daten: Record<string, unknown>;
  koerper: string;
}

const BASIS_DATEIEN: Datei[] = (Object.keys(SAMMLUNGS_ENDUNGEN) as Sammlung[]).flatMap((sammlung) =>
  readdirSync(join(BASIS, sammlung)).map((name) => {
    const pfad = `${sammlung}/${name}`;
    const text = readFileSync(join(BASIS, pfad), 'utf8');
    const md = name.endsWith('.md');
    const { daten } = leseInhaltsdatei(pfad, Buffer.from(text), md ? 'md' : 'yaml');
    return { pfad, sammlung, daten: daten as Record<string, unknown>, koerper: md ? text.replace(/^---\n[\s\S]*?\n---\n/, '') : '' };
  }),
);

const alsText = (d: Datei) =>
  d.pfad.endsWith('.md') ? `---\n${yaml.dump(d.daten, { lineWidth: -1 })}---\n${d.koerper}` : yaml.dump(d.daten, { lineWidth: -1 });

// --- mutations ---------------------------------------------------------------------------------

interface Mutation {
  art: string;
  beschreibung: string;
  /** Files to write on top of (or instead of) the base set; `null` deletes. */
  dateien: Record<string, string | Uint8Array | null>;
  /** What must happen, where the mutation decides it; otherwise either outcome is fine. */
  erwartet?: 'ok' | 'fehler';
  /** A file name the error must mention. */
  datei?: string;
}

type Pfad = (string | number)[];

/** Every path to a leaf (string, number, boolean, null) or container in the data. */
function pfade(wert: unknown, pfad: Pfad = []): Pfad[] {
  if (Array.isArray(wert)) return [pfad, ...wert.flatMap((w, i) => pfade(w, [...pfad, i]))];
  if (wert && typeof wert === 'object' && !(wert instanceof Date))
    return [pfad, ...Object.entries(wert).flatMap(([k, w]) => pfade(w, [...pfad, k]))];
  return [pfad];
}

function hole(wert: unknown, pfad: Pfad): unknown {
  return pfad.reduce<unknown>((w, k) => (w as Record<string | number, unknown>)?.[k], wert);
}

function setze(wert: Record<string, unknown>, pfad: Pfad, neu: unknown | typeof LOESCHEN): void {
  const eltern = hole(wert, pfad.slice(0, -1)) as Record<string | number, unknown>;
  const k = pfad[pfad.length - 1];
  if (neu === LOESCHEN) {
    if (Array.isArray(eltern)) eltern.splice(Number(k), 1);
    else delete eltern[k];
  } else eltern[k] = neu;
}
const LOESCHEN = Symbol('löschen');

const klon = (d: Datei): Datei => ({ ...d, daten: structuredClone(d.daten) });
const STEUER = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u000b'];
const TYPEN: unknown[] = [42, -1.5, true, false, null, [], ['a', 1], {}, { x: 1 }, 'text', '2026-13-45', '99:99'];

function mitDaten(z: Zufall, art: string, aendern: (d: Datei, pfad: Pfad) => string | null): Mutation {
  for (;;) {
    const d = klon(z.wahl(BASIS_DATEIEN));
    const kandidaten = pfade(d.daten).filter((p) => p.length > 0);
    const pfad = z.wahl(kandidaten);
    const beschreibung = aendern(d, pfad);
    if (beschreibung === null) continue;
    return { art, beschreibung: `${d.pfad} ${pfad.join('.')}: ${beschreibung}`, dateien: { [d.pfad]: alsText(d) }, datei: basename(d.pfad) };
  }
}

function yamlBombe(ebenen: number): string {
  const zeilen = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= ebenen; i++) zeilen.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  return zeilen.join('\n');
}

const MUTATOREN: Record<string, (z: Zufall) => Mutation> = {
  'fehlendes-feld': (z) => mitDaten(z, 'fehlendes-feld', (d, p) => (setze(d.daten, p, LOESCHEN), 'gelöscht')),
  'falscher-typ': (z) =>
    mitDaten(z, 'falscher-typ', (d, p) => {
      const neu = z.wahl(TYPEN);
      setze(d.daten, p, structuredClone(neu));
      return `→ ${JSON.stringify(neu)}`;
    }),
  'leerer-text': (z) =>
    mitDaten(z, 'leerer-text', (d, p) => {
      if (typeof hole(d.daten, p) !== 'string') return null;
      setze(d.daten, p, z.wahl(['', '   ', '\n']));
      return 'leer';
    }),
  'riesiger-text': (z) =>
    mitDaten(z, 'riesiger-text', (d, p) => {
      if (typeof hole(d.daten, p) !== 'string') return null;
      setze(d.daten, p, 'Ä'.repeat(50 * 1024)); // 100 KB in UTF-8
      return '100 KB';
    }),
  'steuerzeichen-feld': (z) => {
    const m = mitDaten(z, 'steuerzeichen-feld', (d, p) => {
      const alt = hole(d.daten, p);
      if (typeof alt !== 'string') return null;
      const c = z.wahl(STEUER);
      setze(d.daten, p, `${alt.slice(0, 2)}${c}${alt.slice(2)}`);
      return `U+${c.charCodeAt(0).toString(16)}`;
    });
    return { ...m, erwartet: 'fehler' };
  },
  'steuerzeichen-text': (z) => {
    const d = z.wahl(BASIS_DATEIEN.filter((x) => x.pfad.endsWith('.md')));
    const c = z.wahl(STEUER);
    return { art: 'steuerzeichen-text', beschreibung: `${d.pfad} Text mit U+${c.charCodeAt(0).toString(16)}`, dateien: { [d.pfad]: `${alsText(d)}Mehr${c}Text\n` }, erwartet: 'fehler', datei: basename(d.pfad) };
  },
  'ungueltiges-utf8': (z) => {
    const d = z.wahl(BASIS_DATEIEN);
    const bytes = Buffer.from(alsText(d));
    const stelle = z.int(bytes.length);
    const schlecht = Buffer.from(z.wahl([[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80]]));
    return {
      art: 'ungueltiges-utf8',
      beschreibung: `${d.pfad} Byte ${stelle}`,
      dateien: { [d.pfad]: Buffer.concat([bytes.subarray(0, stelle), schlecht, bytes.subarray(stelle)]) },
      erwartet: 'fehler',
      datei: basename(d.pfad),
    };
  },
  'yaml-bombe': (z) => {
    const d = z.wahl(BASIS_DATEIEN);
    const bombe = yamlBombe(6 + z.int(4));
    const feld = z.wahl(['sprachen', 'quartiere', 'zusatz_bombe']);
    const kopf = `${bombe}\n${yaml.dump(d.daten, { lineWidth: -1 })}`.replace(new RegExp(`^${feld}:.*$`, 'm'), '') + `\n${feld}: *a${6}`;
    const text = d.pfad.endsWith('.md') ? `---\n${kopf}\n---\n${d.koerper}` : kopf;
    return { art: 'yaml-bombe', beschreibung: `${d.pfad} ${feld}`, dateien: { [d.pfad]: text }, erwartet: 'fehler', datei: basename(d.pfad) };
  },
  'tiefe-verschachtelung': (z) => {
    const d = z.wahl(BASIS_DATEIEN);
    const tiefe = 2000 + z.int(3000);
    const wert = `${'['.repeat(tiefe)}1${']'.repeat(tiefe)}`;
    const text = alsText(d).replace(/\n/, `\ntief: ${wert}\n`);
    return { art: 'tiefe-verschachtelung', beschreibung: `${d.pfad} ${tiefe} Ebenen`, dateien: { [d.pfad]: text }, erwartet: 'fehler', datei: basename(d.pfad) };
  },
  'kaputtes-yaml': (z) => {
    const d = z.wahl(BASIS_DATEIEN);
    const fehler = z.wahl(['name: "offen\n', 'x: [1, 2\n', '\tfalsch: eingerückt\n', 'a: b: c\n', '- liste\nkey: wert\n', '? komplex\n: schluessel\n  - x\n']);
    const text = d.pfad.endsWith('.md') ? `---\n${fehler}${yaml.dump(d.daten)}---\n${d.koerper}` : `${fehler}${yaml.dump(d.daten)}`;
    return { art: 'kaputtes-yaml', beschreibung: `${d.pfad} ${JSON.stringify(fehler)}`, dateien: { [d.pfad]: text }, datei: basename(d.pfad) };
  },
  'doppelter-slug': (z) => {
    const d = z.wahl(BASIS_DATEIEN);
    const [sammlung, name] = d.pfad.split('/');
    const id = name.replace(/\.[^.]+$/, '');
    const endung = name.slice(id.length + 1);
    const zweiter = z.wahl(
      endung === 'md' ? [`${id.toUpperCase()}.md`, `${id[0].toUpperCase()}${id.slice(1)}.md`] : [`${id}.${endung === 'yaml' ? 'yml' : 'yaml'}`, `${id.toUpperCase()}.yaml`],
    );
    return { art: 'doppelter-slug', beschreibung: `${sammlung}/${zweiter} neben ${name}`, dateien: { [`${sammlung}/${zweiter}`]: alsText(d) }, erwartet: 'fehler', datei: zweiter };
  },
  'falsche-endung': (z) => {
    const d = z.wahl(BASIS_DATEIEN);
    const [sammlung] = d.pfad.split('/');
    const neu = `${sammlung}/zusatz.${z.wahl(['txt', 'markdown', 'json', d.pfad.endsWith('.md') ? 'yaml' : 'md'])}`;
    return { art: 'falsche-endung', beschreibung: neu, dateien: { [neu]: alsText(d) }, erwartet: 'fehler', datei: basename(neu) };
  },
  'schlechter-dateiname': (z) => {
    const d = z.wahl(BASIS_DATEIEN);
    const [sammlung, name] = d.pfad.split('/');
    const endung = name.split('.').pop();
    const neu = `${sammlung}/${z.wahl(['Neuer Treff', 'straße', 'a--b', '-start', 'ende-', 'mit_unterstrich', 'punkt.im.namen'])}.${endung}`;
    return { art: 'schlechter-dateiname', beschreibung: neu, dateien: { [neu]: alsText(d) }, erwartet: 'fehler', datei: basename(neu) };
  },
  'haengender-verweis': (z) => {
    const ziele: [string, Pfad][] = [
      ['treffs/treff-test.md', ['quartier']],
      ['treffs/treff-test.md', ['traeger']],
      ['angebote/deutschkurs.md', ['treff']],
      ['angebote/deutschkurs.md', ['quartiere', 0]],
      ['termine/elterncafe.md', ['treff']],
      ['termine/elterncafe.md', ['quartier']],
      ['quartiere/bleichpfad.md', ['quartiersentwicklung']],
      ['akteure/werkhaus.yaml', ['quartiere', 0]],
    ];
    const [pfad, feld] = z.wahl(ziele);
    const d = klon(BASIS_DATEIEN.find((x) => x.pfad === pfad)!);
    setze(d.daten, feld, z.wahl(['gibt-es-nicht', 'treff-tset', 'bleichpfad-alt']));
    return { art: 'haengender-verweis', beschreibung: `${pfad} ${feld.join('.')}`, dateien: { [pfad]: alsText(d) }, erwartet: 'fehler', datei: basename(pfad) };
  },
  'zyklischer-verweis': (z) => {
    // Quartier → Kontakt → Akteur → Quartier, and a second Quartier pointing back.
    const kontakt = { rolle: 'quartiersentwicklung', bezeichnung: 'QE Zyklus', email: 'qe@example.org', organisation: 'werkhaus', quartiere: ['bleichpfad', 'zweites'] };
    const zweites = klon(BASIS_DATEIEN.find((x) => x.pfad === 'quartiere/bleichpfad.md')!);
    zweites.daten.name = `Zweites ${z.int(100)}`;
    zweites.daten.quartiersentwicklung = 'qe-zyklus';
    return {
      art: 'zyklischer-verweis',
      beschreibung: 'Quartier ↔ Kontakt ↔ Akteur',
      dateien: {
        'kontakte/qe-zyklus.yaml': yaml.dump(kontakt),
        'quartiere/zweites.md': alsText({ ...zweites, pfad: 'quartiere/zweites.md' }),
        'akteure/werkhaus.yaml': yaml.dump({ name: 'Werkhaus e.V.', typ: 'traeger', quartiere: ['bleichpfad', 'zweites'] }),
      },
      erwartet: 'ok',
    };
  },
  'unbekanntes-feld': (z) => {
    const d = klon(z.wahl(BASIS_DATEIEN));
    const feld = z.wahl(['titel_', 'Name', 'oeffnungzeiten', 'adress', '__proto__x', 'constructor']);
    d.daten[feld] = 'x';
    return { art: 'unbekanntes-feld', beschreibung: `${d.pfad} ${feld}`, dateien: { [d.pfad]: alsText(d) }, erwartet: 'fehler', datei: basename(d.pfad) };
  },
  'frueher-konflikt': (z): Mutation => {
    const treff = klon(BASIS_DATEIEN.find((x) => x.pfad === 'treffs/treff-test.md')!);
    const zweiter = klon(treff);
    if (z.next() < 0.5) {
      treff.daten.frueher = ['treff-test']; // its own current name
      return { art: 'frueher-konflikt', beschreibung: 'frueher = eigene Adresse', dateien: { 'treffs/treff-test.md': alsText(treff) }, erwartet: 'fehler', datei: 'treff-test.md' };
    }
    treff.daten.frueher = ['alter-treff'];
    zweiter.daten.frueher = ['alter-treff'];
    return {
      art: 'frueher-konflikt',
      beschreibung: 'zwei Einträge mit derselben früheren Adresse',
      dateien: { 'treffs/treff-test.md': alsText(treff), 'treffs/treff-zwei.md': alsText(zweiter) },
      erwartet: 'fehler',
      datei: 'treff-zwei.md',
    };
  },
  'leere-datei': (z) => {
    const d = z.wahl(BASIS_DATEIEN);
    const inhalt = z.wahl(['', '---\n---\n', 'nur Text ohne Kopf\n', '---\n\n---\nText\n', 'null\n', '[]\n', '42\n']);
    return { art: 'leere-datei', beschreibung: `${d.pfad} = ${JSON.stringify(inhalt)}`, dateien: { [d.pfad]: inhalt }, erwartet: 'fehler', datei: basename(d.pfad) };
  },
  'html-im-text': (z) => {
    const d = z.wahl(BASIS_DATEIEN.filter((x) => x.pfad.endsWith('.md')));
    const html = z.wahl(['<script>window.__xss=1</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '<iframe src="https://example.org"></iframe>']);
    return { art: 'html-im-text', beschreibung: `${d.pfad} ${html}`, dateien: { [d.pfad]: `${alsText(d)}\n${html}\n` }, erwartet: 'ok' };
  },
};

const ARTEN = Object.keys(MUTATOREN);

function erzeugeMutationen(): Mutation[] {
  const z = zufall(SEED);
  // Every kind at least ten times, the rest at random.
  return Array.from({ length: ANZAHL }, (_, i) => MUTATOREN[i < ARTEN.length * 10 ? ARTEN[i % ARTEN.length] : z.wahl(ARTEN)](z));
}

// --- the build's checks, without rendering ----------------------------------------------------

function schreibeInhalt(ziel: string, m: Mutation) {
  rmSync(ziel, { recursive: true, force: true });
  cpSync(BASIS, ziel, { recursive: true });
  for (const [pfad, inhalt] of Object.entries(m.dateien)) {
    mkdirSync(join(ziel, pfad, '..'), { recursive: true });
    if (inhalt === null) rmSync(join(ziel, pfad), { force: true });
    else writeFileSync(join(ziel, pfad), inhalt);
  }
}

/** Like `idsIn` in src/content.config.ts. */
function idsIn(inhalt: string, sammlung: string): Set<string> {
  return new Set(
    readdirSync(join(inhalt, sammlung))
      .filter((f) => /\.(md|ya?ml)$/.test(f))
      .map((f) => f.replace(/\.(md|ya?ml)$/, '')),
  );
}

const SCHEMAS = { quartiere: quartierSchema, akteure: akteurSchema, kontakte: kontaktSchema, treffs: treffSchema, angebote: angebotSchema, termine: terminSchema } as const;

interface Urteil {
  ok: boolean;
  /** One line per problem, as the build prints it: file, field path, German message. */
  meldungen: string[];
}

async function pruefeWieDerBuild(inhalt: string): Promise<Urteil> {
  const dateiFehler = pruefeInhaltsdateien(inhalt);
  if (dateiFehler.length > 0) return { ok: false, meldungen: dateiFehler.map((f) => `${f.datei}${f.feld ? ` → ${f.feld}` : ''}: ${f.meldung}`) };
  const ids: BekannteIds = { quartiere: idsIn(inhalt, 'quartiere'), akteure: idsIn(inhalt, 'akteure'), kontakte: idsIn(inhalt, 'kontakte'), treffs: idsIn(inhalt, 'treffs') };
  const meldungen: string[] = [];
  for (const sammlung of Object.keys(SAMMLUNGS_ENDUNGEN) as Sammlung[]) {
    const schema = sammlung === 'seiten' ? mitDeutschenFehlern(seiteSchema()) : mitDeutschenFehlern(SCHEMAS[sammlung]({ image: () => z.string(), ids }));
    for (const name of readdirSync(join(inhalt, sammlung))) {
      const pfad = `${sammlung}/${name}`;
      const { daten } = leseInhaltsdatei(pfad, readFileSync(join(inhalt, pfad)), name.endsWith('.md') ? 'md' : 'yaml');
      // Astro's loaders: front matter that is not an object counts as empty.
      const r = await schema.safeParseAsync(daten && typeof daten === 'object' && !Array.isArray(daten) ? daten : {});
      if (!r.success) for (const issue of r.error.issues) meldungen.push(`${pfad} → ${issue.path.join('.') || '(Datei)'}: ${issue.message}`);
    }
  }
  return { ok: meldungen.length === 0, meldungen };
}

/** A message a QE can act on: German, and not an exception's text. */
function istHilfreich(meldung: string): boolean {
  const deutsch = /[äöüßÄÖÜ]|Bitte|nicht|fehlt|Falsch|Unbekannt|Zu lang|Zu kurz|Darf|Keine|Datei|gibt es|erwartet|Pflichtfeld|Mindestens|Format|Steuerzeichen|Erlaubt|Nur |muss|z\. B\./.test(meldung);
  const ausnahme = /\n\s+at |TypeError|ReferenceError|RangeError|Cannot read propert|undefined is not|Invalid input|Expected .* received|Required|Too (small|big)|Unrecognized key/.test(meldung);
  return deutsch && !ausnahme;
}

// --- the tests ---------------------------------------------------------------------------------

const mutationen = erzeugeMutationen();
const urteile = new Map<Mutation, Urteil>();

describe(`Fuzzing der Inhalte (Seed ${SEED}, ${ANZAHL} Mutationen)`, () => {
  it('deckt jede Art von Fehler ab', () => {
    expect(mutationen.length).toBeGreaterThanOrEqual(200);
    expect(new Set(mutationen.map((m) => m.art))).toEqual(new Set(ARTEN));
  });

  it('jede Mutation wird angenommen oder mit Datei, Feld und deutscher Meldung abgelehnt', { timeout: 120_000 }, async () => {
    const inhalt = join(ordner, 'schnell');
    const probleme: string[] = [];
    const start = Date.now();
    const proArt = new Map<string, number>();
    for (const m of mutationen) {
      const t0 = Date.now();
      schreibeInhalt(inhalt, m);
      let urteil: Urteil;
      try {
        urteil = await pruefeWieDerBuild(inhalt);
      } catch (error) {
        probleme.push(`${m.beschreibung}: Ausnahme statt Meldung: ${String(error)}`);
        continue;
      }
      urteile.set(m, urteil);
      proArt.set(m.art, (proArt.get(m.art) ?? 0) + Date.now() - t0);
      if (m.erwartet === 'ok' && !urteil.ok) probleme.push(`${m.beschreibung}: sollte gehen, aber ${urteil.meldungen.join(' | ')}`);
      if (m.erwartet === 'fehler' && urteil.ok) probleme.push(`${m.beschreibung}: sollte abgelehnt werden, wurde angenommen`);
      for (const meldung of urteil.meldungen) {
        if (!istHilfreich(meldung)) probleme.push(`${m.beschreibung}: unbrauchbare Meldung „${meldung}“`);
        // Every line names a file; schema lines also a field path.
        if (!/^[a-z]+\/[^/\n]+?( → [^:]+)?: /.test(meldung)) probleme.push(`${m.beschreibung}: Meldung ohne Datei „${meldung}“`);
      }
      if (m.datei && !urteil.ok && !urteil.meldungen.some((z) => z.includes(m.datei!)))
        probleme.push(`${m.beschreibung}: keine Meldung nennt ${m.datei}: ${urteil.meldungen.join(' | ')}`);
    }
    const abgelehnt = [...urteile.values()].filter((u) => !u.ok).length;
    console.log(`${mutationen.length} Mutationen in ${Date.now() - start} ms: ${abgelehnt} abgelehnt, ${mutationen.length - abgelehnt} angenommen`);
    console.log([...proArt].map(([a, ms]) => `${a} ${ms}`).join(', '));
    expect(probleme).toEqual([]);
  });

  // A sample through the real build: the same verdict, the message in the build log. Rejected
  // content stops the build within seconds; accepted content renders fully (half a minute), so
  // the accepted kinds share one build.
  const ABGELEHNT = ['steuerzeichen-text', 'ungueltiges-utf8', 'yaml-bombe', 'tiefe-verschachtelung', 'kaputtes-yaml', 'doppelter-slug', 'schlechter-dateiname', 'haengender-verweis', 'falscher-typ', 'riesiger-text'];
  expect(ABGELEHNT.length).toBeLessThanOrEqual(ECHTE_BUILDS);

  it.each(ABGELEHNT)(
    'echter Build bricht ab und nennt Datei und Meldung: %s',
    (art) => {
      const m = mutationen.find((x) => x.art === art && urteile.get(x)?.ok === false);
      expect(m, `eine abgelehnte Mutation der Art ${art}`).toBeDefined();
      const urteil = urteile.get(m!)!;
      const inhalt = join(ordner, `inhalt-${art}`);
      schreibeInhalt(inhalt, m!);
      const build = baue(inhalt, ordner, art);
      expect(build.status, `${m!.beschreibung}: Build hätte abbrechen müssen`).not.toBe(0);
      // Our first message appears in the log: its file, and the message itself.
      const erste = urteil.meldungen[0];
      expect(build.ausgabe, m!.beschreibung).toContain(basename(erste.split(/ → |: /)[0]));
      const kern = erste.split(': ').slice(1).join(': ').replace(/^„[^“]+“: /, '').slice(0, 40);
      expect(build.ausgabe, `${m!.beschreibung}: Meldung „${kern}“ fehlt im Build-Log`).toContain(kern);
      console.log(`${art}: Build bricht nach ${build.dauerMs} ms ab`);
      rmSync(inhalt, { recursive: true, force: true });
      rmSync(join(ordner, art), { recursive: true, force: true });
    },
    120_000,
  );

  it('echter Build: Verweise im Kreis und HTML im Text werden sicher gebaut', { timeout: 240_000 }, () => {
    const kreis = mutationen.find((m) => m.art === 'zyklischer-verweis')!;
    const html = mutationen.filter((m) => m.art === 'html-im-text');
    for (const m of [kreis, ...html]) expect(urteile.get(m)?.ok, m.beschreibung).toBe(true);
    // All HTML mutations at once (one per file at most, the last wins), plus the cycle.
    const zusammen: Mutation = { art: 'angenommen', beschreibung: 'Kreis + HTML', dateien: Object.assign({}, ...html.map((m) => m.dateien), kreis.dateien) };
    const inhalt = join(ordner, 'inhalt-angenommen');
    schreibeInhalt(inhalt, zusammen);
    const build = baue(inhalt, ordner, 'angenommen');
    expect(build.status, build.ausgabe.slice(-3000)).toBe(0);
    // Safe output: the build's own output check passed; and once more here for the pages with HTML.
    for (const seite of ['termine/elterncafe/index.html', 'treffs/treff-test/index.html', 'quartiere/zweites/index.html']) {
      const befund = analysiereHtml(readFileSync(join(build.dist, seite), 'utf8'));
      expect(befund.verstoesse, seite).toEqual([]);
      expect(befund.inlineSkripte.filter((t) => t.includes('__xss') || t.includes('alert(')), seite).toEqual([]);
    }
    console.log(`angenommene Mutationen: Build in ${build.dauerMs} ms`);
  });
});
