/** Treff and Quartier pages: status of the Treffs shown, and the consent-gated map. */
import { karteTor } from './karte-tor';
import { zeitenStarten } from './status';

zeitenStarten();
karteTor((karte) => {
  for (const knopf of document.querySelectorAll<HTMLButtonElement>('[data-qp-auf-karte]')) {
    knopf.hidden = false;
    knopf.onclick = () => karte.zeigen(knopf.dataset.qpAufKarte!);
  }
});
