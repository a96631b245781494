/**
 * Reading a rendered page out of a `Response` without the copies the Fetch API makes.
 *
 * V8 counts bytes outside its heap as they are allocated, however short they live. By default it
 * starts a full garbage collection after every 64 MB of them (`--trace-incremental-marking`: "Start
 * (external memory pressure)"); at city scale most full collections of the build came from there,
 * their number growing with the pages and their cost with the content. `npm run build` now has V8
 * count them towards the heap's limit instead (scripts/build-optionen.mjs), where they still take up room
 * until collected; builds without it (tests, `astro build`) still pay per 64 MB. Measured with
 * `process.memoryUsage().arrayBuffers` in Node 24: `new Response(bytes)` allocates the bytes twice
 * more, `arrayBuffer()` twice, `text()` once; reading the body stream none.
 */

/** The body of `antwort` as bytes: its one chunk as it is (a rendered page), several joined once. */
export async function inhaltVon(antwort: Response): Promise<Uint8Array | null> {
  if (antwort.body === null) return null;
  const teile: Uint8Array[] = [];
  for await (const teil of antwort.body as unknown as AsyncIterable<Uint8Array>) teile.push(teil);
  return teile.length === 1 ? teile[0] : Buffer.concat(teile);
}

const utf8 = new TextDecoder();

/** The body of `antwort` as text, like `antwort.text()` but without its copy. */
export async function textVon(antwort: Response): Promise<string> {
  const bytes = await inhaltVon(antwort);
  return bytes === null ? '' : utf8.decode(bytes);
}
