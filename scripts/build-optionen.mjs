// How `npm run build` (scripts/build.mjs) starts Node for `astro build`: V8 options and environment.
// Apart from the script so that tests can read them without starting a build.

// A larger young generation: a build renders tens of thousands of pages at city scale and makes
// short-lived objects all the time; with V8's default 16 MB semi-space the garbage collector took
// a fifth of the CPU time, with 64 MB about half as much (`npm run bench`, scripts/bench/run.mjs).
// The old generation may grow to 8 GB (V8's default here is 4.5 GB). Measured with a page worker
// (src/integrations/seiten-parallel.ts, where main thread and worker each hold the whole content):
// the 4× build took 366 s (591 s CPU) with the default limit, 327 s (533 s CPU) with 8 GB, one run
// each. Without workers (the default on 2 cores) it was not measured separately.
export const BUILD_NODE_OPTIONS = '--max-semi-space-size=64 --max-old-space-size=8192';

// Memory outside V8's heap (the bytes of every rendered page, Astro's and ours) counts towards the
// heap's own limit, instead of starting a full garbage collection after every 64 MB of it. V8
// counts those bytes as they are allocated, however short they live: 100,000 page-sized buffers
// next to a 450 MB heap cost 136 full collections and 35 s without the flag, 2 and 3.8 s with it.
// In a build that is one full collection (all of a heap that grows with the content) per few
// thousand pages, the part of the build that grew faster than the content. 2× cold builds
// one after the other: 106.5 → 97.8 s, CPU 158 → 140 s, full collections of the main thread 22 → 6;
// peak memory 3.6 → 4.6 GB (`npm run bench`, largest process: 1× 2.3 → 3.6 GB, 4× 4.4 → 10.0 GB;
// the example content 1.04 → 1.07 GB): with fewer full collections the heap holds more garbage. NODE_OPTIONS does not accept V8 flags like this one, so it goes on the
// command line of the build's Node (tests/unit/build-optionen.test.ts checks that this Node knows it).
export const BUILD_V8_FLAGS = ['--external-memory-accounted-in-global-limit'];

// Transparent huge pages off for the build and its children. Where the kernel backs every large
// allocation with 2 MB pages (`/sys/kernel/mm/transparent_hugepage/enabled` = always, as on the
// machines this project is built on), each page is zeroed in full when first touched, however
// little of it is used: `perf` found two thirds of the editor's bundle build (src/integrations/redaktion.ts)
// in the kernel's `clear_page_erms` (6.5 s of 10 s CPU; without huge pages 3.5–4.3 s CPU in all).
// rolldown (Vite's bundler, loaded by every build) allocates with mimalloc, which turns them off for
// its whole process (`prctl(PR_SET_THP_DISABLE)`, inherited by child processes) when this is 0.
// Kernel time of a 1× build: 17–23 s → 12–14 s. Elsewhere (`madvise`, `never`) it changes nothing.
export const BUILD_UMGEBUNG = { MIMALLOC_ALLOW_THP: '0' };
