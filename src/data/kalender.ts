/**
 * The calendar's content glue: collections → the plain shapes of src/lib/kalender.ts and
 * src/lib/ical.ts. Feeds, month files, month pages and event pages all come through here.
 */
import { buildFeed, type FeedKopf, type FeedOptionen } from '../lib/ical';
import type { ICalEventData } from 'ical-generator';
import { feedTerminVon, monateZwischen, monatVon, vorkommenImMonat, type KalenderKontext, type TerminQuelle } from '../lib/kalender';
import type { Occurrence } from '../lib/recurrence';
import { addDays, heuteBerlin } from '../lib/time';
import { inhalte, type TerminEintrag } from './inhalte';
import { jetzt } from './jetzt';
import { HORIZONT_TAGE, vorkommenVon } from './termine';

/** Public address of the site (astro.config `site`). */
export const SITE = import.meta.env.SITE ?? 'https://quartiere.krefeld.example';

let kontext: Promise<KalenderKontext> | undefined;

/** The joins of the calendar, made once per build (every feed and month file asks for them). */
export function kalenderKontext(): Promise<KalenderKontext> {
  kontext ??= inhalte().then((alle) => ({
    site: SITE,
    quartiere: new Map(alle.quartiere.map((q) => [q.id, q.data])),
    treffs: new Map(alle.treffs.map((t) => [t.id, t.data])),
    akteure: new Map(alle.akteure.map((a) => [a.id, a.data])),
  }));
  return kontext;
}

/** Events of the subscription feeds, shared between them (see `zwischenspeicher` in src/lib/ical.ts). */
export const aboEvents = new Map<string, ICalEventData[]>();

export const terminQuelle = (t: TerminEintrag): TerminQuelle => ({ id: t.id, data: t.data, body: t.body });

let quellen: Promise<readonly TerminQuelle[]> | undefined;

/** Every Termin as the calendar sees it; the same list for the whole build (months are cached per list). */
export function terminQuellen(): Promise<readonly TerminQuelle[]> {
  quellen ??= inhalte().then((alle) => Object.freeze(alle.termine.map(terminQuelle)));
  return quellen;
}

/** Months the calendar covers: from the current month (Berlin) to the end of the lists' horizon. */
export function kalenderMonate(): string[] {
  const heute = heuteBerlin(jetzt());
  return monateZwischen(monatVon(heute), monatVon(addDays(heute, HORIZONT_TAGE)));
}

/** Months that get a page: the current one always, later ones when they have events. */
export async function monateMitSeite(): Promise<string[]> {
  const termine = await terminQuellen();
  const [aktuell, ...weitere] = kalenderMonate();
  return [aktuell, ...weitere.filter((m) => vorkommenImMonat(termine, m).length > 0)];
}

/** An .ics file as the endpoint's response. */
export function icsAntwort(text: string): Response {
  return new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}

/** Builds a feed from Termin entries (the window and DTSTAMP follow the build's "now"). */
export async function feedAus(kopf: FeedKopf, termine: readonly TerminQuelle[], optionen: Partial<FeedOptionen> = {}): Promise<string> {
  const k = await kalenderKontext();
  return buildFeed(
    kopf,
    termine.map((t) => feedTerminVon(t, k)),
    { jetzt: jetzt(), ...optionen },
  );
}

/** How many upcoming dates of a Termin get their own "nur diesen Termin" download. */
export const DATUMS_DOWNLOADS = 12;

/**
 * The upcoming dates of a series that can be downloaded one by one (not the cancelled ones).
 * A single Termin has one file only, serie.ics: a file per date would hold the same event
 * (thousands of duplicate files at city scale, `npm run bench`).
 */
export function datumsDownloads(termin: TerminEintrag): Occurrence[] {
  if (!termin.data.wiederholung) return [];
  return vorkommenVon(termin)
    .filter((o) => !o.ausgefallen)
    .slice(0, DATUMS_DOWNLOADS);
}
