/**
 * schema.org `Place` for a Treff page (JSON-LD): address, geo position, regular opening hours,
 * and the closures of the coming weeks (public holidays, temporary closure) as special hours.
 */
import { strasseMitNummer } from './kontakt-links';
import { feiertageAb, oeffnungsIntervalle, wochentabelle } from './opening-hours';
import { addDays, berlinWallToInstant, heuteBerlin, wochentagVon } from './time';

const TAGE = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface PlaceEingabe {
  name: string;
  url: string;
  /** A square or a park may have no house number. */
  adresse: { strasse: string; hausnummer?: string; plz: string; ort: string };
  koordinaten: { lat: number; lon: number };
  oeffnungszeiten: string;
  telefon?: string;
  email?: string;
  /** Temporarily closed up to and including this date. */
  geschlossenBis?: string;
}

const geschlossenAm = (von: string, bis: string) => ({
  '@type': 'OpeningHoursSpecification',
  opens: '00:00',
  closes: '00:00',
  validFrom: von,
  validThrough: bis,
});

export function placeJsonLd(p: PlaceEingabe, jetzt: Date, tage = 42): Record<string, unknown> {
  const woche = wochentabelle(p.oeffnungszeiten, jetzt);
  const regulaer = woche.tage.flatMap((tag, i) =>
    tag.zeiten.map((z) => ({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: `https://schema.org/${TAGE[i]}`,
      opens: z.von,
      // schema.org reads "24:00" poorly; the last minute of the day is the usual way.
      closes: z.bis === '24:00' ? '23:59' : z.bis,
    })),
  );
  const heute = heuteBerlin(jetzt);
  // Holidays on which the Treff would normally open but does not.
  const feiertage = feiertageAb(jetzt, tage).filter(
    (tag) =>
      woche.tage[wochentagVon(tag) - 1].zeiten.length > 0 &&
      oeffnungsIntervalle(p.oeffnungszeiten, berlinWallToInstant(tag), berlinWallToInstant(addDays(tag, 1))).length === 0,
  );
  const besondere = [
    ...(p.geschlossenBis && p.geschlossenBis >= heute ? [geschlossenAm(heute, p.geschlossenBis)] : []),
    ...feiertage.map((tag) => geschlossenAm(tag, tag)),
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'Place',
    name: p.name,
    url: p.url,
    address: {
      '@type': 'PostalAddress',
      streetAddress: strasseMitNummer(p.adresse),
      postalCode: p.adresse.plz,
      addressLocality: p.adresse.ort,
      addressCountry: 'DE',
    },
    geo: { '@type': 'GeoCoordinates', latitude: p.koordinaten.lat, longitude: p.koordinaten.lon },
    ...(p.telefon ? { telephone: p.telefon } : {}),
    ...(p.email ? { email: p.email } : {}),
    openingHoursSpecification: regulaer,
    ...(besondere.length ? { specialOpeningHoursSpecification: besondere } : {}),
  };
}
