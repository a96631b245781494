#!/usr/bin/env node
/**
 * npm run check:links                 – broken internal links and anchors in dist/ (build first)
 * npm run check:links -- --external   – every external address in content/, by host, with file:line
 * npm run check:links -- --external --pruefen – additionally asks each host (HEAD, 10 s timeout);
 *                                        needs internet, so never in CI
 * Options: --dist <ordner> (default dist or $ASTRO_OUT_DIR), --content <ordner> (default content or $CONTENT_DIR)
 */
import { externeLinksInInhalten, pruefeInterneLinks, type ExternerLink } from '../src/lib/link-pruefung.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

async function erreichbar(url: string): Promise<string> {
  try {
    const antwort = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(10_000) });
    return antwort.ok ? 'ok' : `HTTP ${antwort.status}`;
  } catch (error) {
    return `nicht erreichbar (${error instanceof Error ? error.message : String(error)})`;
  }
}

if (args.includes('--external')) {
  const links = externeLinksInInhalten(opt('content', process.env.CONTENT_DIR ?? 'content'));
  const nachHost = new Map<string, ExternerLink[]>();
  for (const l of links) {
    const host = new URL(l.url).host;
    nachHost.set(host, [...(nachHost.get(host) ?? []), l]);
  }
  const pruefen = args.includes('--pruefen');
  let kaputt = 0;
  for (const [host, liste] of [...nachHost].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`\n${host} (${liste.length})`);
    for (const l of liste) {
      const status = pruefen ? await erreichbar(l.url) : '';
      if (status && status !== 'ok') kaputt++;
      console.log(`  ${l.url}  – content/${l.datei}:${l.zeile}${status ? `  [${status}]` : ''}`);
    }
  }
  console.log(`\n${links.length} externe Adressen auf ${nachHost.size} Hosts${pruefen ? `, ${kaputt} nicht in Ordnung` : ' (mit --pruefen auch abrufen)'}.`);
  process.exitCode = kaputt > 0 ? 1 : 0;
} else {
  const dist = opt('dist', process.env.ASTRO_OUT_DIR ?? 'dist');
  const { defekt, seiten, links } = pruefeInterneLinks(dist);
  for (const d of defekt) console.log(`${d.seite}: ${d.link} – ${d.grund}`);
  console.log(`${seiten} Seiten, ${links} interne Links geprüft, ${defekt.length} defekt.`);
  process.exitCode = defekt.length > 0 ? 1 : 0;
}
