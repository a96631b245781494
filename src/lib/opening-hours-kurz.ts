/**
 * A one-line summary of opening hours for cards and lists: „Mo–Fr 09:00–18:00, Sa 10:00–12:00“.
 * Built on the weekly table, so card and table can never disagree.
 */
import { wochentabelle, type Tageszeile } from './opening-hours';

const zeitenText = (tag: Tageszeile) =>
  [...tag.zeiten.map((z) => `${z.von}–${z.bis}`), ...(tag.kommentar ? [tag.kommentar] : [])].join(' und ');

export function zeitenKurz(oh: string, ab?: Date): string {
  const { tage } = wochentabelle(oh, ab);
  const gruppen: Array<{ von: Tageszeile; bis: Tageszeile; text: string }> = [];
  for (const tag of tage) {
    const text = zeitenText(tag);
    if (!text) continue;
    const letzte = gruppen.at(-1);
    const vortag = tage[tage.indexOf(tag) - 1];
    if (letzte && letzte.text === text && letzte.bis === vortag) letzte.bis = tag;
    else gruppen.push({ von: tag, bis: tag, text });
  }
  if (gruppen.length === 0) return 'Zeiten auf Anfrage';
  return gruppen
    .map((g) => {
      const spanne = g.von === g.bis ? g.von.kurz : tagesspanne(g.von, g.bis, tage);
      return `${spanne} ${g.text}`;
    })
    .join(', ');
}

/** „Mo–Fr“ for three or more days in a row, „Mo, Di“ for two. */
function tagesspanne(von: Tageszeile, bis: Tageszeile, alle: Tageszeile[]): string {
  return alle.indexOf(bis) - alle.indexOf(von) >= 2 ? `${von.kurz}–${bis.kurz}` : `${von.kurz}, ${bis.kurz}`;
}
