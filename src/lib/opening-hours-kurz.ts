/**
 * A one-line summary of opening hours for cards and lists: „Mo–Fr 09:00–18:00, Sa 10:00–12:00“.
 * Built on the weekly table, so card and table can never disagree. German unless `sprache` names
 * another locale (weekday names from `Intl`, times isolated where the script runs right to left).
 */
import { aufzaehlung, wochentagsname } from './intl-formate';
import { wochentabelle, type Tageszeile } from './opening-hours';
import { formatZeitspanne, trenner } from './time';

export interface KurzSprache {
  /** BCP 47 locale, e.g. `en-GB`. */
  locale: string;
  /** „Zeiten auf Anfrage“ in that language. */
  aufAnfrage: string;
}

const DEUTSCH: KurzSprache = { locale: 'de', aufAnfrage: 'Zeiten auf Anfrage' };

export function zeitenKurz(oh: string, ab?: Date, sprache: KurzSprache = DEUTSCH): string {
  const deutsch = sprache.locale.startsWith('de');
  const { tage } = wochentabelle(oh, ab);
  const tagKurz = (tag: Tageszeile) =>
    deutsch ? tag.kurz : wochentagsname(sprache.locale, tage.indexOf(tag), 'short');
  const zeitenText = (tag: Tageszeile) => {
    const teile = [...tag.zeiten.map((z) => (deutsch ? `${z.von}–${z.bis}` : formatZeitspanne(z.von, z.bis, false, sprache.locale))), ...(tag.kommentar ? [tag.kommentar] : [])];
    return deutsch ? teile.join(' und ') : aufzaehlung(sprache.locale, teile);
  };
  const gruppen: Array<{ von: Tageszeile; bis: Tageszeile; text: string }> = [];
  for (const tag of tage) {
    const text = zeitenText(tag);
    if (!text) continue;
    const letzte = gruppen.at(-1);
    const vortag = tage[tage.indexOf(tag) - 1];
    if (letzte && letzte.text === text && letzte.bis === vortag) letzte.bis = tag;
    else gruppen.push({ von: tag, bis: tag, text });
  }
  if (gruppen.length === 0) return sprache.aufAnfrage;
  /** „Mo–Fr“ for three or more days in a row, „Mo, Di“ for two. */
  const spanne = (g: (typeof gruppen)[number]) =>
    g.von === g.bis ? tagKurz(g.von) : tage.indexOf(g.bis) - tage.indexOf(g.von) >= 2 ? `${tagKurz(g.von)}–${tagKurz(g.bis)}` : `${tagKurz(g.von)}${trenner(sprache.locale)}${tagKurz(g.bis)}`;
  const stuecke = gruppen.map((g) => `${spanne(g)} ${g.text}`);
  return stuecke.join(trenner(sprache.locale));
}
