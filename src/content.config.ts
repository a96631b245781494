import { defineCollection } from 'astro:content';
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
import { bildImMedienordner } from './schema/medienordner';
import { mitMarkdownWorkern } from './schema/markdown-parallel';
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
 * Images: a path into the one media folder, checked here (file there, really an image) and turned
 * into Astro's image object by src/medien/bilder.ts. Not Astro's `image()`: see there why.
 * The schemas are plain objects, built once per collection — a schema *function* would be called
 * again for every entry (≈ 1.5 ms for a Termin, ≈ 8 s of a build at 5,000 Termine).
 */
const image = bildImMedienordner();

// Markdown bodies are rendered in a worker thread while the main thread reads and checks the entries (src/schema/markdown-parallel.ts).
const md = (sammlung: string) => mitMarkdownWorkern(glob({ pattern: '*.md', base: `${CONTENT_DIR}/${sammlung}` }));
const yaml = (sammlung: string) => glob({ pattern: '*.{yaml,yml}', base: `${CONTENT_DIR}/${sammlung}` });

export const collections = {
  quartiere: defineCollection({ loader: md('quartiere'), schema: mitDeutschenFehlern(quartierSchema({ image, ids })) }),
  akteure: defineCollection({ loader: yaml('akteure'), schema: mitDeutschenFehlern(akteurSchema({ image, ids })) }),
  kontakte: defineCollection({ loader: yaml('kontakte'), schema: mitDeutschenFehlern(kontaktSchema({ image, ids })) }),
  treffs: defineCollection({ loader: md('treffs'), schema: mitDeutschenFehlern(treffSchema({ image, ids })) }),
  angebote: defineCollection({ loader: md('angebote'), schema: mitDeutschenFehlern(angebotSchema({ image, ids })) }),
  termine: defineCollection({ loader: md('termine'), schema: mitDeutschenFehlern(terminSchema({ image, ids })) }),
  seiten: defineCollection({ loader: md('seiten'), schema: mitDeutschenFehlern(seiteSchema()) }),
};
