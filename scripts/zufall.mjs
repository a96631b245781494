// @ts-check
/**
 * mulberry32: a small, fast pseudo-random generator that gives the same sequence on every machine
 * for the same seed. The benchmark's synthetic content (scripts/bench/generate-content.mjs) and the
 * content fuzzing (tests/unit/build-fuzz.test.ts) draw from it, so both are repeatable.
 * @param {number} seed
 * @returns {() => number} the next number in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
