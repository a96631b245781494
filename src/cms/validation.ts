/**
 * Editor validation = build validation: an entry is checked with the SAME zod schema and the
 * same German error map as `astro build` (src/schema/errors.ts), only with references unchecked
 * and images stubbed (CMS_KONTEXT). Pure functions; the Decap glue is in editor-pruefung.ts.
 */
import type { z } from 'astro/zod';
import { deutscheFehler, feldLabel } from '../schema/errors';
import { cmsSchema, type SammlungsName } from './config';

type Pfad = Array<string | number>;

const istObjekt = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function leer(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (istObjekt(v)) return Object.keys(v).length === 0;
  return false;
}

/**
 * What the editor leaves behind when a field is cleared: '' strings, empty lists, `{}` objects,
 * empty list items. They are removed before checking and saving, so „nicht ausgefüllt“ means
 * „nicht vorhanden“ – as in a hand-written file. Returns the paths to delete, deepest first
 * (list items from the back), so they can be applied one after another.
 */
export function leerePfade(daten: unknown): Pfad[] {
  const pfade: Pfad[] = [];
  // Returns whether `wert` is empty after its empty parts are gone.
  function besuche(wert: unknown, pfad: Pfad): boolean {
    if (Array.isArray(wert)) {
      let rest = wert.length;
      for (let i = wert.length - 1; i >= 0; i--) {
        if (besuche(wert[i], [...pfad, i])) {
          pfade.push([...pfad, i]);
          rest--;
        }
      }
      return rest === 0;
    }
    if (istObjekt(wert)) {
      let rest = 0;
      for (const [k, v] of Object.entries(wert)) {
        if (besuche(v, [...pfad, k])) pfade.push([...pfad, k]);
        else rest++;
      }
      return rest === 0;
    }
    return leer(wert);
  }
  if (istObjekt(daten)) besuche(daten, []);
  // A parent is pushed after its children; deleting the children first is harmless.
  return pfade;
}

/** A copy of `daten` without the empty parts (see `leerePfade`). */
export function bereinige<T>(daten: T): T {
  if (!istObjekt(daten)) return daten;
  const kopie = structuredClone(daten) as unknown;
  for (const pfad of leerePfade(kopie)) {
    const eltern = pfad.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)?.[k], kopie);
    const letzter = pfad[pfad.length - 1];
    if (Array.isArray(eltern)) eltern.splice(letzter as number, 1);
    else if (istObjekt(eltern)) delete eltern[letzter as string];
  }
  return kopie as T;
}

/** Keys Decap keeps in an entry's data that are not content fields. */
const KEINE_FELDER = ['body'];

export interface Pruefergebnis {
  ok: boolean;
  /** German messages per top-level field (the editor shows them next to that field). */
  proFeld: Record<string, string[]>;
  /** All messages, one line each: „Feld: Nachricht“ (for the save notice). */
  alle: string[];
}

/**
 * Checks an entry's data like the build does (same schema, same German messages).
 * Messages for nested fields name the nested field: „Alternativtext“: Alternativtext fehlt …
 */
export function pruefeEintrag(sammlung: SammlungsName, daten: unknown): Pruefergebnis {
  const schema = cmsSchema(sammlung);
  const roh = istObjekt(daten) ? { ...daten } : {};
  for (const k of KEINE_FELDER) delete roh[k];
  // The same parse as `pruefe()` (src/schema/errors.ts), but keeping each issue's path.
  const ergebnis = (schema as z.ZodType).safeParse(bereinige(roh), { error: deutscheFehler });
  if (ergebnis.success) return { ok: true, proFeld: {}, alle: [] };
  const proFeld: Record<string, string[]> = {};
  const alle: string[] = [];
  for (const issue of ergebnis.error.issues) {
    const feld = issue.path.length ? String(issue.path[0]) : '';
    const label = feldLabel(schema, issue.path);
    const oben = feld ? feldLabel(schema, [feld]) : undefined;
    // Next to the field itself the label is visible already; for nested fields name them.
    const beimFeld = issue.path.length > 1 && label && label !== oben ? `„${label}“: ${issue.message}` : issue.message;
    const liste = (proFeld[feld] ??= []);
    if (!liste.includes(beimFeld)) liste.push(beimFeld);
    alle.push(`${label ?? (feld || 'Eintrag')}: ${issue.message}`);
  }
  return { ok: false, proFeld, alle: [...new Set(alle)] };
}
