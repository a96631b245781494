import { describe, expect, it } from 'vitest';
import { placeJsonLd } from '../../src/lib/schema-org';
import { routeUrl } from '../../src/lib/karten-daten';
import { berlinWallToInstant } from '../../src/lib/time';

const treff = {
  name: 'FREIraum21',
  url: 'https://quartiere.krefeld.example/treffs/freiraum21/',
  adresse: { strasse: 'Dießemer Straße', hausnummer: '21', plz: '47805', ort: 'Krefeld' },
  koordinaten: { lat: 51.328, lon: 6.582 },
  oeffnungszeiten: 'Mo-Th 09:00-18:00; Fr 09:00-15:00; PH off',
};

describe('schema.org Place für Suchmaschinen', () => {
  it('hat Adresse, Position und die regulären Öffnungszeiten', () => {
    const ld = placeJsonLd(treff, berlinWallToInstant('2026-11-25', '03:00'));
    expect(ld['@type']).toBe('Place');
    expect(ld.address).toEqual({
      '@type': 'PostalAddress',
      streetAddress: 'Dießemer Straße 21',
      postalCode: '47805',
      addressLocality: 'Krefeld',
      addressCountry: 'DE',
    });
    expect(ld.geo).toEqual({ '@type': 'GeoCoordinates', latitude: 51.328, longitude: 6.582 });
    const spec = ld.openingHoursSpecification as Array<Record<string, string>>;
    expect(spec).toHaveLength(5);
    expect(spec[0]).toEqual({ '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Monday', opens: '09:00', closes: '18:00' });
    expect(spec[4]).toMatchObject({ dayOfWeek: 'https://schema.org/Friday', closes: '15:00' });
  });
  it('nennt Feiertage und eine vorübergehende Schließung der nächsten Wochen als besondere Zeiten', () => {
    const ld = placeJsonLd({ ...treff, geschlossenBis: '2026-12-31' }, berlinWallToInstant('2026-12-20', '03:00'), 14);
    expect(ld.specialOpeningHoursSpecification).toEqual([
      { '@type': 'OpeningHoursSpecification', opens: '00:00', closes: '00:00', validFrom: '2026-12-20', validThrough: '2026-12-31' },
      // 25.12. und 1.1. sind Freitage; der 26.12. ist ein Samstag, an dem ohnehin geschlossen ist.
      { '@type': 'OpeningHoursSpecification', opens: '00:00', closes: '00:00', validFrom: '2026-12-25', validThrough: '2026-12-25' },
      { '@type': 'OpeningHoursSpecification', opens: '00:00', closes: '00:00', validFrom: '2027-01-01', validThrough: '2027-01-01' },
    ]);
  });
  it('„Route planen“ führt zum Routenplaner von OpenStreetMap, zu Fuß, mit dem Treff als Ziel', () => {
    expect(routeUrl({ lat: 51.328, lon: 6.582 })).toBe(
      'https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=%3B51.328%2C6.582#map=17/51.328/6.582',
    );
  });
});
