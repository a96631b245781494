/**
 * iCal feeds (RFC 5545) for subscribing in Google, Apple, Outlook and Thunderbird.
 *
 * Series stay series: one VEVENT with RRULE, EXDATE and RDATE, exactly as the editor wrote
 * them; a single cancelled date becomes an overriding instance (same UID, RECURRENCE-ID,
 * STATUS:CANCELLED), so calendars show it as cancelled instead of silently dropping it.
 * Every instant comes from the one recurrence engine (`expandOccurrences`), so the feed, the
 * calendar page and the event pages agree; ical.js re-expands the feed in the tests to prove it.
 *
 * Pure: plain data in, text out (no astro:content), so Vitest can test it directly.
 */
import ical, { escape, ICalCalendarMethod, ICalEventStatus, type ICalEventData } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { Temporal } from 'temporal-polyfill';
import { expandOccurrences, naechsteTermine, serienBeschreibung, type Occurrence, type TerminLike } from './recurrence';
import { markdownZuKlartext } from './klartext';
import { addDays, berlinParts, berlinTagesbeginn, berlinWallToInstant, formatZeitspanne, TZ } from './time';
import type { Termin } from '../schema/collections';

/** Domain part of every UID. Never derived from the host name, which may change. */
export const UID_DOMAIN = 'quartiersportal-krefeld';

/** Feeds hold future events and those of the last … days (a series stays whole while it has future dates). */
export const FEED_RUECKBLICK_TAGE = 30;

/** How often calendar apps should fetch the feed again (the site is rebuilt daily). */
export const FEED_AKTUALISIERUNG_STUNDEN = 6;

const TAG_MS = 86_400_000;

/** Where a Termin takes place, ready for LOCATION and GEO. */
export interface FeedOrt {
  name: string;
  /** One line: „Bleichpfad 10, 47799 Krefeld“ */
  adresse?: string;
  koordinaten?: { lat: number; lon: number };
}

/** One Termin as the feed needs it: its data plus what the page joins in (place, labels, URL). */
export interface FeedTermin {
  /** Content id (file name) — the only thing the UID is made from. */
  id: string;
  daten: TerminLike & Pick<Termin, 'titel'> & Partial<Pick<Termin, 'kosten' | 'anmeldung' | 'frueher'>>;
  /** Markdown body of the entry. */
  markdown?: string;
  /** Absolute URL of the event page. */
  url: string;
  ort?: FeedOrt;
  /** CATEGORIES, e.g. the category label and the Quartier name. */
  kategorien?: string[];
  veranstalter?: string;
}

export interface FeedKopf {
  /** X-WR-CALNAME, without the site name where the calendar app shows it next to the feed anyway. */
  name: string;
  /** X-WR-CALDESC */
  beschreibung: string;
  /** The page the feed belongs to. */
  url?: string;
}

export interface FeedOptionen {
  /** "Now" of the build: decides the 30-day window and is the DTSTAMP (reproducible output). */
  jetzt: Date;
  /** Apply the window (future + last 30 days). Off for the per-Termin downloads. Default: on. */
  fenster?: boolean;
  /** Only this date of the (single) Termin, as a standalone event (`YYYY-MM-DD`). */
  nurDatum?: string;
  /**
   * Events already made, by Termin id and options, shared by the feeds of one build: a Termin is
   * in up to five subscription feeds (all, Quartier, Treff, category, Quartier + category), and
   * expanding its dates and converting its text is most of a feed's cost. Only for callers whose
   * ids each stand for one unchanging entry — the build, not tests mixing fixtures.
   */
  zwischenspeicher?: Map<string, ICalEventData[]>;
}

/** UID of a Termin (series master and its overriding instances share it). */
export const terminUid = (id: string) => `termin-${id}@${UID_DOMAIN}`;

/** The id a Termin's UIDs are made from: its first file name (`frueher[0]`) if it was renamed. */
export const uidId = (t: Pick<FeedTermin, 'id' | 'daten'>) => t.daten.frueher?.[0] ?? t.id;

/** UID of one date downloaded on its own ("nur diesen Termin"). */
export const terminDatumUid = (id: string, datum: string) => `termin-${id}-${datum.replaceAll('-', '')}@${UID_DOMAIN}`;

/** Whether a Termin belongs in a feed built at `jetzt`: it has a date that ends after now − 30 days. */
export function imFeedfenster(daten: TerminLike, id: string, jetzt: Date): boolean {
  const grenze = new Date(jetzt.getTime() - FEED_RUECKBLICK_TAGE * TAG_MS);
  return naechsteTermine(daten, id, grenze, 1).length > 0;
}

// --- dates ------------------------------------------------------------------------------

const ganztaegig = (t: TerminLike) => Boolean(t.ganztaegig) || !t.beginn;

const zdt = (instant: Date) => Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(TZ);
const plainDate = (datum: string) => Temporal.PlainDate.from(datum);
const kompakt = (datum: string) => datum.replaceAll('-', '');

/** `20261222T100000`: Berlin wall-clock time as a DATE-TIME with TZID (the time the rule produces). */
function wandzeit(datum: string, zeit: string): string {
  return `${kompakt(datum)}T${zeit.replace(':', '')}00`;
}

/** UTC DATE-TIME of an instant, `20270630T215959Z`. */
function utc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The rule as it goes into the feed. RFC 5545 wants UNTIL in UTC when DTSTART has a time zone
 * and as a DATE for all-day series; editors write `UNTIL=20270630` (meaning "including that
 * day", which is how the engine reads it), so it is converted here. Everything else stays.
 */
export function feedRegel(regel: string, allDay: boolean): string {
  const teile = regel
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter(Boolean)
    .map((teil) => {
      const [name, wert = ''] = teil.split('=');
      if (name.toUpperCase() !== 'UNTIL') return teil;
      const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/i.exec(wert);
      if (!m) return teil;
      const [, y, mo, d, h, mi, s, z] = m;
      const datum = `${y}-${mo}-${d}`;
      let bis: Date;
      if (h === undefined) bis = new Date(berlinWallToInstant(datum, '23:59').getTime() + 59_000);
      else if (z) bis = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
      else bis = new Date(berlinWallToInstant(datum, `${h}:${mi}`).getTime() + Number(s) * 1000);
      return `UNTIL=${allDay ? kompakt(berlinParts(bis).datum) : utc(bis)}`;
    });
  return `RRULE:${teile.join(';')}`;
}

// --- text -------------------------------------------------------------------------------

function beschreibung(t: FeedTermin, ausfall?: { grund?: string; ganzeReihe: boolean }): string {
  const d = t.daten;
  const teile: string[] = [];
  if (ausfall) teile.push(`${ausfall.ganzeReihe ? 'Abgesagt' : 'Fällt aus'}${ausfall.grund ? `: ${ausfall.grund}` : '.'}`);
  const text = t.markdown ? markdownZuKlartext(t.markdown) : '';
  if (text) teile.push(text);
  const fakten: string[] = [];
  if (d.wiederholung) {
    const zeit = formatZeitspanne(d.beginn, d.ende, ganztaegig(d));
    fakten.push(`Wann: ${serienBeschreibung(d.wiederholung.regel, d.datum)}${zeit ? `, ${zeit}` : ''}`);
  }
  if (t.ort) fakten.push(`Wo: ${[t.ort.name, t.ort.adresse].filter(Boolean).join(', ')}`);
  if (d.kosten) fakten.push(`Kosten: ${d.kosten.kostenlos ? 'kostenlos' : (d.kosten.text ?? 'bitte nachfragen')}`);
  if (d.anmeldung?.noetig) fakten.push(`Anmeldung nötig${d.anmeldung.text ? `: ${d.anmeldung.text}` : ''}`);
  if (t.veranstalter) fakten.push(`Veranstalter: ${t.veranstalter}`);
  fakten.push(`Mehr: ${t.url}`);
  teile.push(fakten.join('\n'));
  return teile.join('\n\n');
}

function ort(t: FeedTermin): ICalEventData['location'] {
  if (!t.ort) return null;
  // One line ("Name, Straße 1, 47799 Krefeld"): every app shows it and map apps find it.
  const title = [t.ort.name, t.ort.adresse].filter(Boolean).join(', ');
  return t.ort.koordinaten ? { title, geo: { lat: t.ort.koordinaten.lat, lon: t.ort.koordinaten.lon } } : { title };
}

// --- events -----------------------------------------------------------------------------

/** Start/end fields of one occurrence: DATE for all-day, DATE-TIME in Europe/Berlin otherwise. */
function zeiten(o: Occurrence, t: TerminLike): Pick<ICalEventData, 'start' | 'end' | 'allDay' | 'timezone'> {
  if (ganztaegig(t)) return { allDay: true, start: plainDate(o.datum), end: plainDate(addDays(o.endeDatum, 1)) };
  // No end time ("ab 19:00 Uhr"): no DTEND rather than an invented one.
  return { start: zdt(o.start), end: t.ende ? zdt(o.end) : null, timezone: TZ };
}

function basis(t: FeedTermin, jetzt: Date): Omit<ICalEventData, 'start'> {
  return {
    // After a rename the UID keeps the first file name, so subscribers never see the event twice.
    id: terminUid(uidId(t)),
    stamp: zdt(jetzt).withTimeZone('UTC'),
    summary: t.daten.titel,
    url: t.url,
    location: ort(t),
    categories: (t.kategorien ?? []).map((name) => ({ name })),
  };
}

/** The first date the rule itself produces (DTSTART must be one, or apps show an extra date). */
function ersterRegeltermin(t: FeedTermin): Occurrence | undefined {
  const d = t.daten;
  const nurRegel: TerminLike = { ...d, abgesagt: false, ausfaelle: [], wiederholung: { regel: d.wiederholung!.regel } };
  return naechsteTermine(nurRegel, t.id, berlinTagesbeginn(d.datum), 1)[0];
}

/** The occurrence of a Termin on `datum`, cancelled or not; undefined if it has none that day. */
function vorkommenAm(t: FeedTermin, datum: string): Occurrence | undefined {
  return expandOccurrences(t.daten, t.id, berlinTagesbeginn(datum), berlinTagesbeginn(addDays(datum, 1))).find((o) => o.datum === datum);
}

function einzelEvents(t: FeedTermin, jetzt: Date): ICalEventData[] {
  const o = vorkommenAm(t, t.daten.datum);
  if (!o) return [];
  return [
    {
      ...basis(t, jetzt),
      ...zeiten(o, t.daten),
      summary: o.ausgefallen ? `Fällt aus: ${t.daten.titel}` : t.daten.titel,
      status: o.ausgefallen ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      description: beschreibung(t, o.ausgefallen ? { grund: o.grund, ganzeReihe: Boolean(t.daten.abgesagt) } : undefined),
    },
  ];
}

function serienEvents(t: FeedTermin, jetzt: Date): ICalEventData[] {
  const d = t.daten;
  const w = d.wiederholung!;
  const allDay = ganztaegig(d);
  const erster = ersterRegeltermin(t) ?? vorkommenAm(t, d.datum);
  if (!erster) return [];
  const zeit = allDay ? '00:00' : d.beginn!;
  const param = allDay ? ';VALUE=DATE' : `;TZID=${TZ}`;
  const wert = (datum: string) => (allDay ? kompakt(datum) : wandzeit(datum, zeit));
  const zeilen = [feedRegel(w.regel, allDay)];
  if (w.ausnahmen?.length) zeilen.push(`EXDATE${param}:${w.ausnahmen.map(wert).join(',')}`);
  // An extra date the rule produces anyway would be shown twice by some apps (ical.js does).
  const zusatz = (w.zusatztermine ?? []).filter((z) => vorkommenAm(t, z)?.zusatztermin !== false);
  if (zusatz.length) zeilen.push(`RDATE${param}:${zusatz.map(wert).join(',')}`);

  const reihe: ICalEventData = {
    ...basis(t, jetzt),
    ...zeiten(erster, d),
    // ical-generator's object form has no RDATE; its string form takes the lines as they are.
    repeating: zeilen.join('\n'),
    summary: d.abgesagt ? `Abgesagt: ${d.titel}` : d.titel,
    status: d.abgesagt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    description: beschreibung(t, d.abgesagt ? { grund: d.absage_grund, ganzeReihe: true } : undefined),
  };
  if (d.abgesagt) return [reihe];

  // A cancelled single date: an overriding instance, so it shows as cancelled, with the reason.
  const ausfaelle: ICalEventData[] = [];
  for (const a of d.ausfaelle ?? []) {
    const o = vorkommenAm(t, a.datum);
    if (!o?.ausgefallen) continue; // not a date of the series: nothing to cancel
    ausfaelle.push({
      ...basis(t, jetzt),
      ...zeiten(o, d),
      summary: `Fällt aus: ${d.titel}`,
      status: ICalEventStatus.CANCELLED,
      description: beschreibung(t, { grund: o.grund, ganzeReihe: false }),
      // ical-generator writes RECURRENCE-ID of all-day events as DATE-TIME; the tuple form of
      // `x` writes the line as given, so it can carry the DATE form RFC 5545 asks for.
      ...(allDay ? { x: [['RECURRENCE-ID;VALUE=DATE', kompakt(o.datum)]] as [string, string][] } : { recurrenceId: zdt(berlinWallToInstant(o.datum, zeit)) }),
    });
  }
  return [reihe, ...ausfaelle];
}

function datumEvent(t: FeedTermin, datum: string, jetzt: Date): ICalEventData[] {
  const o = vorkommenAm(t, datum);
  if (!o) return [];
  return [
    {
      ...basis(t, jetzt),
      id: terminDatumUid(uidId(t), datum),
      ...zeiten(o, t.daten),
      summary: o.ausgefallen ? `Fällt aus: ${t.daten.titel}` : t.daten.titel,
      status: o.ausgefallen ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      description: beschreibung(t, o.ausgefallen ? { grund: o.grund, ganzeReihe: Boolean(t.daten.abgesagt) } : undefined),
    },
  ];
}

/** The VEVENTs of one Termin: a single event, or a series master plus its cancelled dates. */
export function feedEvents(t: FeedTermin, optionen: FeedOptionen): ICalEventData[] {
  if (optionen.nurDatum) return datumEvent(t, optionen.nurDatum, optionen.jetzt);
  if (optionen.fenster !== false && !imFeedfenster(t.daten, t.id, optionen.jetzt)) return [];
  return t.daten.wiederholung ? serienEvents(t, optionen.jetzt) : einzelEvents(t, optionen.jetzt);
}

function eventsVon(t: FeedTermin, optionen: FeedOptionen): ICalEventData[] {
  const speicher = optionen.zwischenspeicher;
  if (!speicher) return feedEvents(t, optionen);
  const schluessel = `${t.id}|${optionen.jetzt.getTime()}|${optionen.fenster !== false}|${optionen.nurDatum ?? ''}`;
  let events = speicher.get(schluessel);
  if (!events) speicher.set(schluessel, (events = feedEvents(t, optionen)));
  return events;
}

/** VTIMEZONE blocks by zone: the package reads a file for each (tens of thousands of feeds per build). */
const vtimezones = new Map<string, string | null>();
function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone));
  return vtimezones.get(zone)!;
}

/**
 * A complete iCalendar file: name and description, refresh hint, VTIMEZONE Europe/Berlin,
 * the events of `termine` (sorted by id, so the output does not depend on load order).
 */
export function buildFeed(kopf: FeedKopf, termine: readonly FeedTermin[], optionen: FeedOptionen): string {
  const cal = ical({
    prodId: { company: 'Stadt Krefeld', product: 'Quartiersportal Krefeld', language: 'DE' },
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator writes these two without escaping; a comma would split the name.
    name: escape(kopf.name, false),
    description: escape(kopf.beschreibung, false),
    ...(kopf.url ? { url: kopf.url } : {}),
    // name: null keeps DTSTAMP in UTC; each timed event names its zone, the generator adds VTIMEZONE.
    timezone: { name: null, generator: vtimezone },
    ttl: FEED_AKTUALISIERUNG_STUNDEN * 3600,
  });
  const sortiert = [...termine].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const t of sortiert) for (const e of eventsVon(t, optionen)) cal.createEvent(e);
  return cal.toString();
}
