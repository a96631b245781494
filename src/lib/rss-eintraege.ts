/**
 * Items of the RSS feed „Neue und geänderte Angebote und Termine“ (/rss.xml).
 *
 * Which date says "changed"? We use only dates from the content, never git or file times (a
 * fresh CI clone gives every file the same time, and the site may be built from a CMS export):
 * - Angebote: `zuletzt_geprueft`, the day an editor last confirmed or changed the entry.
 * - Termine have no such date, so they carry no pubDate (RSS 2.0 allows that) and are listed
 *   while they have a date in the next 90 days.
 * In both cases the guid is the entry's id plus a short hash of its content: when an editor
 * changes anything, feed readers see a new item, and an unchanged entry stays one item.
 *
 * Pure: plain entries in, plain items out (the endpoint hands them to @astrojs/rss).
 */
import { createHash } from 'node:crypto';
import type { Angebot, Termin } from '../schema/collections';
import { KATEGORIEN, labelOf } from '../schema/enums';
import { markdownZuKlartext } from './klartext';
import { zeitenKurz } from './opening-hours-kurz';
import { expandOccurrences } from './recurrence';
import { addDays, berlinWallToInstant, formatTerminzeit, heuteBerlin } from './time';

export const RSS_HORIZONT_TAGE = 90;
/** Angebote checked within this many days count as new or changed. */
export const RSS_ANGEBOTE_TAGE = 120;

export interface RssEintrag {
  title: string;
  /** Site path; @astrojs/rss makes it absolute. */
  link: string;
  description: string;
  pubDate?: Date;
  categories: string[];
  /** `<guid isPermaLink="false">…</guid>`: id plus content hash. */
  customData: string;
}

interface Quelle<T> {
  id: string;
  data: T;
  body?: string;
}

/** A short fingerprint of an entry's content (front matter and text). */
export function inhaltsHash(data: unknown, body = ''): string {
  return createHash('sha256')
    .update(JSON.stringify(data) + '\n' + body)
    .digest('hex')
    .slice(0, 12);
}

const guid = (art: string, id: string, hash: string) => `<guid isPermaLink="false">${art}-${id}-${hash}</guid>`;

/** The first paragraph of the text, at most `max` characters. */
function anriss(body: string | undefined, max = 280): string {
  const absatz = markdownZuKlartext(body ?? '').split('\n\n')[0] ?? '';
  return absatz.length > max ? `${absatz.slice(0, max - 1).trimEnd()}…` : absatz;
}

export interface RssOrte {
  /** Name of the place of an entry (its Treff or own place). */
  ortName: (e: Pick<Angebot, 'treff' | 'ort'>) => string | undefined;
  quartierName: (id: string) => string | undefined;
}

export function rssEintraege(
  angebote: ReadonlyArray<Quelle<Angebot>>,
  termine: ReadonlyArray<Quelle<Termin>>,
  orte: RssOrte,
  jetzt: Date,
): RssEintrag[] {
  const heute = heuteBerlin(jetzt);
  const von = berlinWallToInstant(heute);
  const bis = berlinWallToInstant(addDays(heute, RSS_HORIZONT_TAGE));

  const terminItems = termine
    .map((t) => ({ t, occ: expandOccurrences(t.data, t.id, von, bis) }))
    .filter((x) => x.occ.length > 0)
    .sort((a, b) => a.occ[0].start.getTime() - b.occ[0].start.getTime() || a.t.id.localeCompare(b.t.id))
    .map(({ t, occ }): RssEintrag => {
      const d = t.data;
      const naechster = occ.find((o) => !o.ausgefallen) ?? occ[0];
      const ort = orte.ortName(d);
      const quartier = orte.quartierName(d.quartier);
      const wann = `${d.wiederholung ? 'Nächster Termin: ' : ''}${formatTerminzeit(naechster)}`;
      return {
        title: `${d.abgesagt ? 'Abgesagt: ' : ''}${d.titel}${ort ? ` – ${ort}` : ''}`,
        link: `/termine/${t.id}/`,
        description: [wann, d.abgesagt && d.absage_grund ? `Abgesagt: ${d.absage_grund}` : '', anriss(t.body)].filter(Boolean).join('\n\n'),
        categories: ['Termin', labelOf(KATEGORIEN, d.kategorie), ...(quartier ? [quartier] : [])],
        customData: guid('termin', t.id, inhaltsHash(d, t.body)),
      };
    });

  const grenze = addDays(heute, -RSS_ANGEBOTE_TAGE);
  const angebotItems = angebote
    .filter((a) => a.data.zuletzt_geprueft >= grenze && a.data.zuletzt_geprueft <= heute)
    .sort((a, b) => b.data.zuletzt_geprueft.localeCompare(a.data.zuletzt_geprueft) || a.id.localeCompare(b.id))
    .map((a): RssEintrag => {
      const d = a.data;
      const ort = orte.ortName(d);
      const wann = d.zeiten ? zeitenKurz(d.zeiten, jetzt) : 'Nach Vereinbarung';
      return {
        title: `${d.titel}${ort ? ` – ${ort}` : ''}`,
        link: `/angebote/${a.id}/`,
        description: [`${labelOf(KATEGORIEN, d.kategorie)}: ${wann}`, anriss(a.body)].filter(Boolean).join('\n\n'),
        pubDate: berlinWallToInstant(d.zuletzt_geprueft, '00:00'),
        categories: ['Angebot', labelOf(KATEGORIEN, d.kategorie), ...d.quartiere.flatMap((q) => orte.quartierName(q) ?? [])],
        customData: guid('angebot', a.id, inhaltsHash(d, a.body)),
      };
    });

  return [...terminItems, ...angebotItems];
}
