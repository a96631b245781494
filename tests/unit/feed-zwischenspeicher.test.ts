/**
 * The build shares a Termin's events between the subscription feeds it is in (`zwischenspeicher`
 * in src/lib/ical.ts, found with `npm run bench`): every feed must stay byte for byte the same.
 */
import { describe, expect, it } from 'vitest';
import type { ICalEventData } from 'ical-generator';
import { buildFeed } from '../../src/lib/ical';
import { feedDefinitionen, feedTerminVon } from '../../src/lib/kalender';
import { ladeFixture } from './kalender-fixture';

const JETZT = new Date('2026-11-25T10:00:00Z');
const { termine, kontext } = ladeFixture();

describe('gemeinsame Events der Abo-Feeds', () => {
  it('ändern keinen Feed, und jeder Termin wird nur einmal umgerechnet', () => {
    const speicher = new Map<string, ICalEventData[]>();
    const definitionen = feedDefinitionen(kontext);
    for (const d of definitionen) {
      const feedTermine = termine.filter(d.filter).map((t) => feedTerminVon(t, kontext));
      const kopf = { name: d.name, beschreibung: d.beschreibung };
      const ohne = buildFeed(kopf, feedTermine, { jetzt: JETZT });
      const mit = buildFeed(kopf, feedTermine, { jetzt: JETZT, zwischenspeicher: speicher });
      expect(mit, d.pfad).toBe(ohne);
    }
    // Each Termin is in several feeds (all, Quartier, category …) but was converted once.
    expect(speicher.size).toBe(termine.length);
  });

  it('hält Optionen auseinander: die ganze Reihe ohne Zeitfenster ist ein eigener Eintrag', () => {
    const speicher = new Map<string, ICalEventData[]>();
    const t = feedTerminVon(termine[0], kontext);
    const kopf = { name: 'x', beschreibung: 'x' };
    buildFeed(kopf, [t], { jetzt: JETZT, zwischenspeicher: speicher });
    const serie = buildFeed(kopf, [t], { jetzt: JETZT, fenster: false, zwischenspeicher: speicher });
    expect(serie).toBe(buildFeed(kopf, [t], { jetzt: JETZT, fenster: false }));
    expect(speicher.size).toBe(2);
  });
});
