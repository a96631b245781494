/**
 * The Decap CMS configuration, GENERATED from the zod collection schemas (src/schema/*): every
 * field, label, hint, select list, required flag and pattern comes from the one content model.
 * Only what the schemas cannot know is written here: folders, collection labels, the backend.
 * tests/unit/cms-config.test.ts walks schema and config independently and fails if they disagree.
 */
import { z } from 'astro/zod';
import {
  akteurSchema,
  angebotSchema,
  kontaktSchema,
  quartierSchema,
  seiteSchema,
  terminSchema,
  treffSchema,
  type SchemaKontext,
} from '../schema/collections';
import type { Choice } from '../schema/enums';
import { MEDIEN_ORDNER, MEDIEN_PFAD } from '../schema/medien';

// --- the schemas as the editor sees them -------------------------------------------------------

/** Marks the stand-in for Astro's `image()`: in the editor an image is a path in the media folder. */
export const BILD_FORMAT = 'bild';

/**
 * The schema context in the editor: references are not checked (the editor offers only existing
 * entries anyway), and an image is a non-empty path instead of Astro's file check.
 */
export const CMS_KONTEXT: SchemaKontext = {
  ids: {},
  image: () => z.string().min(1).meta({ format: BILD_FORMAT }),
};

export type SammlungsName = 'quartiere' | 'akteure' | 'kontakte' | 'treffs' | 'angebote' | 'termine' | 'seiten';

interface Sammlung {
  name: SammlungsName;
  label: string;
  label_singular: string;
  description: string;
  /** `md` = front matter + Markdown body; `yaml` = data only. */
  format: 'md' | 'yaml';
  schema: () => z.ZodType;
  /** Label and whether the Markdown body is required (the zod schema does not see the body). */
  body?: { label: string; hint: string; required: boolean };
  /** Where the public page is, for „Ansehen“ links. */
  preview_path?: string;
  summary?: string;
  sortable_fields?: string[];
}

/** Order = the menu in the editor: most frequent tasks first. */
export const SAMMLUNGEN: readonly Sammlung[] = [
  {
    name: 'termine',
    label: 'Termine',
    label_singular: 'Termin',
    description: 'Einzelne Termine und Terminreihen (z. B. jeden Dienstag). Einzelne Ausfälle unten bei „Einzelne Termine fallen aus“ eintragen.',
    format: 'md',
    schema: () => terminSchema(CMS_KONTEXT),
    body: { label: 'Beschreibung', hint: 'Was passiert beim Termin? Kurze Sätze, einfache Sprache.', required: false },
    preview_path: 'termine/{{slug}}/',
    summary: '{{titel}} ({{datum}})',
    sortable_fields: ['datum', 'titel'],
  },
  {
    name: 'angebote',
    label: 'Angebote',
    label_singular: 'Angebot',
    description: 'Regelmäßige Angebote wie Beratung, Kurse oder Cafés.',
    format: 'md',
    schema: () => angebotSchema(CMS_KONTEXT),
    body: { label: 'Beschreibung', hint: 'Was bietet das Angebot? Kurze Sätze, einfache Sprache.', required: false },
    preview_path: 'angebote/{{slug}}/',
    sortable_fields: ['titel', 'zuletzt_geprueft'],
  },
  {
    name: 'treffs',
    label: 'Treffs',
    label_singular: 'Treff',
    description: 'Nachbarschaftstreffs mit Adresse und Öffnungszeiten.',
    format: 'md',
    schema: () => treffSchema(CMS_KONTEXT),
    body: { label: 'Beschreibung', hint: 'Was gibt es im Treff? Kurze Sätze, einfache Sprache.', required: false },
    preview_path: 'treffs/{{slug}}/',
    sortable_fields: ['name', 'zuletzt_geprueft'],
  },
  {
    name: 'quartiere',
    label: 'Quartiere',
    label_singular: 'Quartier',
    description: 'Die Quartiere des Sozialen Quartiersmanagements.',
    format: 'md',
    schema: () => quartierSchema(CMS_KONTEXT),
    body: { label: 'Beschreibung', hint: 'Das Quartier in einfachen Worten.', required: false },
    preview_path: 'quartiere/{{slug}}/',
    sortable_fields: ['name'],
  },
  {
    name: 'akteure',
    label: 'Akteure',
    label_singular: 'Akteur',
    description: 'Träger, Vereine, Kirchengemeinden, Schulen … im Quartier.',
    format: 'yaml',
    schema: () => akteurSchema(CMS_KONTEXT),
    sortable_fields: ['name'],
  },
  {
    name: 'kontakte',
    label: 'Kontakte',
    label_singular: 'Kontakt',
    description: 'Dienstliche Kontakte (Funktionen, keine Privatpersonen).',
    format: 'yaml',
    schema: () => kontaktSchema(CMS_KONTEXT),
    sortable_fields: ['bezeichnung'],
  },
  {
    name: 'seiten',
    label: 'Seiten',
    label_singular: 'Seite',
    description: 'Feste Seiten wie Impressum oder „Über uns“.',
    format: 'md',
    schema: () => seiteSchema(),
    body: { label: 'Text', hint: 'Der Inhalt der Seite.', required: true },
    preview_path: '{{slug}}/',
    sortable_fields: ['titel'],
  },
];

const schemaCache = new Map<SammlungsName, z.ZodType>();

/** The collection's zod schema with the editor's context (built once). */
export function cmsSchema(name: SammlungsName): z.ZodType {
  let schema = schemaCache.get(name);
  if (!schema) {
    const sammlung = SAMMLUNGEN.find((s) => s.name === name);
    if (!sammlung) throw new Error(`Unbekannte Sammlung „${name}“.`);
    schema = sammlung.schema();
    schemaCache.set(name, schema);
  }
  return schema;
}

/** The field that names an entry: slugs, relation search and list summaries use it. */
export function namensfeld(name: SammlungsName): string {
  const shape = objektForm(cmsSchema(name));
  const feld = ['name', 'titel', 'bezeichnung'].find((f) => shape && f in shape);
  if (!feld) throw new Error(`Sammlung „${name}“ hat kein Feld name, titel oder bezeichnung.`);
  return feld;
}

// --- Decap types (the subset we generate) ---------------------------------------------------

export interface CmsFeld {
  name: string;
  label: string;
  widget: string;
  required: boolean;
  hint?: string;
  pattern?: [string, string];
  default?: string | number | boolean;
  /** select */
  options?: Choice[];
  multiple?: boolean;
  min?: number;
  max?: number;
  /** relation */
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
  /** number */
  value_type?: 'int' | 'float';
  /** datetime */
  format?: string;
  date_format?: string | boolean;
  time_format?: string | boolean;
  picker_utc?: boolean;
  /** object / list / custom widgets with sub-fields */
  fields?: CmsFeld[];
  field?: CmsFeld;
  collapsed?: boolean;
  summary?: string;
  label_singular?: string;
  /** image */
  choose_url?: boolean;
  media_library?: { config: { max_file_size: number } };
  /** markdown */
  buttons?: string[];
  editor_components?: string[];
  modes?: Array<'raw' | 'rich_text'>;
}

export interface CmsSammlung {
  name: SammlungsName;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  extension: 'md' | 'yaml';
  format: 'frontmatter' | 'yaml';
  create: true;
  delete: true;
  slug: string;
  identifier_field: string;
  summary: string;
  sortable_fields: string[];
  preview_path?: string;
  editor: { preview: boolean };
  fields: CmsFeld[];
}

export interface CmsBackendConfig {
  name: 'git-gateway' | 'github' | 'gitlab' | 'gitea' | 'proxy' | 'test-repo';
  repo?: string;
  branch?: string;
  base_url?: string;
  api_root?: string;
  auth_endpoint?: string;
  app_id?: string;
  auth_type?: 'implicit' | 'pkce';
  squash_merges?: boolean;
  commit_messages?: Record<string, string>;
}

export interface CmsKonfiguration {
  backend: CmsBackendConfig;
  local_backend: boolean | { url?: string; allowed_hosts?: string[] };
  load_config_file: false;
  locale: 'de';
  publish_mode: 'editorial_workflow' | 'simple';
  media_folder: string;
  public_folder: string;
  site_url?: string;
  display_url?: string;
  show_preview_links: boolean;
  slug: { encoding: 'ascii'; clean_accents: boolean; sanitize_replacement: string };
  editor: { preview: boolean };
  collections: CmsSammlung[];
}

// --- walking zod 4 schemas ------------------------------------------------------------------

type Def = Record<string, unknown> & { type: string };
const defVon = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

interface Meta {
  title?: string;
  description?: string;
  auswahl?: readonly Choice[];
  mehrfach?: boolean;
  verweis?: string;
  format?: string;
}

/** A schema without its wrappers, with what the wrappers said. */
export interface Entpackt {
  kern: z.ZodType;
  def: Def;
  meta: Meta;
  optional: boolean;
  hatStandard: boolean;
  standard?: unknown;
}

/**
 * Removes optional/default/pipe/… wrappers. Meta of outer wrappers wins over inner ones
 * (`koordinaten().meta({ title: 'Mittelpunkt' })`). A preprocess (pipe from a transform) is
 * read as its output schema: that is what the value must look like.
 */
export function entpacke(schema: z.ZodType): Entpackt {
  const metas: Meta[] = [];
  let s = schema;
  let optional = false;
  let hatStandard = false;
  let standard: unknown;
  for (let tiefe = 0; tiefe < 20; tiefe++) {
    const meta = z.globalRegistry.get(s) as Meta | undefined;
    if (meta) metas.push(meta);
    const def = defVon(s);
    if (def.type === 'optional' || def.type === 'nullable') {
      optional = true;
      s = def.innerType as z.ZodType;
    } else if (def.type === 'default' || def.type === 'prefault') {
      if (!hatStandard) {
        hatStandard = true;
        standard = def.defaultValue;
      }
      s = def.innerType as z.ZodType;
    } else if (def.type === 'readonly' || def.type === 'catch' || def.type === 'nonoptional') {
      s = def.innerType as z.ZodType;
    } else if (def.type === 'pipe') {
      const vorher = def.in as z.ZodType;
      s = defVon(vorher).type === 'transform' ? (def.out as z.ZodType) : vorher;
    } else break;
  }
  const meta: Meta = {};
  for (const m of metas.reverse()) Object.assign(meta, m);
  return { kern: s, def: defVon(s), meta, optional, hatStandard, standard };
}

/** The shape of an object schema (after unwrapping), or undefined. */
export function objektForm(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const { def } = entpacke(schema);
  return def.type === 'object' ? (def.shape as Record<string, z.ZodType>) : undefined;
}

interface Pruefung {
  _zod: { def: { check: string; format?: string; pattern?: RegExp; minimum?: number; maximum?: number } };
}
const pruefungen = (def: Def) => ((def.checks as Pruefung[] | undefined) ?? []).map((c) => c._zod.def);

/** Decap pattern from the schema's regex (a `.regex()` check or a format such as e-mail). */
function musterVon(def: Def): [string, string] | undefined {
  const formatMuster = def.check === 'string_format' && def.pattern instanceof RegExp ? (def.pattern as RegExp) : undefined;
  const regex = pruefungen(def).find((c) => c.check === 'string_format' && c.pattern instanceof RegExp);
  const muster = regex?.pattern ?? formatMuster;
  if (!muster) return undefined;
  const nachricht = regexNachricht(def, muster) ?? 'Falsches Format.';
  return [muster.source, nachricht];
}

/** The schema's own error text for the regex, so the editor says the same as the build. */
function regexNachricht(def: Def, muster: RegExp): string | undefined {
  const checks = (def.checks as Array<{ _zod: { def: { pattern?: RegExp; error?: (i: unknown) => unknown } } }> | undefined) ?? [];
  const check = checks.find((c) => c._zod.def.pattern === muster);
  const fehler = check?._zod.def.error ?? (def.error as ((i: unknown) => unknown) | undefined);
  if (!fehler) return undefined;
  const text = fehler({ code: 'invalid_format', format: 'regex', input: '' });
  return typeof text === 'string' ? text : (text as { message?: string } | undefined)?.message;
}

function laenge(def: Def, art: 'min_length' | 'max_length'): number | undefined {
  const c = pruefungen(def).find((p) => p.check === art);
  return art === 'min_length' ? c?.minimum : c?.maximum;
}

const istObjektLeer = (v: unknown) => typeof v === 'object' && v !== null && Object.keys(v).length === 0;
const istSkalar = (v: unknown): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v);

/** Larger uploads are refused by the media library („Datei zu groß“); the site scales images anyway. */
const MAX_BILD_BYTES = 2_000_000;
const BILD_HINWEIS = 'JPG, PNG oder WebP, höchstens 2 MB, am besten im Querformat und mindestens 1200 Pixel breit. Keine Fotos von Personen ohne deren Einverständnis.';

interface Umgebung {
  /** Inside an optional object or a list item: no defaults, or Decap would create the object. */
  unterOptional: boolean;
}

function optionenVon(e: Entpackt): Choice[] {
  if (e.def.type === 'literal') return (e.def.values as unknown[]).map((v) => ({ value: String(v), label: String(v) }));
  const werte = Object.values(e.def.entries as Record<string, string>);
  const liste = e.meta.auswahl;
  return werte.map((v) => ({ value: v, label: liste?.find((c) => c.value === v)?.label ?? v }));
}

function relation(sammlung: string, extra: Partial<CmsFeld> = {}): Partial<CmsFeld> {
  const feld = namensfeld(sammlung as SammlungsName);
  return {
    widget: 'relation',
    collection: sammlung,
    value_field: '{{slug}}',
    search_fields: [feld],
    display_fields: [feld],
    options_length: 100,
    ...extra,
  };
}

/** The Decap field for one schema field. */
export function feldFuer(name: string, schema: z.ZodType, umgebung: Umgebung = { unterOptional: false }): CmsFeld {
  const e = entpacke(schema);
  const { def, meta } = e;
  const required = !e.optional && !e.hatStandard;
  const basis: CmsFeld = { name, label: meta.title ?? name, widget: 'string', required };
  if (meta.description) basis.hint = meta.description;
  if (e.hatStandard && istSkalar(e.standard) && !umgebung.unterOptional) basis.default = e.standard;
  // Children of an optional object must not get defaults: Decap would create the object.
  const kinderUmgebung: Umgebung = { unterOptional: umgebung.unterOptional || e.optional };

  if (meta.format === 'opening_hours') return { ...basis, widget: 'oeffnungszeiten' };
  if (meta.format === BILD_FORMAT)
    return { ...basis, widget: 'image', choose_url: false, hint: meta.description ?? BILD_HINWEIS, media_library: { config: { max_file_size: MAX_BILD_BYTES } } };
  if (meta.verweis) return { ...basis, ...relation(meta.verweis), ...mitMuster(def) };

  switch (def.type) {
    case 'string': {
      if (meta.format === 'datum') return { ...basis, widget: 'datetime', format: 'YYYY-MM-DD', time_format: false, picker_utc: false, ...mitMuster(def) };
      if (meta.format === 'uhrzeit') return { ...basis, widget: 'datetime', format: 'HH:mm', date_format: false, time_format: 'HH:mm', picker_utc: false, ...mitMuster(def) };
      const max = laenge(def, 'max_length');
      return { ...basis, widget: max !== undefined && max > 200 ? 'text' : 'string', ...mitMuster(def) };
    }
    case 'number': {
      const ganzzahl = pruefungen(def).some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
      return { ...basis, widget: 'number', value_type: ganzzahl ? 'int' : 'float' };
    }
    case 'boolean':
      return { ...basis, widget: 'boolean' };
    case 'enum':
    case 'literal':
      return { ...basis, widget: 'select', options: optionenVon(e) };
    case 'array':
      return { ...basis, ...listenFeld(name, e) };
    case 'tuple': {
      const items = def.items as z.ZodType[];
      return { ...basis, widget: 'list', min: items.length, max: items.length, field: { ...feldFuer('wert', items[0], { unterOptional: true }), label: 'Wert' } };
    }
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const fields = Object.entries(shape).map(([n, s]) => feldFuer(n, s, kinderUmgebung));
      // An object holding a recurrence rule is edited as a whole by the recurrence widget.
      const istWiederholung = Object.values(shape).some((s) => entpacke(s).meta.format === 'rrule');
      if (istWiederholung) return { ...basis, widget: 'wiederholung', fields };
      // Optional groups (and optional extras like translations) start closed; defaults stay visible.
      const zu = e.optional || (e.hatStandard && istObjektLeer(e.standard));
      return { ...basis, widget: 'object', fields, ...(zu ? { collapsed: true } : {}) };
    }
    default:
      throw new Error(`Feld „${name}“: Schema-Typ „${def.type}“ kann nicht ins CMS übernommen werden.`);
  }
}

function mitMuster(def: Def): Partial<CmsFeld> {
  const muster = musterVon(def);
  return muster ? { pattern: muster } : {};
}

/** „… hinzufügen“ buttons of lists whose items have no title of their own in the schema. */
const LISTEN_EINZAHL: Record<string, string> = { ausfaelle: 'Ausfall' };

function listenFeld(name: string, e: Entpackt): Partial<CmsFeld> {
  const element = entpacke(e.def.element as z.ZodType);
  const min = laenge(e.def, 'min_length');
  const max = laenge(e.def, 'max_length');
  const grenzen = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  if (element.def.type === 'enum' || e.meta.mehrfach) {
    return { widget: 'select', multiple: true, options: optionenVon({ ...element, meta: { ...element.meta, auswahl: e.meta.auswahl ?? element.meta.auswahl } }), ...grenzen };
  }
  if (element.meta.verweis) return { ...relation(element.meta.verweis, { multiple: true }), ...grenzen };
  const itemUmgebung: Umgebung = { unterOptional: true };
  if (element.def.type === 'object') {
    const fields = Object.entries(element.def.shape as Record<string, z.ZodType>).map(([n, s]) => feldFuer(n, s, itemUmgebung));
    const erstes = fields.filter((f) => f.widget !== 'image')[0];
    return {
      widget: 'list',
      fields,
      label_singular: element.meta.title ?? LISTEN_EINZAHL[name] ?? 'Eintrag',
      summary: fields.length > 1 ? `{{fields.${fields[0].name}}} – {{fields.${fields[1].name}}}` : `{{fields.${erstes?.name ?? fields[0].name}}}`,
      collapsed: false,
      ...grenzen,
    };
  }
  const field = feldFuer('eintrag', e.def.element as z.ZodType, itemUmgebung);
  return { widget: 'list', field, label_singular: field.label, ...grenzen };
}

// --- the whole configuration ----------------------------------------------------------------

function sammlungFuer(s: Sammlung): CmsSammlung {
  const shape = objektForm(cmsSchema(s.name));
  if (!shape) throw new Error(`Sammlung „${s.name}“: das Schema ist kein Objekt.`);
  const fields = Object.entries(shape).map(([n, schema]) => feldFuer(n, schema));
  if (s.body) {
    fields.push({
      name: 'body',
      label: s.body.label,
      widget: 'markdown',
      required: s.body.required,
      hint: s.body.hint,
      buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'bulleted-list', 'numbered-list', 'quote'],
      editor_components: [],
      modes: ['rich_text', 'raw'],
    });
  }
  const ident = namensfeld(s.name);
  return {
    name: s.name,
    label: s.label,
    label_singular: s.label_singular,
    description: s.description,
    folder: `content/${s.name}`,
    extension: s.format,
    format: s.format === 'md' ? 'frontmatter' : 'yaml',
    create: true,
    delete: true,
    // The file name is the permanent URL: made from the name once, never changed on edit.
    slug: '{{slug}}',
    identifier_field: ident,
    summary: s.summary ?? `{{${ident}}}`,
    sortable_fields: s.sortable_fields ?? [ident],
    ...(s.preview_path ? { preview_path: s.preview_path } : {}),
    editor: { preview: true },
    fields,
  };
}

export interface CmsOptionen {
  /**
   * Where the CMS stores content in production. Default: `git-gateway` (Netlify Identity or a
   * self-hosted git-gateway in front of the repository). Alternatives, set via PUBLIC_CMS_* at build:
   *   GitHub: { name: 'github', repo: 'stadt-krefeld/quartiersportal', branch: 'main', base_url: 'https://auth.example.org' }
   *           (base_url = an OAuth proxy such as decap-cms-github-oauth-provider)
   *   Gitea/Forgejo: { name: 'gitea', repo: 'quartiere/portal', base_url: 'https://git.example.org',
   *           api_root: 'https://git.example.org/api/v1', app_id: '<OAuth client id>' }
   *   GitLab: { name: 'gitlab', repo: 'krefeld/quartiersportal', auth_type: 'pkce', app_id: '<id>' }
   * On localhost `local_backend` wins: `npm start` runs decap-server, no account needed.
   */
  backend?: CmsBackendConfig;
  /** The public site, for „Ansehen“ links (the admin page passes its own origin). */
  siteUrl?: string;
}

export function buildCmsConfig(optionen: CmsOptionen = {}): CmsKonfiguration {
  return {
    backend: optionen.backend ?? { name: 'git-gateway', branch: 'main', squash_merges: true },
    local_backend: true,
    load_config_file: false,
    locale: 'de',
    // Entwurf → In Prüfung → Bereit: the SQM reviews before anything is published.
    publish_mode: 'editorial_workflow',
    // One media folder that astro:assets processes (AVIF/WebP, widths); entries refer to uploads
    // relative to their own file: `../../src/assets/uploads/foto.jpg` (src/schema/medien.ts).
    media_folder: MEDIEN_ORDNER,
    public_folder: MEDIEN_PFAD,
    ...(optionen.siteUrl ? { site_url: optionen.siteUrl, display_url: optionen.siteUrl } : {}),
    show_preview_links: true,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    editor: { preview: true },
    collections: SAMMLUNGEN.map(sammlungFuer),
  };
}
