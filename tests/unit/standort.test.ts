import { describe, expect, it } from 'vitest';
import { PLZ_KREFELD } from '../../src/data/plz-krefeld';
import { findeStandort, standortListe } from '../../src/lib/standort';
import { KREFELD_BBOX } from '../../src/schema/fields';

const liste = standortListe(PLZ_KREFELD, [{ id: 'bleichpfad', name: 'Bleichpfad', lat: 51.336, lon: 6.57 }]);

describe('Postleitzahl oder Quartier statt Standort', () => {
  it('kennt alle Krefelder Postleitzahlen, jede einmal und jede in Krefeld', () => {
    const plz = PLZ_KREFELD.map((p) => p.plz);
    expect(new Set(plz).size).toBe(plz.length);
    expect(plz).toEqual(expect.arrayContaining(['47798', '47799', '47800', '47802', '47803', '47804', '47805', '47807', '47809', '47829', '47839']));
    for (const p of PLZ_KREFELD) {
      expect(p.lat).toBeGreaterThan(KREFELD_BBOX.latMin);
      expect(p.lat).toBeLessThan(KREFELD_BBOX.latMax);
      expect(p.lon).toBeGreaterThan(KREFELD_BBOX.lonMin);
      expect(p.lon).toBeLessThan(KREFELD_BBOX.lonMax);
    }
  });
  it('findet eine Auswahl aus der Liste', () => {
    expect(findeStandort('plz-47805', liste)?.name).toBe('47805 – Südstadt, Dießem, Lehmheide, Königshof');
    expect(findeStandort('quartier-bleichpfad', liste)).toEqual({ wert: 'quartier-bleichpfad', name: 'Quartier Bleichpfad', lat: 51.336, lon: 6.57 });
  });
  it('findet eine getippte Postleitzahl, auch mit Ort dahinter', () => {
    expect(findeStandort('47839', liste)?.wert).toBe('plz-47839');
    expect(findeStandort(' 47829 Krefeld-Uerdingen ', liste)?.wert).toBe('plz-47829');
    expect(findeStandort('Bleichpfad', liste)?.wert).toBe('quartier-bleichpfad');
  });
  it('eine Postleitzahl außerhalb Krefelds oder nichts findet nichts', () => {
    expect(findeStandort('40210', liste)).toBeUndefined();
    expect(findeStandort('', liste)).toBeUndefined();
    expect(findeStandort('plz-', liste)).toBeUndefined();
  });
});
