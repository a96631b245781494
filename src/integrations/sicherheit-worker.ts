/**
 * A worker thread of the HTML check (src/integrations/sicherheit.ts). Either it analyses its share
 * of the built files (`workerData.dateien`) and answers once, or it analyses the pages the
 * prerenderer sends while rendering (`workerData.laufend`) and answers with all it found at `ende`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pruefeDateien, Sammler, type PruefAntwort, type PruefAuftrag } from './sicherheit.ts';

const daten = workerData as { wurzel: string; dateien: string[] } | { laufend: true };
const port = parentPort!;

if ('dateien' in daten) {
  port.postMessage(pruefeDateien(daten.wurzel, daten.dateien));
} else {
  const sammler = new Sammler();
  const text = new TextDecoder();
  port.on('message', (m: PruefAuftrag) => {
    if (m.art === 'seite') {
      sammler.seite(m.pfad, text.decode(m.html));
      port.postMessage({ art: 'erledigt' } satisfies PruefAntwort);
    } else port.postMessage({ art: 'befund', befund: sammler.befund() } satisfies PruefAntwort);
  });
}
