import { describe, expect, it } from 'vitest';
import { entfernungKm, entfernungText, gehminuten, nachEntfernung } from '../../src/lib/entfernung';

const DIONYSIUSKIRCHE = { lat: 51.3331, lon: 6.5623 };

describe('Entfernung für „Treffs in meiner Nähe“', () => {
  it('ein Breitengrad sind etwa 111 km', () => {
    expect(entfernungKm({ lat: 51, lon: 6.5 }, { lat: 52, lon: 6.5 })).toBeCloseTo(111.2, 1);
  });
  it('ist in beide Richtungen gleich und am selben Ort 0', () => {
    const huels = { lat: 51.373, lon: 6.509 };
    expect(entfernungKm(DIONYSIUSKIRCHE, huels)).toBeCloseTo(entfernungKm(huels, DIONYSIUSKIRCHE), 10);
    expect(entfernungKm(huels, huels)).toBe(0);
    // Innenstadt – Hüls: gut 5 km Luftlinie
    expect(entfernungKm(DIONYSIUSKIRCHE, huels)).toBeGreaterThan(5);
    expect(entfernungKm(DIONYSIUSKIRCHE, huels)).toBeLessThan(6);
  });
  it('rechnet Gehminuten mit Umweg und gemütlichem Tempo, mindestens 1 Minute', () => {
    expect(gehminuten(1)).toBe(17); // 1 km Luftlinie ≈ 1,3 km Weg bei 4,5 km/h
    expect(gehminuten(0.01)).toBe(1);
    expect(gehminuten(3)).toBe(52);
  });
  it('schreibt Kilometer mit Komma und die Gehzeit dazu', () => {
    expect(entfernungText(1.234)).toBe('1,2 km · ca. 21 Min. zu Fuß');
    expect(entfernungText(0.02)).toBe('0,1 km · ca. 1 Min. zu Fuß');
    expect(entfernungText(12)).toBe('12,0 km · ca. 208 Min. zu Fuß');
  });
  it('sortiert nach Entfernung, der nächste Ort zuerst', () => {
    const orte = [
      { id: 'hüls', lat: 51.373, lon: 6.509 },
      { id: 'stadtmitte', lat: 51.334, lon: 6.563 },
      { id: 'fischeln', lat: 51.303, lon: 6.583 },
    ];
    const sortiert = nachEntfernung(orte, { lat: 51.32, lon: 6.573 }); // Südstadt
    expect(sortiert.map((s) => s.ort.id)).toEqual(['stadtmitte', 'fischeln', 'hüls']);
    expect(sortiert[0].km).toBeLessThan(sortiert[1].km);
  });
});
