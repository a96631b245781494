/**
 * The words of the opening status and of a day's hours in one UI language, taken from the strings
 * of src/i18n. The page renders them into its opening data (#qp-zeiten), so the browser script
 * carries no strings of its own and speaks the page's language.
 */
import { de, type UiKey } from '../i18n/de';
import type { StatusSprache } from './opening-status';

/** The words of one day's hours („geschlossen (Feiertag)“ …) and the locale of its times and lists. */
export interface TagesWoerter {
  geschlossen: string;
  feiertag: string;
  vereinbarung: string;
  voruebergehend: string;
  locale: string;
}

type Texte = Readonly<Record<UiKey, string>>;

export function statusSprache(t: Texte, locale: string): StatusSprache {
  return {
    l: locale,
    t: {
      offen: t['status.offen'],
      offenBis: t['status.offen.bis'],
      oeffnet: t['status.oeffnet'],
      feiertag: t['status.feiertag'],
      zu: t['status.zu'],
      unbekannt: t['status.unbekannt'],
      heute: t['status.heute'],
      morgen: t['status.morgen'],
      bisMorgen: t['status.bis.morgen'],
      tag: t['status.tag'],
      datum: t['status.datum'],
    },
  };
}

export function tagesWoerter(t: Texte, locale: string): TagesWoerter {
  return { geschlossen: t['geschlossen'], feiertag: t['tag.feiertag'], vereinbarung: t['tag.vereinbarung'], voruebergehend: t['tag.voruebergehend'], locale };
}

export const STATUS_DE = statusSprache(de, 'de-DE');
export const TAGES_WOERTER_DE = tagesWoerter(de, 'de');
