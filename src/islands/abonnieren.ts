/**
 * Browser side of the "Abonnieren" box (src/components/Abonnieren.astro): the copy button.
 * Kept tiny on purpose: Quartier and Treff pages have a 2 KB budget for all their JavaScript.
 */

/** Shows and wires the copy button of every box (once). Without clipboard access the address gets selected. */
export function aboStarten(): void {
  for (const box of document.querySelectorAll<HTMLElement>('[data-qp-abo]')) {
    const knopf = box.querySelector<HTMLButtonElement>('[data-qp-abo-kopieren]');
    if (!knopf?.hidden) continue;
    const feld = box.querySelector<HTMLInputElement>('[data-qp-abo-adresse]')!;
    const meldung = box.querySelector<HTMLElement>('[data-qp-abo-meldung]')!;
    knopf.hidden = false;
    // The messages come with the box, in the page's language.
    knopf.onclick = () =>
      navigator.clipboard.writeText(feld.value).then(
        () => (meldung.textContent = box.dataset.kopiert!),
        () => {
          feld.select();
          meldung.textContent = box.dataset.markiert!;
        },
      );
  }
}
