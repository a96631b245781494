#!/usr/bin/env node
// `npm start`: build the site, then serve it and the local CMS backend (decap-server) together.
// Ctrl-C stops both. Runs under the project's Node 24 because npm puts node_modules/.bin first.
import { spawn, spawnSync } from 'node:child_process';
import { beobachteInhalte } from './inhalt-beobachten.mjs';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const SITE_PORT = process.env.PORT ?? '4321';
const CMS_PORT = process.env.CMS_PORT ?? '8081';

console.log('Baue die Seite …');
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', env, shell: false });
if (build.status !== 0) {
  console.error('\nDer Build ist fehlgeschlagen – die Meldung oben nennt Datei und Feld.');
  process.exit(build.status ?? 1);
}

const kinder = [
  spawn('astro', ['preview', '--port', SITE_PORT, '--host', '127.0.0.1'], { stdio: 'inherit', env }),
  spawn('decap-server', [], { stdio: 'inherit', env: { ...env, PORT: CMS_PORT, MODE: 'fs' } }),
];

setTimeout(() => {
  console.log(`
  Quartiersportal:  http://127.0.0.1:${SITE_PORT}/
  Redaktion (CMS):  http://127.0.0.1:${SITE_PORT}/admin/   (lokales Backend auf Port ${CMS_PORT}, keine Anmeldung nötig)
  Beenden mit Strg+C. Nach dem Speichern im CMS wird die Seite automatisch neu gebaut.
`);
}, 2500);

// Saving in the CMS writes to content/: rebuild so the preview shows the change a few seconds later.
let laeuft = false;
let nochmal = false;
function neuBauen() {
  if (laeuft) {
    nochmal = true;
    return;
  }
  laeuft = true;
  console.log('\nInhalt geändert – die Seite wird neu gebaut …');
  const b = spawn(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  b.on('exit', (code) => {
    laeuft = false;
    console.log(code === 0 ? 'Fertig: Seite im Browser neu laden.' : 'Build fehlgeschlagen – die Meldung oben nennt Datei und Feld.');
    if (nochmal) {
      nochmal = false;
      neuBauen();
    }
  });
}
const beobachter = beobachteInhalte('content', neuBauen);

let beendet = false;
function stop(code = 0) {
  if (beendet) return;
  beendet = true;
  void beobachter.stop();
  for (const k of kinder) if (k.exitCode === null) k.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
for (const k of kinder) k.on('exit', (code) => stop(code ?? 0));
