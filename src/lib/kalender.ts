/**
 * The citywide calendar's data: what the feeds, the per-month JSON files, the month pages and
 * the calendar island get for each Termin. Everything is made from the one recurrence engine,
 * so all of them show the same dates. Pure (plain data in, plain data out): the pages call it
 * with the collections, the tests with the fixture files.
 */
import type { Termin } from '../schema/collections';
import { KATEGORIEN, labelOf } from '../schema/enums';
import { adresszeile } from './kontakt-links';
import type { FeedTermin } from './ical';
import { expandOccurrences, type Occurrence } from './recurrence';
import { berlinTagesbeginn } from './time';

interface AdresseLike {
  strasse: string;
  hausnummer?: string;
  plz: string;
  ort: string;
}

/** The joined data a Termin refers to, by id. Structural, so content entries and fixtures both fit. */
export interface KalenderKontext {
  /** Public address of the site, e.g. `https://quartiere.krefeld.de/`. */
  site: string | URL;
  quartiere: ReadonlyMap<string, { name: string }>;
  treffs: ReadonlyMap<string, { name: string; adresse: AdresseLike; koordinaten?: { lat: number; lon: number } }>;
  akteure: ReadonlyMap<string, { name: string }>;
}

/** A Termin entry: its id (file name), its data and its Markdown body. */
export interface TerminQuelle {
  id: string;
  data: Termin;
  body?: string;
}

/** Path of the event page. */
export const terminPfad = (id: string) => `/termine/${id}/`;

/** Where a Termin takes place: its Treff, or its own place. */
export function terminOrt(d: Pick<Termin, 'treff' | 'ort'>, k: KalenderKontext) {
  const treff = d.treff ? k.treffs.get(d.treff) : undefined;
  if (treff) return { name: treff.name, treff: d.treff, adresse: treff.adresse, koordinaten: treff.koordinaten };
  if (d.ort) return { name: d.ort.name, treff: undefined, adresse: d.ort.adresse as AdresseLike, koordinaten: d.ort.koordinaten };
  return undefined;
}

/** The Termin as the iCal feed needs it. */
export function feedTerminVon(t: TerminQuelle, k: KalenderKontext): FeedTermin {
  const d = t.data;
  const ort = terminOrt(d, k);
  const quartier = k.quartiere.get(d.quartier);
  return {
    id: t.id,
    daten: d,
    markdown: t.body,
    url: new URL(terminPfad(t.id), k.site).href,
    ort: ort && {
      name: ort.name,
      adresse: adresszeile(ort.adresse),
      ...(ort.koordinaten ? { koordinaten: { lat: ort.koordinaten.lat, lon: ort.koordinaten.lon } } : {}),
    },
    kategorien: [labelOf(KATEGORIEN, d.kategorie), ...(quartier ? [`Quartier ${quartier.name}`] : [])],
    veranstalter: d.veranstalter ? k.akteure.get(d.veranstalter)?.name : undefined,
  };
}

// --- calendar JSON ----------------------------------------------------------------------

/**
 * One occurrence in the calendar's month files: only what the island shows and filters on.
 * Timed: `start`/`ende` are instants (ISO, UTC). All-day: dates, `ende` exclusive (as in iCal).
 */
export interface KalenderEintrag {
  /** `<terminId>@<YYYY-MM-DD>`, unique per occurrence */
  id: string;
  titel: string;
  start: string;
  /** Missing when the Termin has no end time („ab 19:00 Uhr“). */
  ende?: string;
  ganztaegig?: true;
  /** Path of the event page. */
  url: string;
  ort?: string;
  ausgefallen?: true;
  grund?: string;
  quartier: string;
  treff?: string;
  kategorie: string;
  zielgruppen: string[];
  sprachen: string[];
  kostenlos: boolean;
  /** Only a plain „ja“ counts; „unbekannt“ is not step-free. */
  stufenlos: boolean;
}

function tagNach(datum: string): string {
  const [y, m, d] = datum.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function kalenderEintrag(o: Occurrence, t: TerminQuelle, k: KalenderKontext): KalenderEintrag {
  const d = t.data;
  const ort = terminOrt(d, k);
  const allDay = o.ganztaegig || !o.beginn;
  return {
    id: o.key,
    titel: d.titel,
    start: allDay ? o.datum : o.start.toISOString(),
    ...(allDay ? { ende: tagNach(o.endeDatum), ganztaegig: true as const } : o.ende ? { ende: o.end.toISOString() } : {}),
    url: terminPfad(t.id),
    ...(ort ? { ort: ort.name } : {}),
    ...(o.ausgefallen ? { ausgefallen: true as const, ...(o.grund ? { grund: o.grund } : {}) } : {}),
    quartier: d.quartier,
    ...(ort?.treff ? { treff: ort.treff } : {}),
    kategorie: d.kategorie,
    zielgruppen: d.zielgruppen,
    sprachen: d.sprachen,
    kostenlos: d.kosten.kostenlos,
    stufenlos: d.stufenlos === 'ja',
  };
}

// --- months -----------------------------------------------------------------------------

/** `YYYY-MM` of a `YYYY-MM-DD` date. */
export const monatVon = (datum: string) => datum.slice(0, 7);

/** The month after (`n` = 1) or before (`n` = −1) `monat`. */
export function monatPlus(monat: string, n: number): string {
  const [y, m] = monat.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

const monatsnamen = new Map<string, Intl.DateTimeFormat>();

/** `2026-12` → „Dezember 2026“ (in `locale`: „December 2026“). */
export function monatName(monat: string, locale = 'de'): string {
  const [y, m] = monat.split('-').map(Number);
  let format = monatsnamen.get(locale);
  if (!format) monatsnamen.set(locale, (format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return format.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** All months from `von` to `bis`, both included. */
export function monateZwischen(von: string, bis: string): string[] {
  const liste: string[] = [];
  for (let m = von; m <= bis; m = monatPlus(m, 1)) liste.push(m);
  return liste;
}

/** The instants a Berlin month starts and ends (exclusive). */
export function monatsgrenzen(monat: string): { von: Date; bis: Date } {
  return { von: berlinTagesbeginn(`${monat}-01`), bis: berlinTagesbeginn(`${monatPlus(monat, 1)}-01`) };
}

export interface MonatsVorkommen {
  occ: Occurrence;
  termin: TerminQuelle;
}

/**
 * Months already expanded, per list of Termine: a build asks for the same month many times (the
 * month page and the calendar page in every UI language, the month file, which months have a
 * page) — at city scale that was 14 s of expanding the same series again (`npm run bench`).
 * The list must not change after the first call (the build's lists never do).
 */
const monateJeListe = new WeakMap<readonly TerminQuelle[], Map<string, readonly MonatsVorkommen[]>>();

/**
 * Every occurrence overlapping `monat` (Berlin), cancelled ones included, sorted by start and
 * title. Shared between callers: read it, never change it.
 */
export function vorkommenImMonat(termine: readonly TerminQuelle[], monat: string): readonly MonatsVorkommen[] {
  let monate = monateJeListe.get(termine);
  if (!monate) monateJeListe.set(termine, (monate = new Map()));
  let liste = monate.get(monat);
  if (!liste) monate.set(monat, (liste = Object.freeze(expandiereMonat(termine, monat))));
  return liste;
}

function expandiereMonat(termine: readonly TerminQuelle[], monat: string): MonatsVorkommen[] {
  const { von, bis } = monatsgrenzen(monat);
  const liste: MonatsVorkommen[] = [];
  for (const termin of termine) for (const occ of expandOccurrences(termin.data, termin.id, von, bis)) liste.push({ occ, termin });
  return liste.sort(
    (a, b) =>
      a.occ.start.getTime() - b.occ.start.getTime() ||
      a.termin.data.titel.localeCompare(b.termin.data.titel, 'de') ||
      a.occ.key.localeCompare(b.occ.key),
  );
}

/** The JSON month file: the occurrences of `monat` trimmed to `KalenderEintrag`. */
export function kalenderMonat(termine: readonly TerminQuelle[], monat: string, k: KalenderKontext): KalenderEintrag[] {
  return vorkommenImMonat(termine, monat).map(({ occ, termin }) => kalenderEintrag(occ, termin, k));
}

// --- feeds ------------------------------------------------------------------------------

/** One subscribable feed: its stable path, its name and which Termine it holds. */
export interface FeedDefinition {
  /** Path on the site, e.g. `/kalender/quartier/bleichpfad.ics`. */
  pfad: string;
  name: string;
  beschreibung: string;
  /** Page the feed belongs to (the calendar filtered the same way, or the Treff/Quartier page). */
  seite: string;
  filter: (t: TerminQuelle) => boolean;
}

const HINWEIS = 'Aus dem Quartiersportal Krefeld, täglich aktualisiert.';

/**
 * Every feed the site publishes. Paths never change (a subscription is a promise): one citywide,
 * one per Quartier, per Treff and per category, and one per Quartier and category — all of those
 * combinations, not only the ones that have events today, so a subscribed address keeps working
 * when the last event of a combination is over and picks up the next one.
 */
export function feedDefinitionen(k: Pick<KalenderKontext, 'quartiere' | 'treffs'>): FeedDefinition[] {
  const liste: FeedDefinition[] = [
    {
      pfad: '/kalender/alle.ics',
      name: 'Krefeld: alle Quartierstermine',
      beschreibung: `Alle Termine der Quartierstreffs und Quartiere in Krefeld. ${HINWEIS}`,
      seite: '/kalender/',
      filter: () => true,
    },
  ];
  for (const [id, q] of k.quartiere)
    liste.push({
      pfad: `/kalender/quartier/${id}.ics`,
      name: `Krefeld: Quartier ${q.name}`,
      beschreibung: `Alle Termine im Quartier ${q.name}. ${HINWEIS}`,
      seite: `/quartiere/${id}/`,
      filter: (t) => t.data.quartier === id,
    });
  for (const [id, tr] of k.treffs)
    liste.push({
      pfad: `/kalender/treff/${id}.ics`,
      name: `Krefeld: ${tr.name}`,
      beschreibung: `Alle Termine im Treff „${tr.name}“. ${HINWEIS}`,
      seite: `/treffs/${id}/`,
      filter: (t) => t.data.treff === id,
    });
  for (const kat of KATEGORIEN)
    liste.push({
      pfad: `/kalender/kategorie/${kat.value}.ics`,
      name: `Krefeld: ${kat.label}`,
      beschreibung: `Alle Termine der Kategorie „${kat.label}“ in allen Quartieren. ${HINWEIS}`,
      seite: `/kalender/?kategorie=${kat.value}`,
      filter: (t) => t.data.kategorie === kat.value,
    });
  for (const [id, q] of k.quartiere)
    for (const kat of KATEGORIEN)
      liste.push({
        pfad: `/kalender/quartier/${id}/${kat.value}.ics`,
        name: `Krefeld: ${q.name} – ${kat.label}`,
        beschreibung: `Termine der Kategorie „${kat.label}“ im Quartier ${q.name}. ${HINWEIS}`,
        seite: `/kalender/?quartier=${id}&kategorie=${kat.value}`,
        filter: (t) => t.data.quartier === id && t.data.kategorie === kat.value,
      });
  return liste;
}

/** Per-Termin downloads: the whole series, and one date. */
export const serienIcsPfad = (id: string) => `/termine/${id}/serie.ics`;
export const datumIcsPfad = (id: string, datum: string) => `/termine/${id}/${datum}.ics`;
