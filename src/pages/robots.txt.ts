import type { APIRoute } from 'astro';

// The editors' area stays out of search engines; everything else may be crawled.
export const GET: APIRoute = ({ site }) =>
  new Response(['User-agent: *', 'Disallow: /admin/', 'Disallow: /redaktion/', '', `Sitemap: ${new URL('/sitemap-index.xml', site).href}`, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
