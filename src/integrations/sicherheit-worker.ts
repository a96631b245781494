/** A worker thread of the HTML check (src/integrations/sicherheit.ts): analyses its share of the pages. */
import { parentPort, workerData } from 'node:worker_threads';
import { pruefeDateien } from './sicherheit.ts';

const { wurzel, dateien } = workerData as { wurzel: string; dateien: string[] };
parentPort?.postMessage(pruefeDateien(wurzel, dateien));
