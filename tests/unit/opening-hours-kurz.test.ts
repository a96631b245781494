import { describe, expect, it } from 'vitest';
import { zeitenKurz } from '../../src/lib/opening-hours-kurz';

// A Monday without public holidays, so the regular week is evaluated.
const AB = new Date('2026-11-23T10:00:00Z');

describe('zeitenKurz: Öffnungszeiten in einer Zeile für Karten', () => {
  it('fasst gleiche Tage in Folge zusammen', () => {
    expect(zeitenKurz('Mo-Fr 09:00-18:00; Sa 10:00-12:00', AB)).toBe('Mo–Fr 09:00–18:00, Sa 10:00–12:00');
  });
  it('zeigt zwei Zeiträume an einem Tag und getrennte Tage einzeln', () => {
    expect(zeitenKurz('Tu 09:00-12:00,14:00-18:00; Th 09:00-12:00', AB)).toBe('Di 09:00–12:00 und 14:00–18:00, Do 09:00–12:00');
  });
  it('nennt einen Tag „nach Vereinbarung“ mit seinem Kommentar', () => {
    expect(zeitenKurz('Mo 10:00-12:00; We "nur nach Vereinbarung"', AB)).toBe('Mo 10:00–12:00, Mi nur nach Vereinbarung');
  });
});
