import { defineCollection, type SchemaContext } from 'astro:content';
import { glob } from 'astro/loaders';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  akteurSchema,
  angebotSchema,
  kontaktSchema,
  quartierSchema,
  seiteSchema,
  terminSchema,
  treffSchema,
} from './schema/collections';
import { mitDeutschenFehlern } from './schema/errors';
import { dateiFehlerText, pruefeInhaltsdateien } from './schema/dateien';
import type { BekannteIds } from './schema/fields';

/** `CONTENT_DIR` lets tests and the benchmark build other content with the same code. */
const CONTENT_DIR = process.env.CONTENT_DIR ?? './content';

// Files Astro would skip, mis-read or choke on (wrong type, bad name, duplicate, not UTF-8, YAML
// bomb …) stop the build here with German messages naming each file — see src/schema/dateien.ts.
const dateiFehler = pruefeInhaltsdateien(CONTENT_DIR);
if (dateiFehler.length > 0) throw new Error(dateiFehlerText(dateiFehler, CONTENT_DIR));

/** Entry ids (file names without extension) per collection, for checking references at build. */
function idsIn(sammlung: string): Set<string> {
  const dir = join(CONTENT_DIR, sammlung);
  if (!existsSync(dir)) return new Set();
  return new Set(
    readdirSync(dir)
      .filter((f) => /\.(md|ya?ml)$/.test(f))
      .map((f) => f.replace(/\.(md|ya?ml)$/, '')),
  );
}

const ids: BekannteIds = {
  quartiere: idsIn('quartiere'),
  akteure: idsIn('akteure'),
  kontakte: idsIn('kontakte'),
  treffs: idsIn('treffs'),
};

/**
 * Astro calls a schema function once per *entry* (to hand it an `image()` bound to that entry's
 * file). Building a collection's zod schema makes hundreds of objects — about 1.5 ms for a
 * Termin, ≈ 8 s of every build at 5,000 Termine (`npm run bench`). In the content layer, `image()`
 * uses the entry's file only to resolve bare file names against its *folder*, and all entries of
 * a collection share one folder (flat `*.md` globs below), so one schema serves them all.
 * Should a collection ever read subfolders, drop this for it.
 */
function einmalJeSammlung<S>(bauen: (kontext: SchemaContext) => S): (kontext: SchemaContext) => S {
  let schema: S | undefined;
  return (kontext) => (schema ??= bauen(kontext));
}

const md = (sammlung: string) => glob({ pattern: '*.md', base: `${CONTENT_DIR}/${sammlung}` });
const yaml = (sammlung: string) => glob({ pattern: '*.{yaml,yml}', base: `${CONTENT_DIR}/${sammlung}` });

export const collections = {
  quartiere: defineCollection({ loader: md('quartiere'), schema: einmalJeSammlung(({ image }) => mitDeutschenFehlern(quartierSchema({ image, ids }))) }),
  akteure: defineCollection({ loader: yaml('akteure'), schema: einmalJeSammlung(({ image }) => mitDeutschenFehlern(akteurSchema({ image, ids }))) }),
  kontakte: defineCollection({ loader: yaml('kontakte'), schema: einmalJeSammlung(({ image }) => mitDeutschenFehlern(kontaktSchema({ image, ids }))) }),
  treffs: defineCollection({ loader: md('treffs'), schema: einmalJeSammlung(({ image }) => mitDeutschenFehlern(treffSchema({ image, ids }))) }),
  angebote: defineCollection({ loader: md('angebote'), schema: einmalJeSammlung(({ image }) => mitDeutschenFehlern(angebotSchema({ image, ids }))) }),
  termine: defineCollection({ loader: md('termine'), schema: einmalJeSammlung(({ image }) => mitDeutschenFehlern(terminSchema({ image, ids }))) }),
  seiten: defineCollection({ loader: md('seiten'), schema: mitDeutschenFehlern(seiteSchema()) }),
};
