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

// Transparent huge pages off for the build and its children. Where the kernel backs every large
// allocation with 2 MB pages (`/sys/kernel/mm/transparent_hugepage/enabled` = always, as on the
// machines this project is built on), each page is zeroed in full when first touched, however
// little of it is used: `perf` found two thirds of the editor's bundle build (src/integrations/redaktion.ts)
// in the kernel's `clear_page_erms` (6.5 s of 10 s CPU; without huge pages 3.5–4.3 s CPU in all).
// rolldown (Vite's bundler, loaded by every build) allocates with mimalloc, which turns them off for
// its whole process (`prctl(PR_SET_THP_DISABLE)`, inherited by child processes) when this is 0.
// Kernel time of a 1× build: 17–23 s → 12–14 s. Elsewhere (`madvise`, `never`) it changes nothing.
const BUILD_UMGEBUNG = { MIMALLOC_ALLOW_THP: '0' };

const env = {
  ...BUILD_UMGEBUNG,
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: [process.env.NODE_OPTIONS, BUILD_NODE_OPTIONS].filter(Boolean).join(' '),
};
const r = spawnSync('astro', ['build', ...process.argv.slice(2)], { stdio: 'inherit', env, shell: false });
process.exit(r.status ?? 1);
