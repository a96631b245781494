/**
 * Loads a content folder (default: the real content/) through the real schemas, as the build
 * does, into plain `{ id, data, body }` entries — for tests of src/lib that need whole sites.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { angebotSchema, kontaktSchema, quartierSchema, terminSchema, treffSchema } from '../../src/schema/collections';
import { bildDateiname } from '../../src/schema/medien';

interface Roh {
  id: string;
  data: unknown;
  body: string;
}

/** Every entry file of one collection folder, parsed like the glob loader does (empty if the folder is missing). */
export function eintraege(ordner: string): Roh[] {
  if (!existsSync(ordner)) return [];
  return readdirSync(ordner)
    .filter((f) => /\.(md|ya?ml)$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(ordner, f), 'utf8');
      const id = f.replace(/\.(md|ya?ml)$/, '');
      if (!f.endsWith('.md')) return { id, data: parse(text), body: '' };
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      if (!m) throw new Error(`${f}: kein Front-Matter`);
      return { id, data: parse(m[1]), body: m[2] };
    });
}

export function ladeInhalt(ordner = 'content') {
  const ids = {
    quartiere: new Set(eintraege(join(ordner, 'quartiere')).map((e) => e.id)),
    akteure: new Set(eintraege(join(ordner, 'akteure')).map((e) => e.id)),
    kontakte: new Set(eintraege(join(ordner, 'kontakte')).map((e) => e.id)),
    treffs: new Set(eintraege(join(ordner, 'treffs')).map((e) => e.id)),
  };
  // Images become what the build's data layer hands the pages (src/medien/bilder.ts): an image
  // object pointing at the built file. Size and hash do not matter to the tests.
  const image = () =>
    z.string().transform((pfad) => {
      const name = bildDateiname(pfad) ?? pfad;
      return { src: `/_astro/${name}`, width: 1600, height: 1067, format: name.split('.').pop() ?? 'jpg' };
    });
  const ctx = { image, ids };
  const laden = <S extends z.ZodType>(sammlung: string, schema: S) =>
    eintraege(join(ordner, sammlung)).map((e) => ({ ...e, data: schema.parse(e.data) as z.output<S> }));
  return {
    quartiere: laden('quartiere', quartierSchema(ctx)),
    treffs: laden('treffs', treffSchema(ctx)),
    angebote: laden('angebote', angebotSchema(ctx)),
    termine: laden('termine', terminSchema(ctx)),
    kontakte: laden('kontakte', kontaktSchema(ctx)),
  };
}
