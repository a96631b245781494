/**
 * Checks on the content *files* before Astro reads them: what the zod schemas cannot see because
 * it is about the file, not a field. Each problem becomes a German message naming the file (and
 * the field where there is one), so a bad file stops the build with an answer instead of a stack
 * trace — or, worse, silently vanishing from the site.
 *
 * - A file the collection would not read (`treffs/a.yaml`: Treffs are `.md`) would vanish.
 * - The file name is the URL: only `a-z`, `0-9` and `-`. Two files with the same name
 *   (`akteure/a.yaml` + `akteure/a.yml`, or `Treff.md` + `treff.md`) would share a URL and a
 *   calendar UID: duplicates are errors.
 * - Not UTF-8, control characters (they break XML feeds and iCal), over 1 MB.
 * - YAML that does not parse, or whose anchors/aliases expand to a huge tree ("YAML bomb"):
 *   Astro's own check (`JSON.stringify` of the front matter) would expand it and run out of memory.
 * - `frueher` (old slugs that redirect): not a slug in use, not claimed by two entries.
 *
 * Uses the same parser as Astro (js-yaml, front matter between `---` lines).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** Which file types each collection reads (mirrors the loaders in src/content.config.ts). */
export const SAMMLUNGS_ENDUNGEN = {
  quartiere: ['md'],
  akteure: ['yaml', 'yml'],
  kontakte: ['yaml', 'yml'],
  treffs: ['md'],
  angebote: ['md'],
  termine: ['md'],
  seiten: ['md'],
} as const satisfies Record<string, readonly string[]>;

export type Sammlung = keyof typeof SAMMLUNGS_ENDUNGEN;

/** Collections whose entries may list `frueher` (old slugs): they have public detail pages. */
export const MIT_WEITERLEITUNG = ['quartiere', 'treffs', 'angebote', 'termine'] as const satisfies readonly Sammlung[];

export const MAX_DATEIGROESSE = 1024 * 1024;
/** Nodes of the parsed YAML after expanding aliases; real entries have a few hundred. */
export const MAX_YAML_KNOTEN = 20_000;

export interface DateiFehler {
  /** Path relative to the content folder, e.g. `treffs/a.md`. */
  datei: string;
  feld?: string;
  meldung: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Images may sit next to an entry for the text (`![Bild](./foto.jpg)`); image fields use src/assets/uploads/. */
const BILD_ENDUNGEN = new Set(['png', 'jpg', 'jpeg', 'webp', 'avif', 'gif', 'svg']);
/**
 * Same as `STEUERZEICHEN` in ./fields.ts (a test checks they match). Not imported from there:
 * astro.config.mjs loads this file with Node itself, and fields.ts pulls in modules Node cannot.
 */
// eslint-disable-next-line no-control-regex
export const STEUERZEICHEN_DATEI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Position (1-based line and column) of a string index. */
function zeileSpalte(text: string, index: number): { zeile: number; spalte: number } {
  const davor = text.slice(0, index);
  const zeile = davor.split('\n').length;
  return { zeile, spalte: index - davor.lastIndexOf('\n') };
}

function zeichenName(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The front matter Astro would parse (same pattern as @astrojs/internal-helpers/frontmatter). */
export function frontmatterText(code: string): string | undefined {
  return /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/.exec(code)?.[1];
}

/** Counts nodes of a parsed YAML value with aliases expanded, stopping at `grenze`. */
export function knotenAnzahl(wert: unknown, grenze = MAX_YAML_KNOTEN): number {
  let n = 0;
  const stapel: unknown[] = [wert];
  while (stapel.length > 0 && n <= grenze) {
    const w = stapel.pop();
    n++;
    if (Array.isArray(w)) for (const x of w) stapel.push(x);
    else if (w && typeof w === 'object' && !(w instanceof Date)) for (const x of Object.values(w)) stapel.push(x);
  }
  return n;
}

/**
 * Reads a content file's text and data like Astro does; problems come back as messages.
 * `datei` is only used in messages.
 */
export function leseInhaltsdatei(
  datei: string,
  bytes: Uint8Array,
  art: 'md' | 'yaml',
): { daten?: unknown; text?: string; fehler: DateiFehler[] } {
  const fehler: DateiFehler[] = [];
  if (bytes.byteLength > MAX_DATEIGROESSE) {
    fehler.push({ datei, meldung: `Datei ist ${Math.round(bytes.byteLength / 1024)} KB groß, erlaubt sind höchstens 1024 KB. Bilder gehören als eigene Datei in den Medienordner src/assets/uploads/ (im Redaktionssystem: „Wähle ein Bild“), nicht in den Text.` });
    return { fehler };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first bad byte for the message: decode leniently and look for U+FFFD.
    const lose = new TextDecoder('utf-8').decode(bytes);
    const { zeile } = zeileSpalte(lose, Math.max(0, lose.indexOf('\uFFFD')));
    fehler.push({ datei, meldung: `Datei ist nicht in UTF-8 gespeichert (ungültiges Zeichen in Zeile ${zeile}). Bitte im Editor als „UTF-8“ speichern und Umlaute prüfen.` });
    return { fehler };
  }
  const steuer = STEUERZEICHEN_DATEI.exec(text);
  if (steuer) {
    const { zeile, spalte } = zeileSpalte(text, steuer.index);
    fehler.push({
      datei,
      meldung: `Unsichtbares Steuerzeichen ${zeichenName(steuer[0])} in Zeile ${zeile}, Spalte ${spalte} (entsteht oft beim Kopieren aus Word oder PDF). Bitte die Stelle löschen und neu tippen.`,
    });
    return { fehler };
  }
  const roh = art === 'md' ? frontmatterText(text) : text;
  if (roh === undefined) return { daten: {}, text, fehler };
  let daten: unknown;
  try {
    daten = yaml.load(roh);
  } catch (error) {
    const e = error as { reason?: string; mark?: { line: number } };
    // js-yaml counts from 0; the front matter text starts with the rest of the `---` line.
    const zeile = e.mark ? e.mark.line + 1 : undefined;
    fehler.push({
      datei,
      meldung: `Kopfdaten (YAML) nicht lesbar${zeile ? ` in Zeile ${zeile}` : ''}: ${e.reason ?? String(error)}. Häufige Ursachen: Doppelpunkt im Text ohne Anführungszeichen, falsche Einrückung, Tabulator statt Leerzeichen.`,
    });
    return { text, fehler };
  }
  if (knotenAnzahl(daten) > MAX_YAML_KNOTEN) {
    fehler.push({
      datei,
      meldung: `Kopfdaten sind viel zu umfangreich (mehr als ${MAX_YAML_KNOTEN} Werte, meist durch YAML-Anker „&“ und Verweise „*“). Bitte Anker und Verweise entfernen und Werte ausschreiben.`,
    });
    return { text, fehler };
  }
  // YAML can also write control characters as escapes ("\u0007" in double quotes).
  const stelle = steuerzeichenIn(daten);
  if (stelle) {
    fehler.push({
      datei,
      feld: stelle.pfad,
      meldung: `Unsichtbares Steuerzeichen ${zeichenName(stelle.zeichen)} im Wert. Bitte den Text neu tippen.`,
    });
    return { text, fehler };
  }
  return { daten, text, fehler };
}

/**
 * `leseInhaltsdatei` for a file on disk, parsed once per process for the same bytes: astro.config.mjs
 * (`weiterleitungen`) and src/content.config.ts (`pruefeInhaltsdateien`) both read every entry, and
 * at 1× the second YAML pass cost 0.8 s on the main thread before the content could load (CPU
 * profile, 5.12.2026). The two load this module separately (Node and Vite), hence `globalThis`. A
 * file is read each time and compared byte for byte, so a changed file (`astro dev`) is parsed
 * again. Results are shared: callers only read them.
 */
export function leseInhaltsdateiVonPlatte(datei: string, pfad: string, art: 'md' | 'yaml'): ReturnType<typeof leseInhaltsdatei> {
  const bytes = readFileSync(pfad);
  const gelesen = ((globalThis as { [GELESEN]?: Map<string, { bytes: Buffer; ergebnis: ReturnType<typeof leseInhaltsdatei> }> })[GELESEN] ??= new Map());
  const schluessel = `${art} ${datei} ${pfad}`;
  const vorher = gelesen.get(schluessel);
  if (vorher?.bytes.equals(bytes)) return vorher.ergebnis;
  const ergebnis = leseInhaltsdatei(datei, bytes, art);
  gelesen.set(schluessel, { bytes, ergebnis });
  return ergebnis;
}
const GELESEN = Symbol.for('qp.inhaltsdateien.gelesen');

/** The first string value (or key) with a control character, with its field path. */
function steuerzeichenIn(wert: unknown, pfad = ''): { pfad: string; zeichen: string } | null {
  if (typeof wert === 'string') {
    const m = STEUERZEICHEN_DATEI.exec(wert);
    return m ? { pfad: pfad || '(Datei)', zeichen: m[0] } : null;
  }
  if (wert && typeof wert === 'object' && !(wert instanceof Date)) {
    for (const [k, w] of Object.entries(wert)) {
      const unter = pfad ? `${pfad}.${k}` : k;
      const m = STEUERZEICHEN_DATEI.exec(k);
      if (m) return { pfad: unter, zeichen: m[0] };
      const gefunden = steuerzeichenIn(w, unter);
      if (gefunden) return gefunden;
    }
  }
  return null;
}

function endungVon(name: string): string {
  const i = name.lastIndexOf('.');
  return i > 0 ? name.slice(i + 1) : '';
}

/** Checks every file under `contentDir`; an empty list means all files can be read safely. */
export function pruefeInhaltsdateien(contentDir: string): DateiFehler[] {
  const fehler: DateiFehler[] = [];
  const frueher = new Map<string, string>(); // `sammlung/alt` → file that claims it
  for (const [sammlung, endungen] of Object.entries(SAMMLUNGS_ENDUNGEN) as [Sammlung, readonly string[]][]) {
    const ordner = join(contentDir, sammlung);
    if (!existsSync(ordner)) continue;
    const gesehen = new Map<string, string>(); // id (lowercase) → file name
    const eintraege = readdirSync(ordner).filter((n) => !n.startsWith('.'));
    const ids = new Set(eintraege.filter((n) => (endungen as readonly string[]).includes(endungVon(n))).map((n) => n.replace(/\.[^.]+$/, '')));
    for (const name of eintraege.sort()) {
      const datei = `${sammlung}/${name}`;
      const pfad = join(ordner, name);
      if (statSync(pfad).isDirectory()) {
        fehler.push({ datei, meldung: `Unterordner werden nicht gelesen. Bitte die Dateien direkt in content/${sammlung}/ legen.` });
        continue;
      }
      const endung = endungVon(name);
      if (BILD_ENDUNGEN.has(endung.toLowerCase())) continue;
      if (!(endungen as readonly string[]).includes(endung)) {
        fehler.push({
          datei,
          meldung: `Diese Datei wird nicht gelesen: In content/${sammlung}/ stehen nur ${endungen.map((e) => `.${e}`).join('- oder ')}-Dateien. Bitte umbenennen oder entfernen.`,
        });
        continue;
      }
      const id = name.slice(0, -(endung.length + 1));
      if (!SLUG.test(id)) {
        fehler.push({
          datei,
          meldung: `Der Dateiname ist die Adresse der Seite und darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten (ä → ae, ß → ss, Leerzeichen → -), z. B. „${vorschlag(id)}.${endung}“.`,
        });
      }
      const schluessel = id.toLowerCase();
      const vorher = gesehen.get(schluessel);
      if (vorher) {
        fehler.push({
          datei,
          meldung: `Gleicher Name wie ${sammlung}/${vorher}: Zwei Einträge hätten dieselbe Adresse und dieselbe Kalender-ID. Bitte eine der Dateien umbenennen oder löschen.`,
        });
      } else gesehen.set(schluessel, name);

      const { daten, fehler: lesefehler } = leseInhaltsdateiVonPlatte(datei, pfad, endung === 'md' ? 'md' : 'yaml');
      fehler.push(...lesefehler);
      if (!(MIT_WEITERLEITUNG as readonly string[]).includes(sammlung) || !daten || typeof daten !== 'object') continue;
      const alt = (daten as { frueher?: unknown }).frueher;
      if (!Array.isArray(alt)) continue;
      for (const a of alt) {
        if (typeof a !== 'string') continue; // the schema reports the type
        if (ids.has(a)) {
          fehler.push({
            datei,
            feld: 'frueher',
            meldung: `„${a}“ ist die Adresse eines bestehenden Eintrags (content/${sammlung}/${a}.*) und kann nicht zugleich weiterleiten. Bitte aus „Frühere Adressen“ entfernen.`,
          });
          continue;
        }
        const schon = frueher.get(`${sammlung}/${a}`);
        if (schon && schon !== datei)
          fehler.push({
            datei,
            feld: 'frueher',
            meldung: `„${a}“ steht schon bei ${schon} als frühere Adresse. Eine alte Adresse kann nur zu einem Eintrag weiterleiten.`,
          });
        else frueher.set(`${sammlung}/${a}`, datei);
      }
    }
  }
  return fehler;
}

/** A valid file name suggestion for a bad one. */
export function vorschlag(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'neuer-eintrag';
}

/** One block of text for the build log: every file with its problems. */
export function dateiFehlerText(fehler: readonly DateiFehler[], contentDir: string): string {
  const zeilen = fehler.map((f) => `  ${contentDir.replace(/\/$/, '')}/${f.datei}${f.feld ? ` → ${f.feld}` : ''}: ${f.meldung}`);
  return `Inhalte fehlerhaft (${fehler.length} ${fehler.length === 1 ? 'Problem' : 'Probleme'}):\n${zeilen.join('\n')}\nBitte die genannten Dateien korrigieren`;
}

/**
 * Old address → new address for every `frueher` entry, read from the files (for Astro's
 * `redirects`, which are known before the collections load). Invalid or conflicting entries are
 * skipped here; `pruefeInhaltsdateien` and the schema report them.
 */
export function weiterleitungen(contentDir: string): Record<string, string> {
  const ergebnis: Record<string, string> = {};
  for (const sammlung of MIT_WEITERLEITUNG) {
    const ordner = join(contentDir, sammlung);
    if (!existsSync(ordner)) continue;
    const namen = readdirSync(ordner).filter((n) => n.endsWith('.md') && !n.startsWith('.'));
    const ids = new Set(namen.map((n) => n.slice(0, -3)));
    for (const name of namen.sort()) {
      const id = name.slice(0, -3);
      let daten: unknown;
      try {
        daten = leseInhaltsdateiVonPlatte(`${sammlung}/${name}`, join(ordner, name), 'md').daten;
      } catch {
        continue;
      }
      const alt = daten && typeof daten === 'object' ? (daten as { frueher?: unknown }).frueher : undefined;
      if (!Array.isArray(alt) || !SLUG.test(id)) continue;
      for (const a of alt) {
        const von = `/${sammlung}/${a}/`;
        if (typeof a === 'string' && SLUG.test(a) && !ids.has(a) && !(von in ergebnis)) ergebnis[von] = `/${sammlung}/${id}/`;
      }
    }
  }
  return ergebnis;
}
