/**
 * The iCal feeds as open data and for the flyers' QR codes. Which feeds exist is decided in ONE
 * place, `feedDefinitionen` (src/lib/kalender.ts, which also builds the .ics files); this module
 * only describes each one for people and machines (kind, Quartier, Treff, Kategorie).
 * Pure: plain data in, plain data out.
 */
import { feedDefinitionen, type KalenderKontext } from './kalender';

export type FeedArt = 'alle' | 'quartier' | 'treff' | 'kategorie' | 'quartier-kategorie';

export interface FeedAngabe {
  /** Path on the site, e.g. `/kalender/treff/freiraum21.ics`. */
  pfad: string;
  titel: string;
  beschreibung: string;
  art: FeedArt;
  quartier?: string;
  treff?: string;
  kategorie?: string;
}

/** Paths of single feeds, for links and QR codes (a test checks they are among `feedListe`). */
export const feedPfad = {
  alle: () => '/kalender/alle.ics',
  quartier: (quartier: string) => `/kalender/quartier/${quartier}.ics`,
  treff: (treff: string) => `/kalender/treff/${treff}.ics`,
  kategorie: (kategorie: string) => `/kalender/kategorie/${kategorie}.ics`,
  quartierKategorie: (quartier: string, kategorie: string) => `/kalender/quartier/${quartier}/${kategorie}.ics`,
};

const FORMEN: Array<[RegExp, (m: RegExpExecArray) => Pick<FeedAngabe, 'art' | 'quartier' | 'treff' | 'kategorie'>]> = [
  [/^\/kalender\/alle\.ics$/, () => ({ art: 'alle' })],
  [/^\/kalender\/quartier\/([^/]+)\/([^/]+)\.ics$/, (m) => ({ art: 'quartier-kategorie', quartier: m[1], kategorie: m[2] })],
  [/^\/kalender\/quartier\/([^/]+)\.ics$/, (m) => ({ art: 'quartier', quartier: m[1] })],
  [/^\/kalender\/treff\/([^/]+)\.ics$/, (m) => ({ art: 'treff', treff: m[1] })],
  [/^\/kalender\/kategorie\/([^/]+)\.ics$/, (m) => ({ art: 'kategorie', kategorie: m[1] })],
];

function artVon(pfad: string) {
  for (const [muster, teile] of FORMEN) {
    const m = muster.exec(pfad);
    if (m) return teile(m);
  }
  throw new Error(`Unbekannte Kalender-Adresse „${pfad}“: bitte in src/lib/feed-liste.ts ergänzen.`);
}

/** Every feed the site publishes, described. */
export function feedListe(k: Pick<KalenderKontext, 'quartiere' | 'treffs'>): FeedAngabe[] {
  return feedDefinitionen(k).map((d) => ({ pfad: d.pfad, titel: d.name, beschreibung: d.beschreibung, ...artVon(d.pfad) }));
}
