/**
 * The search on /suche/. Small on purpose: pagefind's own script and index are loaded only when
 * someone focuses the box, types, or arrives with ?q= (from the header form), so the page stays
 * far under 30 KB of JavaScript until then. Without this script the page lists everything.
 */
import { ersteText, escapeHtml, gruppieren, sichererAuszug, trefferOrt, trefferText, type SuchTexte, type Treffer } from '../lib/suche';

interface PagefindDaten {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(begriff: string, o?: { filters?: Record<string, string> }): Promise<{ results: Array<{ data(): Promise<PagefindDaten> }> }>;
}

/** Served next to the site by the build (src/integrations/suchindex.mjs); not bundled. */
const PAGEFIND = '/pagefind/pagefind.js';
const HOECHSTENS = 60;

let pagefind: Promise<Pagefind> | undefined;
function ladePagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ PAGEFIND) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({ excerptLength: 20 });
    await pf.init();
    return pf;
  });
  return pagefind;
}

/**
 * The index holds the German pages only (the content is German in every UI language); a result
 * opens in the language of the search page, e.g. /en/treffs/… from /en/suche/.
 */
function inSeitensprache(url: string): string {
  const sprache = document.documentElement.lang;
  return sprache && sprache !== 'de' && url.startsWith('/') ? `/${sprache}${url}` : url;
}

function alsTreffer(d: PagefindDaten): Treffer {
  return {
    url: inSeitensprache(d.url),
    titel: d.meta.title ?? d.url,
    typ: d.filters.typ?.[0] ?? '',
    quartier: d.meta.quartier,
    ort: d.meta.ort,
    auszug: sichererAuszug(d.excerpt),
  };
}

function trefferHtml(treffer: Treffer[], texte: SuchTexte): string {
  return gruppieren(treffer, texte)
    .map(
      (g) => `<section class="qp-suche__gruppe" aria-label="${escapeHtml(g.mehrzahl)}">
  <h2>${escapeHtml(g.mehrzahl)} <span class="qp-meta">(${g.treffer.length})</span></h2>
  <ul class="qp-suche__treffer">${g.treffer
    .map((t) => {
      const ort = trefferOrt(t, texte);
      return `<li><a href="${escapeHtml(t.url)}">${escapeHtml(t.titel)}</a>${ort ? `<p class="qp-suche__ort">${escapeHtml(ort)}</p>` : ''}<p class="qp-suche__auszug">${t.auszug}</p></li>`;
    })
    .join('')}</ul>
</section>`,
    )
    .join('');
}

export function starteSuche(): void {
  const form = document.querySelector<HTMLFormElement>('[data-qp-suche]');
  const eingabe = document.querySelector<HTMLInputElement>('[data-qp-suche-eingabe]');
  const typen = document.querySelector<HTMLFieldSetElement>('[data-qp-suche-typen]');
  const status = document.querySelector<HTMLElement>('[data-qp-suche-status]');
  const ausgabe = document.querySelector<HTMLElement>('[data-qp-suche-ergebnisse]');
  const alles = document.querySelector<HTMLElement>('[data-qp-suche-alles]');
  const texteJson = document.getElementById('qp-suche-texte')?.textContent;
  if (!form || !eingabe || !typen || !status || !ausgabe || !alles || !texteJson) return;
  const texte = JSON.parse(texteJson) as SuchTexte;
  typen.hidden = false;

  const params = new URLSearchParams(location.search);
  eingabe.value = params.get('q') ?? '';
  const typ = params.get('typ') ?? '';
  const radio = form.querySelector<HTMLInputElement>(`input[name="typ"][value="${CSS.escape(typ)}"]`);
  if (radio) radio.checked = true;

  let lauf = 0;
  async function suchen() {
    const begriff = eingabe!.value.trim();
    const filter = new FormData(form!).get('typ')?.toString() ?? '';
    const url = new URL(location.href);
    url.search = begriff ? new URLSearchParams({ q: begriff, ...(filter ? { typ: filter } : {}) }).toString() : '';
    history.replaceState(null, '', url);
    const meinLauf = ++lauf;
    if (!begriff) {
      status!.textContent = '';
      ausgabe!.innerHTML = '';
      alles!.hidden = false;
      return;
    }
    try {
      const pf = await ladePagefind();
      const suche = await pf.search(begriff, filter ? { filters: { typ: filter } } : {});
      const daten = await Promise.all(suche.results.slice(0, HOECHSTENS).map((r) => r.data()));
      if (meinLauf !== lauf) return; // a newer search has started meanwhile
      status!.textContent = trefferText(suche.results.length, begriff, texte) + (suche.results.length > HOECHSTENS ? ` ${ersteText(HOECHSTENS, texte)}` : '');
      ausgabe!.innerHTML = trefferHtml(daten.map(alsTreffer), texte);
      alles!.hidden = suche.results.length > 0;
    } catch {
      if (meinLauf !== lauf) return;
      status!.textContent = texte.fehler;
      alles!.hidden = false;
    }
  }

  let warten: ReturnType<typeof setTimeout> | undefined;
  eingabe.addEventListener('focus', () => void ladePagefind().catch(() => undefined), { once: true });
  eingabe.addEventListener('input', () => {
    clearTimeout(warten);
    warten = setTimeout(() => void suchen(), 200);
  });
  typen.addEventListener('change', () => void suchen());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(warten);
    void suchen();
  });
  if (eingabe.value.trim()) void suchen();
}
