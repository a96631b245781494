#!/usr/bin/env node
// `npm run build` (also `npm start` and `npm run bench`): `astro build` with a larger young
// generation for V8. A build renders tens of thousands of pages at city scale and makes
// short-lived objects all the time; with V8's default 16 MB semi-space the garbage collector took
// a fifth of the CPU time, with 64 MB about half as much (`npm run bench`, scripts/bench/run.mjs).
// Extra arguments go to astro; the working directory is the project to build.
import { spawnSync } from 'node:child_process';

// The old generation may grow to 8 GB (V8's default here is 4.5 GB). Measured with a page worker
// (src/integrations/seiten-parallel.ts, where main thread and worker each hold the whole content):
// the 4× build took 366 s (591 s CPU) with the default limit, 327 s (533 s CPU) with 8 GB, one run
// each. Without workers (the default on 2 cores) it was not measured separately.
export const BUILD_NODE_OPTIONS = '--max-semi-space-size=64 --max-old-space-size=8192';

const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: [process.env.NODE_OPTIONS, BUILD_NODE_OPTIONS].filter(Boolean).join(' '),
};
const r = spawnSync('astro', ['build', ...process.argv.slice(2)], { stdio: 'inherit', env, shell: false });
process.exit(r.status ?? 1);
