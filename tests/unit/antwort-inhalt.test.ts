/**
 * Reading rendered pages out of a Response without copies (src/lib/antwort-inhalt.ts) and handing
 * them back to Astro as they are (`Seitenantwort`, `eigenerPuffer` in src/integrations/seiten-parallel.ts).
 * That no copy is made is what keeps memory outside V8's heap, and with it full garbage
 * collections, from growing with the pages; it is tested as identity of the buffers.
 */
import { isMarkedAsUntransferable } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { inhaltVon, textVon } from '../../src/lib/antwort-inhalt';
import { eigenerPuffer, Seitenantwort } from '../../src/integrations/seiten-parallel';

const utf8 = new TextEncoder();

/** A response whose body is exactly these chunks, as Astro's renderer and our middleware produce them. */
function strom(...teile: Uint8Array[]): Response {
  return new Response(
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const t of teile) c.enqueue(t);
        c.close();
      },
    }),
  );
}

describe('inhaltVon', () => {
  it('gives the one chunk of a page itself, not a copy', async () => {
    const seite = utf8.encode('<!doctype html><p>Grüße aus Krefeld</p>');
    const bytes = await inhaltVon(strom(seite));
    expect(bytes).toBe(seite);
  });

  it('joins several chunks once, in order', async () => {
    const bytes = await inhaltVon(strom(utf8.encode('<p>Öff'), utf8.encode('nungszeiten'), new Uint8Array(0), utf8.encode('</p>')));
    expect(new TextDecoder().decode(bytes!)).toBe('<p>Öffnungszeiten</p>');
  });

  it('gives the same bytes as arrayBuffer() for every kind of body', async () => {
    for (const body of ['Straße – ٱلسَّلَام – Привіт', utf8.encode('<h1>Treff</h1>'), null]) {
      const erwartet = body === null ? null : new Uint8Array(await new Response(body).arrayBuffer());
      expect(await inhaltVon(new Response(body))).toEqual(erwartet);
    }
  });
});

describe('textVon', () => {
  it('decodes like text(): UTF-8, a leading byte order mark dropped, a character split across chunks', async () => {
    const ganz = utf8.encode('\uFEFFÄrztin – Sprechstunde');
    const teile = [ganz.slice(0, 4), ganz.slice(4)]; // the BOM is 3 bytes, "Ä" 2: split inside "Ä"
    expect(await textVon(strom(...teile))).toBe(await new Response(ganz).text());
    expect(await textVon(strom(...teile))).toBe('Ärztin – Sprechstunde');
    expect(await textVon(new Response(null))).toBe('');
  });
});

describe('Seitenantwort', () => {
  it('hands Astro the bytes it was given, with status and headers', async () => {
    const seite = utf8.encode('<!doctype html><title>Treff</title>');
    const antwort = new Seitenantwort(seite, { status: 200, headers: { 'content-type': 'text/html' } });
    expect(antwort).toBeInstanceOf(Response);
    expect(antwort.status).toBe(200);
    expect(antwort.headers.get('content-type')).toBe('text/html');
    expect(await antwort.arrayBuffer()).toBe(seite.buffer);
  });

  it('reads as the same page through its body stream and text()', async () => {
    const seite = utf8.encode('<p>Café am Dreikönigenplatz</p>');
    expect(await inhaltVon(new Seitenantwort(seite, {}))).toBe(seite);
    expect(await new Seitenantwort(seite, {}).text()).toBe('<p>Café am Dreikönigenplatz</p>');
  });

  it('copies only bytes that are part of a larger buffer; no body gives no bytes', async () => {
    const gross = utf8.encode('xx<p>Mitte</p>yy');
    const mitte = gross.subarray(2, 14);
    const puffer = await new Seitenantwort(mitte, {}).arrayBuffer();
    expect(puffer).not.toBe(gross.buffer);
    expect(new TextDecoder().decode(puffer)).toBe('<p>Mitte</p>');
    const leer = new Seitenantwort(null, { status: 204 });
    expect(leer.body).toBeNull();
    expect((await leer.arrayBuffer()).byteLength).toBe(0);
  });
});

describe('eigenerPuffer', () => {
  it('never returns a buffer Node shares between Buffers, so it can be handed to a thread', () => {
    const klein = Buffer.from('<p>kurz</p>'); // small Buffers live in Node's shared pool
    expect(isMarkedAsUntransferable(klein.buffer)).toBe(true);
    const puffer = eigenerPuffer(klein);
    expect(puffer).not.toBe(klein.buffer);
    expect(isMarkedAsUntransferable(puffer)).toBe(false);
    expect(Buffer.from(puffer).toString()).toBe('<p>kurz</p>');
    const seite = utf8.encode('<p>eigen</p>');
    expect(eigenerPuffer(seite)).toBe(seite.buffer);
  });
});
