/**
 * The consent gate in front of every map: nothing is fetched from a tile server until the
 * resident clicks "Karte laden (OpenStreetMap)". The choice is remembered in localStorage and
 * can be revoked on /datenschutz/. Leaflet and its CSS arrive by dynamic import only then.
 */
import { ZUSTIMMUNG_SCHLUESSEL } from '../config/karte';
import type { KartenApi } from './karte';

export type { KartenApi };

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
      const { karteStarten } = await import('./karte');
      bereit?.(await karteStarten(box, fokus));
    } catch {
      box.dataset.zustand = 'fehler';
      knopf.disabled = false;
    }
  };
  knopf.addEventListener('click', () => laden(true));
  if (zugestimmt()) void laden(false);
}
