/**
 * Reads an iCal feed the way a calendar app does — with ical.js, an independent implementation —
 * and lists the instances it shows in a window. Tests compare that list with what the recurrence
 * engine (and so the calendar JSON and the event pages) says. Shared by unit and e2e tests.
 */
import ICAL from 'ical.js';
import { berlinTagesbeginn } from '../../src/lib/time';

export interface Instanz {
  uid: string;
  titel: string;
  /** Instant (ISO, UTC) for timed events; `YYYY-MM-DD` for all-day ones. */
  start: string;
  /** Same form as `start`; missing when the event has no DTEND/DURATION. */
  ende?: string;
  abgesagt: boolean;
}

type Komponente = InstanceType<typeof ICAL.Component>;
type Zeit = InstanceType<typeof ICAL.Time>;

const alsText = (t: Zeit) => (t.isDate ? t.toString().slice(0, 10) : t.toJSDate().toISOString());

export function leseKalender(text: string): Komponente {
  const kalender = new ICAL.Component(ICAL.parse(text));
  // Like an app: the feed's own VTIMEZONE defines its TZIDs.
  for (const tz of kalender.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return kalender;
}

const status = (k: Komponente) => String(k.getFirstPropertyValue('status') ?? '').toUpperCase();

/**
 * All instances starting in [von, bis), expanded by ical.js: RRULE, EXDATE, RDATE and
 * overriding instances (RECURRENCE-ID) applied. Sorted by start, then UID.
 */
export function instanzen(text: string, von: Date, bis: Date): Instanz[] {
  const kalender = leseKalender(text);
  const nachUid = new Map<string, { master?: Komponente; ausnahmen: Komponente[] }>();
  for (const v of kalender.getAllSubcomponents('vevent')) {
    const uid = String(v.getFirstPropertyValue('uid'));
    const gruppe = nachUid.get(uid) ?? { ausnahmen: [] };
    if (v.hasProperty('recurrence-id')) gruppe.ausnahmen.push(v);
    else gruppe.master = v;
    nachUid.set(uid, gruppe);
  }
  const liste: Instanz[] = [];
  const aufnehmen = (uid: string, titel: string, start: Zeit, ende: Zeit | undefined, abgesagt: boolean) => {
    // A DATE is a Berlin day here (the portal's zone), not the machine's.
    const s = start.isDate ? berlinTagesbeginn(alsText(start)) : start.toJSDate();
    if (s < von || s >= bis) return;
    liste.push({ uid, titel, start: alsText(start), ...(ende ? { ende: alsText(ende) } : {}), abgesagt });
  };
  for (const [uid, { master, ausnahmen }] of nachUid) {
    if (!master) throw new Error(`Ausnahme ohne Serie: ${uid}`);
    const event = new ICAL.Event(master, { exceptions: ausnahmen, strictExceptions: true });
    const hatEnde = master.hasProperty('dtend') || master.hasProperty('duration');
    if (!event.isRecurring()) {
      aufnehmen(uid, event.summary, event.startDate, hatEnde ? event.endDate : undefined, status(master) === 'CANCELLED');
      continue;
    }
    const it = event.iterator();
    for (let n = 0, next = it.next(); next; next = it.next(), n++) {
      if (n > 5000) throw new Error(`Zu viele Wiederholungen: ${uid}`);
      if ((next.isDate ? berlinTagesbeginn(alsText(next)) : next.toJSDate()) >= bis) break;
      const d = event.getOccurrenceDetails(next);
      const item = d.item as InstanceType<typeof ICAL.Event>;
      const abgesagt = status(master) === 'CANCELLED' || status(item.component) === 'CANCELLED';
      aufnehmen(uid, item.summary, d.startDate, hatEnde ? d.endDate : undefined, abgesagt);
    }
  }
  return liste.sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid));
}

/** Every TZID used in the feed, and every VTIMEZONE it defines. */
export function zeitzonen(text: string): { benutzt: string[]; definiert: string[] } {
  const ungefaltet = text.replace(/\r\n[ \t]/g, '');
  const benutzt = [...new Set([...ungefaltet.matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1]))].sort();
  const definiert = [...new Set([...ungefaltet.matchAll(/^BEGIN:VTIMEZONE\r\nTZID:(.+)$/gm)].map((m) => m[1].trim()))].sort();
  return { benutzt, definiert };
}

/** A property's value per VEVENT (unfolded, unescaped by ical.js). */
export function eigenschaften(text: string, name: string): string[] {
  return leseKalender(text)
    .getAllSubcomponents('vevent')
    .flatMap((v) => v.getAllProperties(name).map((p) => String(p.getFirstValue())));
}
