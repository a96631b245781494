/**
 * schema.org `Event` for an event page (JSON-LD), so search engines and assistants show the
 * date, place and "kostenlos" correctly — and a cancellation as cancelled.
 */
import type { Occurrence } from './recurrence';
import { berlinOffsetMinutes, berlinParts } from './time';

export interface TerminJsonLdDaten {
  titel: string;
  /** Plain text (no Markdown), shortened by the caller if needed. */
  beschreibung?: string;
  /** Absolute URL of the page. */
  url: string;
  /** The date described: the next one, or the only one. */
  occ: Occurrence;
  /** The whole Termin (series) is cancelled. */
  abgesagt: boolean;
  ort?: {
    name: string;
    adresse: { strasse: string; hausnummer?: string; plz: string; ort: string };
    koordinaten?: { lat: number; lon: number };
  };
  veranstalter?: { name: string; url?: string };
  kostenlos: boolean;
  /** Languages spoken (ISO codes as in the content; „de-leicht“ etc. are passed through). */
  sprachen?: string[];
}

/** ISO 8601 with Berlin's offset, `2026-12-01T10:00:00+01:00`. */
export function berlinIso(instant: Date): string {
  const p = berlinParts(instant);
  const off = berlinOffsetMinutes(instant);
  const vz = off >= 0 ? '+' : '-';
  const h = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
  const m = String(Math.abs(off) % 60).padStart(2, '0');
  return `${p.datum}T${p.zeit}:${String(p.second).padStart(2, '0')}${vz}${h}:${m}`;
}

export function terminJsonLd(t: TerminJsonLdDaten): Record<string, unknown> {
  const o = t.occ;
  const allDay = o.ganztaegig || !o.beginn;
  const abgesagt = t.abgesagt || o.ausgefallen;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: t.titel,
    ...(t.beschreibung ? { description: t.beschreibung } : {}),
    url: t.url,
    startDate: allDay ? o.datum : berlinIso(o.start),
    ...(allDay ? { endDate: o.endeDatum } : o.ende ? { endDate: berlinIso(o.end) } : {}),
    eventStatus: abgesagt ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    ...(t.ort
      ? {
          location: {
            '@type': 'Place',
            name: t.ort.name,
            address: {
              '@type': 'PostalAddress',
              streetAddress: [t.ort.adresse.strasse, t.ort.adresse.hausnummer].filter(Boolean).join(' '),
              postalCode: t.ort.adresse.plz,
              addressLocality: t.ort.adresse.ort,
              addressCountry: 'DE',
            },
            ...(t.ort.koordinaten ? { geo: { '@type': 'GeoCoordinates', latitude: t.ort.koordinaten.lat, longitude: t.ort.koordinaten.lon } } : {}),
          },
        }
      : {}),
    ...(t.veranstalter ? { organizer: { '@type': 'Organization', name: t.veranstalter.name, ...(t.veranstalter.url ? { url: t.veranstalter.url } : {}) } } : {}),
    ...(t.kostenlos
      ? { isAccessibleForFree: true, offers: { '@type': 'Offer', price: 0, priceCurrency: 'EUR', availability: 'https://schema.org/InStock', url: t.url } }
      : {}),
    ...(t.sprachen?.length ? { inLanguage: t.sprachen.length === 1 ? t.sprachen[0] : t.sprachen } : {}),
  };
}
