/**
 * Per-language pages: sets `Astro.locals.sprache` from the URL, and on pages in another language
 * than German points internal links at that language's version of the target page — so no
 * template has to thread a language through every link.
 */
import { defineMiddleware } from 'astro:middleware';
import { getCollection } from 'astro:content';
import { linksInSprache, spracheVonPfad, STANDARD_SPRACHE } from './i18n';
import { textVon } from './lib/antwort-inhalt';

let freieSeiten: Promise<Set<string>> | undefined;

export const onRequest = defineMiddleware(async (context, next) => {
  const sprache = spracheVonPfad(context.url.pathname);
  context.locals.sprache = sprache;
  const antwort = await next();
  if (sprache === STANDARD_SPRACHE || !antwort.headers.get('content-type')?.includes('text/html')) return antwort;
  freieSeiten ??= getCollection('seiten').then((s) => new Set(s.map((e) => e.id)));
  const html = linksInSprache(await textVon(antwort), sprache, await freieSeiten);
  return new Response(html, { status: antwort.status, headers: antwort.headers });
});
