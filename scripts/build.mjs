#!/usr/bin/env node
// `npm run build` (also `npm start` and `npm run bench`): `astro build`, started by this Node (the
// project's Node 24) with the V8 options and environment of scripts/build-optionen.mjs (why each:
// there). Extra arguments go to astro; the working directory is the project to build.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BUILD_NODE_OPTIONS, BUILD_UMGEBUNG, BUILD_V8_FLAGS } from './build-optionen.mjs';

const env = {
  ...BUILD_UMGEBUNG,
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: [process.env.NODE_OPTIONS, BUILD_NODE_OPTIONS].filter(Boolean).join(' '),
};
// Astro's command-line entry (its package.json `bin`).
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const r = spawnSync(process.execPath, [...BUILD_V8_FLAGS, astro, 'build', ...process.argv.slice(2)], { stdio: 'inherit', env, shell: false });
process.exit(r.status ?? 1);
