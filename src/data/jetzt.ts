/**
 * The moment the site is built for. `QP_JETZT` (ISO instant) pins it, so tests and
 * benchmarks build the same pages whatever day they run.
 */
export function jetzt(): Date {
  const pinned = process.env.QP_JETZT;
  if (pinned) {
    const d = new Date(pinned);
    if (Number.isNaN(d.getTime())) throw new Error(`QP_JETZT ist kein gültiger Zeitpunkt: „${pinned}“ (Beispiel: 2026-11-25T10:00:00Z)`);
    return d;
  }
  return new Date();
}
