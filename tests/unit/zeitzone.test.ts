import { describe, expect, it } from 'vitest';

// Guards the premise of the tz-* projects: each really runs with its own machine time zone,
// so the other tests there prove that the code does not depend on it.
describe('Testumgebung', () => {
  const tz = process.env.TZ;
  it('läuft wirklich in der Zeitzone des Projekts', () => {
    const erwartet: Record<string, number> = { UTC: 0, 'America/New_York': 300, 'Europe/Berlin': -60 };
    expect(tz, 'TZ muss im Projekt gesetzt sein').toBeTruthy();
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tz);
    expect(new Date(0).getTimezoneOffset()).toBe(erwartet[tz!]);
  });
});
