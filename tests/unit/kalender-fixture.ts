/**
 * Loads a content folder (default: tests/fixtures/kalender) the way the build does — front
 * matter checked by the real schemas — into the plain shapes src/lib/kalender.ts takes.
 * The fixture is small and full of edge cases: exceptions, extra dates, a cancelled date, a
 * cancelled series, COUNT, UNTIL, DST weeks, all-day over several days, no end time, a place
 * without a Treff, an event long past, one of the last 30 days, Arabic text.
 */
import { join } from 'node:path';
import { eintraege } from './inhalt-laden';
import { z } from 'astro/zod';
import { akteurSchema, quartierSchema, terminSchema, treffSchema } from '../../src/schema/collections';
import type { KalenderKontext, TerminQuelle } from '../../src/lib/kalender';

export const FIXTURE = 'tests/fixtures/kalender';

export function ladeFixture(ordner = FIXTURE): { termine: TerminQuelle[]; kontext: KalenderKontext } {
  const ids = {
    quartiere: new Set(eintraege(join(ordner, 'quartiere')).map((e) => e.id)),
    akteure: new Set(eintraege(join(ordner, 'akteure')).map((e) => e.id)),
    kontakte: new Set(eintraege(join(ordner, 'kontakte')).map((e) => e.id)),
    treffs: new Set(eintraege(join(ordner, 'treffs')).map((e) => e.id)),
  };
  const ctx = { image: () => z.string(), ids };
  const laden = <S extends z.ZodType>(sammlung: string, schema: S) =>
    new Map(eintraege(join(ordner, sammlung)).map((e) => [e.id, { ...e, data: schema.parse(e.data) as z.output<S> }]));
  const quartiere = laden('quartiere', quartierSchema(ctx));
  const treffs = laden('treffs', treffSchema(ctx));
  const akteure = laden('akteure', akteurSchema(ctx));
  const termine = [...laden('termine', terminSchema(ctx)).values()];
  return {
    termine,
    kontext: {
      site: 'https://quartiere.krefeld.example/',
      quartiere: new Map([...quartiere].map(([id, e]) => [id, e.data])),
      treffs: new Map([...treffs].map(([id, e]) => [id, e.data])),
      akteure: new Map([...akteure].map(([id, e]) => [id, e.data])),
    },
  };
}
