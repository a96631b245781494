// Watches content/ for `npm start`, which rebuilds the site after every save in the CMS.
//
// chokidar, not Node's `fs.watch(ordner, { recursive: true })`: on Linux (Node 24) that watches each
// file's inode, and once a file is *replaced* (written elsewhere and renamed over it, as `sed -i`,
// vim or `git checkout` do) it reports that one change and then nothing more for the file; later
// saves were not rebuilt (5.12.2026, reproduced in a clean clone). decap-server itself writes in
// place, so the CMS alone did not show it. chokidar follows replaced files and new folders.
import { watch } from 'chokidar';

/**
 * Calls `beiAenderung` once nothing below `ordner` has changed for `ruheMs` after a change (a
 * file or folder added, changed, replaced or removed); saving several files is one call.
 * `bereit` resolves once the first scan is done; `stop()` ends watching.
 * @param {string} ordner
 * @param {() => void} beiAenderung
 * @param {number} [ruheMs]
 */
export function beobachteInhalte(ordner, beiAenderung, ruheMs = 1500) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const beobachter = watch(ordner, { ignoreInitial: true });
  beobachter.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(beiAenderung, ruheMs);
  });
  return {
    bereit: new Promise((ok) => beobachter.once('ready', () => ok(undefined))),
    async stop() {
      clearTimeout(timer);
      await beobachter.close();
    },
  };
}
