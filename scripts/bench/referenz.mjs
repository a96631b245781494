// @ts-check
/**
 * A fixed piece of single-threaded JavaScript (objects, JSON, regular expressions, SHA-256), timed
 * right before each build of the benchmark. The machine is shared: a 1× build took 58 s at 1:20,
 * and the same code with one more saving 86 s at 2:35 (5.12.2026), its CPU seconds up by 40 %.
 * With this figure beside a build time, two runs can be compared: if a build got slower and the
 * reference did not, the build itself got slower.
 */
import { createHash } from 'node:crypto';

/** One run of the task: about a second on this machine when it is quiet. */
function aufgabe() {
  const hash = createHash('sha256');
  for (let i = 0; i < 400_000; i++) {
    const termin = { nr: i, titel: `Termin ${i} im Quartier`, tage: [i % 7, (i * 3) % 31], ort: { strasse: 'Westwall', nr: i % 200 } };
    hash.update(JSON.stringify(termin).replace(/[aeiou]/g, (v) => v.toUpperCase()));
  }
  return hash.digest('hex');
}

/** Median of three runs: wall and CPU seconds of the task. */
export function referenz() {
  const laeufe = [0, 1, 2].map(() => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    aufgabe();
    const { user, system } = process.cpuUsage(cpu);
    return { sekunden: (performance.now() - start) / 1000, cpuSekunden: (user + system) / 1e6 };
  });
  const median = (/** @type {number[]} */ werte) => Math.round([...werte].sort((a, b) => a - b)[1] * 100) / 100;
  return { sekunden: median(laeufe.map((l) => l.sekunden)), cpuSekunden: median(laeufe.map((l) => l.cpuSekunden)) };
}
