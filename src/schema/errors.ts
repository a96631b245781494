/**
 * German, actionable messages for content errors. Astro formats schema issues with its own
 * English error map, which overrides zod's global config; so every collection schema is wrapped
 * (`mitDeutschenFehlern`) and re-reports its issues as custom issues carrying our message.
 */
import { z } from 'astro/zod';
import type { core } from 'astro/zod';

const TYPNAMEN: Record<string, string> = {
  string: 'Text',
  number: 'Zahl',
  boolean: 'ja/nein (true/false)',
  array: 'Liste',
  object: 'Gruppe von Feldern',
  date: 'Datum',
  undefined: 'nichts',
  null: 'nichts',
};

function typName(value: unknown): string {
  if (value === null) return 'nichts';
  if (Array.isArray(value)) return 'Liste';
  if (value instanceof Date) return 'Datum';
  return TYPNAMEN[typeof value] ?? typeof value;
}

/** Zod error map producing plain German; custom messages set on a schema win over it. */
export const deutscheFehler: core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Pflichtfeld fehlt – bitte ausfüllen.';
      return `Falscher Typ: erwartet ${TYPNAMEN[issue.expected] ?? issue.expected}, gefunden ${typName(issue.input)}.`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'Darf nicht leer sein – bitte ausfüllen.'
          : `Zu kurz: mindestens ${issue.minimum} Zeichen.`;
      if (issue.origin === 'array') return `Mindestens ${issue.minimum} Eintrag/Einträge nötig.`;
      return `Zu klein: mindestens ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Zu lang: höchstens ${issue.maximum} Zeichen – bitte kürzen.`;
      if (issue.origin === 'array') return `Zu viele Einträge: höchstens ${issue.maximum}.`;
      return `Zu groß: höchstens ${issue.maximum}.`;
    case 'invalid_value':
      if (issue.input === undefined) return 'Pflichtfeld fehlt – bitte auswählen.';
      return `Unbekannter Wert ${JSON.stringify(issue.input)}. Erlaubt sind: ${issue.values.map((v) => String(v)).join(', ')}.`;
    case 'invalid_format':
      if (issue.format === 'email') return 'Keine gültige E-Mail-Adresse (Beispiel: treff@example.org).';
      if (issue.format === 'url') return 'Keine gültige Web-Adresse (Beispiel: https://www.example.org/).';
      if (issue.format === 'regex') return 'Falsches Format.';
      return `Falsches Format (${issue.format}).`;
    case 'unrecognized_keys':
      return `Unbekannte Felder: ${issue.keys.join(', ')} – Tippfehler im Feldnamen? Bitte entfernen oder korrigieren.`;
    case 'invalid_union':
      return 'Passt zu keiner der erlaubten Formen.';
    default:
      return undefined;
  }
};

interface Beschreibung {
  title?: string;
  description?: string;
}

/** The editor-facing label of the field at `path`, read from the schema's `.meta({ title })`. */
export function feldLabel(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let current: z.ZodType | undefined = schema;
  let label: string | undefined;
  for (const key of path) {
    current = current && kind(unwrap(current), key);
    if (!current) return label;
    const meta = z.globalRegistry.get(current) as Beschreibung | undefined;
    const inner = z.globalRegistry.get(unwrap(current)) as Beschreibung | undefined;
    if (typeof key === 'string') label = meta?.title ?? inner?.title ?? label;
  }
  return label;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.innerType) s = def.innerType as z.ZodType;
    else if (def.type === 'pipe') s = def.in as z.ZodType;
    else break;
  }
  return s;
}

function kind(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === 'object') return (def.shape as Record<string, z.ZodType>)[key as string];
  if (def.type === 'array') return def.element as z.ZodType;
  return undefined;
}

/** One line per issue: `feld.pfad („Label“): Nachricht`. */
export function formatIssues(schema: z.ZodType, issues: readonly core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const pfad = issue.path.map(String).join('.') || '(Datei)';
    const label = feldLabel(schema, issue.path);
    return `${pfad}${label ? ` („${label}“)` : ''}: ${issue.message}`;
  });
}

/**
 * Wraps a collection schema so Astro reports our German messages (with the field's label).
 * The output type stays that of the inner schema.
 */
export function mitDeutschenFehlern<S extends z.ZodType>(schema: S) {
  return z.unknown().transform(async (data, ctx): Promise<z.output<S>> => {
    const result = await schema.safeParseAsync(data, { error: deutscheFehler });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const label = feldLabel(schema, issue.path);
      ctx.issues.push({
        code: 'custom',
        input: (issue as { input?: unknown }).input,
        path: issue.path,
        message: `${label ? `„${label}“: ` : ''}${issue.message}`,
      });
    }
    return z.NEVER;
  });
}

/** Parses like the build does and returns German messages; for tests and the CMS. */
export function pruefe<S extends z.ZodType>(schema: S, data: unknown) {
  const result = schema.safeParse(data, { error: deutscheFehler });
  if (result.success) return { ok: true as const, data: result.data as z.output<S>, fehler: [] as string[] };
  return { ok: false as const, data: undefined, fehler: formatIssues(schema, result.error.issues) };
}
