/**
 * The build's image field: a path into the media folder whose file exists and is an image.
 * Replaces Astro's `image()` in src/content.config.ts — see src/medien/bilder.ts for why the
 * build resolves images itself. Node only (reads the disk).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { MEDIEN_ORDNER, bildDateiFehler, bildDateiname, bildPfadFehler } from './medien';

function kopfVon(datei: string): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(datei, 'r');
    const kopf = new Uint8Array(16);
    readSync(fd, kopf, 0, 16, 0);
    return kopf;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `ordner`: the media folder on disk (tests pass their own). */
export function bildImMedienordner(ordner = join(process.cwd(), MEDIEN_ORDNER)) {
  // Many entries share a photo: read a good file once. Failures are not remembered, so a photo
  // uploaded after the error (`astro dev`, `npm start`) is found on the next check.
  const gut = new Set<string>();
  return () =>
    z.string().superRefine((src, ctx) => {
      const name = bildDateiname(src);
      let meldung = name ? undefined : bildPfadFehler(src);
      if (name && !gut.has(name)) {
        meldung = bildDateiFehler(name, kopfVon(join(ordner, name)));
        if (!meldung) gut.add(name);
      }
      if (meldung) ctx.addIssue({ code: 'custom', message: meldung });
    });
}
