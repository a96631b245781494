/**
 * The consent gate in front of every map: nothing is fetched from a tile server until the
 * resident clicks "Karte laden (OpenStreetMap)". The choice is remembered in localStorage and
 * can be revoked on /datenschutz/. Leaflet and its CSS arrive by dynamic import only then.
 */
import type { KartenApi, karteStarten } from './karte';
// The map bundle's URL, built as a self-contained file. Loading it with a <script> element instead of
// import() keeps Vite's preload helper (≈ 1 KB gz, added to every dynamic import) off Treff pages,
// which may ship only 2 KB before consent. `?worker&url` is just Vite's way to get a bundled
// entry's URL; the file runs as an ordinary script, not as a worker.
import karteModulUrl from './karte-modul?worker&url';

export type { KartenApi };

/** localStorage key that remembers the resident's consent (value `ja`); revoked on /datenschutz/. */
export const ZUSTIMMUNG_SCHLUESSEL = 'qp-karte-zustimmung';

function zugestimmt(): boolean {
  try {
    return localStorage.getItem(ZUSTIMMUNG_SCHLUESSEL) === 'ja';
  } catch {
    return false; // storage blocked: ask every time
  }
}

/** Activates the map box `[data-qp-karte]` on this page; `bereit` receives the map once it is there. */
export function karteTor(bereit?: (karte: KartenApi) => void): void {
  const box = document.querySelector<HTMLElement>('[data-qp-karte]');
  const knopf = box?.querySelector<HTMLButtonElement>('[data-qp-karte-laden]');
  if (!box || !knopf) return;
  knopf.hidden = false;
  const laden = async (fokus: boolean) => {
    try {
      localStorage.setItem(ZUSTIMMUNG_SCHLUESSEL, 'ja');
    } catch {
      /* remembered for this page only */
    }
    knopf.disabled = true;
    box.dataset.zustand = 'laedt';
    try {
      const starten = await new Promise<typeof karteStarten>((ok, fehler) => {
        document.addEventListener('qp-karte-modul', (e) => ok((e as CustomEvent<typeof karteStarten>).detail), { once: true });
        const s = document.createElement('script');
        s.src = karteModulUrl;
        s.onerror = fehler;
        document.head.append(s);
      });
      bereit?.(await starten(box, fokus));
    } catch {
      box.dataset.zustand = 'fehler';
      knopf.disabled = false;
    }
  };
  knopf.addEventListener('click', () => laden(true));
  if (zugestimmt()) void laden(false);
}
