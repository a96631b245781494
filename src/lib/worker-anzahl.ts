/**
 * How many worker threads a build step uses, when the environment says so: the page renderer
 * (`QP_SEITEN_WORKER`, src/integrations/seiten-parallel.ts) and the content loader's Markdown
 * (`QP_MARKDOWN_WORKER`, src/schema/markdown-parallel.ts). Loaded by Node itself: no imports.
 */

/** The whole number ≥ 0 in `env[name]` (0 = no workers), or `standard` when it is unset or empty. */
export function workerAusUmgebung(env: NodeJS.ProcessEnv, name: string, standard: number): number {
  const wert = env[name];
  if (wert === undefined || wert === '') return standard;
  const n = Number(wert);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} muss eine ganze Zahl ≥ 0 sein, nicht „${wert}“.`);
  return n;
}
