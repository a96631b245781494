/**
 * The embed for Träger websites: the iframe snippet partners copy. One function, so the partner
 * page shows exactly what the tests check.
 */

/** How many upcoming dates the embed shows. */
export const EINBETTEN_ANZAHL = 5;

export const einbettenPfad = (treffId: string) => `/einbetten/treff/${treffId}/`;

/**
 * The snippet: a plain iframe. `loading="lazy"` waits until it scrolls into view; the title names
 * it for screen readers; no sandbox flags are needed because the page runs no script at all.
 */
export function einbettenCode(site: string | URL, treffId: string, treffName: string, hoehe = 460): string {
  const src = new URL(einbettenPfad(treffId), site).href;
  const titel = `Die nächsten Termine: ${treffName}`.replace(/"/g, '&quot;');
  return `<iframe src="${src}" title="${titel}" width="100%" height="${hoehe}" style="border:1px solid #c6c6c6;max-width:40rem" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
}
