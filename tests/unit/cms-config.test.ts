/**
 * The editor must ask for exactly what the build accepts. The CMS config is generated from the
 * zod schemas (src/cms/config.ts); this test reads the SAME schemas a second, independent way –
 * zod's own JSON Schema export – and compares field by field: every field is in the CMS, with the
 * same required flag, the same select options (values and labels), the same pattern, the same
 * reference target. A mutated config proves the comparison would notice.
 * Second part: the editor's check (validation.ts) gives the build's German messages.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { SAMMLUNGEN, buildCmsConfig, cmsSchema, type CmsFeld, type SammlungsName } from '../../src/cms/config';
import { bereinige, pruefeEintrag } from '../../src/cms/validation';
import { MEDIEN_ORDNER } from '../../src/schema/medien';

const WURZEL = join(import.meta.dirname, '..', '..');

interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  enum?: string[];
  const?: string;
  pattern?: string;
  default?: unknown;
  format?: string;
  verweis?: string;
  auswahl?: Array<{ value: string; label: string }>;
  minItems?: number;
  maxItems?: number;
}

const jsonSchema = (name: SammlungsName) => z.toJSONSchema(cmsSchema(name), { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Allowed values with labels, as the schema states them. */
function optionenVon(node: JsonSchema): Array<{ value: string; label: string }> | undefined {
  const werte = node.enum ?? (node.const !== undefined ? [node.const] : undefined);
  if (!werte) return undefined;
  return werte.map((v) => ({ value: v, label: node.auswahl?.find((c) => c.value === v)?.label ?? v }));
}

/**
 * Every difference between schema and CMS fields, as readable lines (empty = consistent).
 * Walks the JSON Schema and the CMS field list side by side.
 */
function abweichungen(node: JsonSchema, felder: CmsFeld[], pfad: string): string[] {
  const fehler: string[] = [];
  const props = node.properties ?? {};
  const pflicht = new Set(node.required ?? []);
  for (const [name, kind] of Object.entries(props)) {
    const feld = felder.find((f) => f.name === name);
    const ort = `${pfad}.${name}`;
    if (!feld) {
      fehler.push(`${ort}: fehlt im CMS`);
      continue;
    }
    fehler.push(...feldAbweichungen(kind, feld, ort, pflicht.has(name)));
  }
  for (const feld of felder) {
    if (!(feld.name in props) && !(pfad.split('.').length === 1 && feld.name === 'body')) fehler.push(`${pfad}.${feld.name}: im CMS, aber nicht im Schema`);
  }
  return fehler;
}

function feldAbweichungen(node: JsonSchema, feld: CmsFeld, ort: string, pflicht: boolean): string[] {
  const fehler: string[] = [];
  const gleich = (was: string, schema: unknown, cms: unknown) => {
    if (JSON.stringify(schema) !== JSON.stringify(cms)) fehler.push(`${ort}: ${was} – Schema ${JSON.stringify(schema)}, CMS ${JSON.stringify(cms)}`);
  };
  gleich('Pflichtfeld', pflicht, feld.required);
  if (node.title) gleich('Bezeichnung', node.title, feld.label);
  if (node.description) gleich('Hinweis', node.description, feld.hint);

  if (node.verweis) {
    gleich('Widget', 'relation', feld.widget);
    gleich('Verweis auf', node.verweis, feld.collection);
    gleich('Muster', node.pattern, feld.pattern?.[0]);
    return fehler;
  }
  if (node.format === 'bild' || node.format === 'opening_hours') {
    gleich('Widget', node.format === 'bild' ? 'image' : 'oeffnungszeiten', feld.widget);
    return fehler;
  }
  if (node.format === 'datum') {
    gleich('Widget', 'datetime', feld.widget);
    gleich('Datumsformat', ['YYYY-MM-DD', false], [feld.format, feld.time_format]);
  }
  if (node.format === 'uhrzeit') {
    gleich('Widget', 'datetime', feld.widget);
    gleich('Zeitformat', ['HH:mm', false], [feld.format, feld.date_format]);
  }

  const optionen = optionenVon(node);
  if (optionen) {
    gleich('Widget', 'select', feld.widget);
    gleich('Auswahl', optionen, feld.options);
  }
  if (node.type === 'string') gleich('Muster', node.pattern, feld.pattern?.[0]);
  if (node.type === 'number' || node.type === 'integer') gleich('Widget', 'number', feld.widget);
  if (node.type === 'boolean') gleich('Widget', 'boolean', feld.widget);
  if (node.default !== undefined && typeof node.default !== 'object' && feld.default !== undefined) gleich('Standardwert', node.default, feld.default);

  if (node.type === 'object') {
    const istWiederholung = Object.values(node.properties ?? {}).some((p) => p.format === 'rrule');
    gleich('Widget', istWiederholung ? 'wiederholung' : 'object', feld.widget);
    fehler.push(...abweichungen(node, feld.fields ?? [], ort));
  }
  if (node.type === 'array') {
    const items = node.items === false || node.items === undefined ? undefined : node.items;
    if (node.minItems !== undefined) gleich('Mindestanzahl', node.minItems, feld.min);
    if (node.prefixItems) {
      gleich('Anzahl Werte', [node.prefixItems.length, node.prefixItems.length], [feld.min, feld.max]);
      if (feld.field) fehler.push(...feldAbweichungen({ ...node.prefixItems[0], title: undefined }, feld.field, `${ort}[]`, true));
    } else if (items?.verweis) {
      // A multiple relation offers only existing entries, whose ids are valid slugs by construction.
      gleich('Widget', 'relation', feld.widget);
      gleich('Mehrfach', true, feld.multiple);
      gleich('Verweis auf', items.verweis, feld.collection);
    } else if (items && optionenVon(items)) {
      gleich('Widget', 'select', feld.widget);
      gleich('Mehrfach', true, feld.multiple);
      gleich('Auswahl', optionenVon({ ...items, auswahl: items.auswahl ?? node.auswahl }), feld.options);
    } else if (items?.type === 'object') {
      gleich('Widget', 'list', feld.widget);
      fehler.push(...abweichungen(items, feld.fields ?? [], `${ort}[]`));
    } else if (items) {
      gleich('Widget', 'list', feld.widget);
      if (!feld.field) fehler.push(`${ort}: Liste ohne Eintragsfeld im CMS`);
      else fehler.push(...feldAbweichungen({ ...items, title: items.title ?? feld.field.label }, feld.field, `${ort}[]`, true));
    }
  }
  return fehler;
}

const config = buildCmsConfig();

describe('CMS und Schema stimmen überein', () => {
  for (const sammlung of SAMMLUNGEN) {
    it(`„${sammlung.label}“: jedes Feld, Pflichtfeld, Auswahl und Muster wie im Schema`, () => {
      const cms = config.collections.find((c) => c.name === sammlung.name)!;
      expect(cms, `Sammlung ${sammlung.name} fehlt im CMS`).toBeDefined();
      expect(abweichungen(jsonSchema(sammlung.name), cms.fields, sammlung.name)).toEqual([]);
    });
  }

  it('der Vergleich bemerkt Abweichungen (Pflichtfeld, Auswahl, Muster, fehlendes Feld)', () => {
    const kopie = structuredClone(config.collections.find((c) => c.name === 'termine')!);
    const feld = (name: string) => kopie.fields.find((f) => f.name === name)!;
    feld('titel').required = false;
    feld('kategorie').options = feld('kategorie').options!.slice(1);
    feld('datum').pattern = ['^.*$', 'egal'];
    kopie.fields = kopie.fields.filter((f) => f.name !== 'quartier');
    kopie.fields.push({ name: 'erfunden', label: 'Erfunden', widget: 'string', required: false });
    const gefunden = abweichungen(jsonSchema('termine'), kopie.fields, 'termine').join('\n');
    expect(gefunden).toContain('termine.titel: Pflichtfeld');
    expect(gefunden).toContain('termine.kategorie: Auswahl');
    expect(gefunden).toContain('termine.datum: Muster');
    expect(gefunden).toContain('termine.quartier: fehlt im CMS');
    expect(gefunden).toContain('termine.erfunden: im CMS, aber nicht im Schema');
  });

  it('jede Sammlung zeigt auf ihren Ordner in content/ und legt Dateinamen aus Name/Titel an', () => {
    for (const c of config.collections) {
      expect(existsSync(join(WURZEL, c.folder)), c.folder).toBe(true);
      expect(c.slug).toBe('{{slug}}');
      expect(['name', 'titel', 'bezeichnung']).toContain(c.identifier_field);
      expect(c.extension).toBe(SAMMLUNGEN.find((s) => s.name === c.name)!.format);
    }
  });

  it('Grundeinstellungen: deutsch, lokales Backend, Redaktions-Workflow, ein Medienordner', () => {
    expect(config).toMatchObject({
      locale: 'de',
      local_backend: true,
      load_config_file: false,
      publish_mode: 'editorial_workflow',
      media_folder: 'src/assets/uploads',
      public_folder: '../../src/assets/uploads',
      backend: { name: 'git-gateway' },
      slug: { encoding: 'ascii', clean_accents: true },
    });
    expect(buildCmsConfig({ backend: { name: 'gitea', repo: 'quartiere/portal' } }).backend).toEqual({ name: 'gitea', repo: 'quartiere/portal' });
  });

  it('der Bildpfad, den Decap schreibt, führt von jeder Inhaltsdatei in den Medienordner, den der Build liest', () => {
    // Decap stores public_folder + file name; the entry sits in content/<sammlung>/.
    for (const c of config.collections) {
      const vomEintrag = join(WURZEL, 'content', c.name, config.public_folder, 'foto.jpg');
      expect(vomEintrag).toBe(join(WURZEL, config.media_folder, 'foto.jpg'));
    }
    expect(config.media_folder).toBe(MEDIEN_ORDNER);
    // src/medien/bilder.ts globs exactly this folder for astro:assets.
    expect(readFileSync(join(WURZEL, 'src', 'medien', 'bilder.ts'), 'utf8')).toContain(`import.meta.glob<ImageMetadata>('/${MEDIEN_ORDNER}/*.`);
  });

  it('Bilder: Größenhinweis und Größengrenze beim Hochladen', () => {
    const src = config.collections.find((c) => c.name === 'treffs')!.fields.find((f) => f.name === 'fotos')!.fields!.find((f) => f.name === 'src')!;
    expect(src).toMatchObject({ widget: 'image', choose_url: false, media_library: { config: { max_file_size: 2_000_000 } } });
    expect(src.hint).toMatch(/höchstens 2 MB.*mindestens 1200 Pixel breit/);
  });

  it('Verweise suchen und zeigen Namen und speichern den Dateinamen', () => {
    const treff = config.collections.find((c) => c.name === 'termine')!.fields.find((f) => f.name === 'treff')!;
    expect(treff).toMatchObject({ widget: 'relation', collection: 'treffs', value_field: '{{slug}}', search_fields: ['name'], display_fields: ['name'] });
    const kontakt = config.collections.find((c) => c.name === 'treffs')!.fields.find((f) => f.name === 'treffleitung')!;
    expect(kontakt).toMatchObject({ search_fields: ['bezeichnung'] });
  });

  it('Bilder: Bild-Widget und Alternativtext als Pflichtfeld', () => {
    const bild = config.collections.find((c) => c.name === 'angebote')!.fields.find((f) => f.name === 'bild')!;
    expect(bild.fields?.find((f) => f.name === 'src')).toMatchObject({ widget: 'image', required: true });
    expect(bild.fields?.find((f) => f.name === 'alt')).toMatchObject({ widget: 'text', required: true, label: 'Alternativtext' });
  });
});

// --- editor validation = build validation -------------------------------------------------------

function frontMatter(datei: string): Record<string, unknown> {
  const text = readFileSync(datei, 'utf8');
  if (datei.endsWith('.md')) {
    const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    return (m ? parseYaml(m[1]) : {}) ?? {};
  }
  return parseYaml(text) ?? {};
}

function eintraege(sammlung: string): Array<{ datei: string; daten: Record<string, unknown> }> {
  const ordner = join(WURZEL, 'content', sammlung);
  if (!existsSync(ordner)) return [];
  return readdirSync(ordner)
    .filter((f) => /\.(md|ya?ml)$/.test(f))
    .map((f) => ({ datei: `content/${sammlung}/${f}`, daten: frontMatter(join(ordner, f)) }));
}

const termin = { titel: 'Elterncafé', datum: '2026-12-01', beginn: '15:00', ende: '17:00', quartier: 'stahldorf', kategorie: 'kinder-familie' };
const treff = {
  name: 'Treff am Bleichpfad',
  quartier: 'bleichpfad',
  traeger: 'werkhaus',
  adresse: { strasse: 'Bleichpfad', hausnummer: '10', plz: '47799' },
  koordinaten: { lat: 51.336, lon: 6.57 },
  oeffnungszeiten: 'Tu 14:00-18:00; PH off',
  zuletzt_geprueft: '2026-10-01',
};

describe('Prüfung im Editor wie beim Bauen', () => {
  it('alles, was in content/ steht, nimmt auch der Editor an', () => {
    const abgelehnt: string[] = [];
    for (const s of SAMMLUNGEN) {
      for (const { datei, daten } of eintraege(s.name)) {
        const r = pruefeEintrag(s.name, daten);
        if (!r.ok) abgelehnt.push(`${datei}: ${r.alle.join(' | ')}`);
      }
    }
    expect(abgelehnt).toEqual([]);
  });

  it('Ende vor Beginn: Meldung beim Feld „Ende“', () => {
    const r = pruefeEintrag('termine', { ...termin, ende: '14:00' });
    expect(r.ok).toBe(false);
    expect(r.proFeld.ende).toEqual(['Das Ende (14:00) liegt vor dem Beginn (15:00). Bitte korrigieren.']);
  });

  it('Koordinaten außerhalb Krefelds (vertauscht): Meldung beim Feld „Koordinaten“', () => {
    const r = pruefeEintrag('treffs', { ...treff, koordinaten: { lat: 6.57, lon: 51.336 } });
    expect(r.proFeld.koordinaten?.[0]).toMatch(/^Koordinaten liegen nicht in Krefeld .*vertauscht\?$/);
  });

  it('ungültige Öffnungszeiten: die Meldung der Öffnungszeiten-Prüfung', () => {
    const r = pruefeEintrag('treffs', { ...treff, oeffnungszeiten: 'Dienstag 14-18 Uhr' });
    expect(r.proFeld.oeffnungszeiten?.[0]).toMatch(/^Öffnungszeiten nicht (lesbar|eindeutig)/);
  });

  it('Bild ohne Alternativtext: Meldung beim Bild, die das Feld nennt', () => {
    const r = pruefeEintrag('termine', { ...termin, bild: { src: '../../src/assets/uploads/cafe.jpg', alt: '' } });
    const meldung = '„Alternativtext“: Alternativtext fehlt: Beschreiben Sie in einem Satz, was auf dem Bild zu sehen ist.';
    expect(r.proFeld.bild).toEqual([meldung]);
    const kurz = pruefeEintrag('termine', { ...termin, bild: { src: '../../src/assets/uploads/cafe.jpg', alt: 'ab' } });
    expect(kurz.proFeld.bild).toEqual([meldung]);
  });

  it('Bild aus einem anderen Ordner oder von einer Web-Adresse: Meldung beim Bild', () => {
    const r = pruefeEintrag('termine', { ...termin, bild: { src: '/uploads/cafe.jpg', alt: 'Tassen auf einem Tisch' } });
    expect(r.proFeld.bild).toEqual([
      '„Bilddatei“: Bilder liegen im Medienordner src/assets/uploads/ und werden so eingetragen: „../../src/assets/uploads/cafe.jpg“. Bitte das Bild im Redaktionssystem mit „Wähle ein Bild“ hochladen.',
    ]);
    const fremd = pruefeEintrag('termine', { ...termin, bild: { src: 'https://example.org/cafe.jpg', alt: 'Tassen auf einem Tisch' } });
    expect(fremd.proFeld.bild?.[0]).toMatch(/^„Bilddatei“: Bitte ein hochgeladenes Bild wählen/);
  });

  it('geleerte Felder gelten als nicht ausgefüllt (kein „Darf nicht leer sein“ für optionale Felder)', () => {
    const daten = { ...termin, ende_datum: '', ort: { adresse: { strasse: '' }, koordinaten: {} }, ausfaelle: [{}], body: 'Text' };
    expect(bereinige(daten)).toEqual({ ...termin, body: 'Text' });
    expect(pruefeEintrag('termine', daten)).toEqual({ ok: true, proFeld: {}, alle: [] });
  });

  it('fehlende Pflichtfelder und unbekannte Werte werden auf Deutsch gemeldet', () => {
    const r = pruefeEintrag('termine', { ...termin, titel: '', kategorie: 'party' });
    expect(r.proFeld.titel).toEqual(['Pflichtfeld fehlt – bitte ausfüllen.']);
    expect(r.proFeld.kategorie?.[0]).toMatch(/^Unbekannter Wert "party"/);
    expect(r.alle.some((z) => z.startsWith('Titel: '))).toBe(true);
  });
});
