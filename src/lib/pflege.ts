/**
 * What needs an editor's care: stale entries, unconfirmed opening hours, series about to end,
 * Termine without a place. Pure: takes plain entries and "today", returns findings.
 */
import { addDays } from './time';

export const VERALTET_NACH_TAGEN = 183;
export const SERIENENDE_VORLAUF_TAGE = 28;

export interface Befund {
  sammlung: 'treffs' | 'angebote' | 'termine';
  id: string;
  titel: string;
  grund: string;
}

interface Eintrag<D> {
  id: string;
  data: D;
}

/** Entries whose "zuletzt geprüft" lies more than six months back. */
export function veraltet(
  sammlung: 'treffs' | 'angebote',
  eintraege: Eintrag<{ zuletzt_geprueft: string; name?: string; titel?: string }>[],
  heute: string,
): Befund[] {
  const grenze = addDays(heute, -VERALTET_NACH_TAGEN);
  return eintraege
    .filter((e) => e.data.zuletzt_geprueft < grenze)
    .sort((a, b) => a.data.zuletzt_geprueft.localeCompare(b.data.zuletzt_geprueft))
    .map((e) => ({ sammlung, id: e.id, titel: e.data.name ?? e.data.titel ?? e.id, grund: `zuletzt geprüft am ${e.data.zuletzt_geprueft}` }));
}

/** Treffs whose opening hours no one has confirmed yet. */
export function oeffnungszeitenUngeprueft(treffs: Eintrag<{ name: string; oeffnungszeiten_geprueft?: string }>[]): Befund[] {
  return treffs
    .filter((t) => !t.data.oeffnungszeiten_geprueft)
    .map((t) => ({ sammlung: 'treffs', id: t.id, titel: t.data.name, grund: 'Öffnungszeiten noch nie bestätigt' }));
}

/** Series whose last date lies within the next four weeks (so they can be extended in time). */
export function serienEndenBald(
  serien: Array<{ id: string; titel: string; letzterTermin: string | undefined }>,
  heute: string,
): Befund[] {
  const bis = addDays(heute, SERIENENDE_VORLAUF_TAGE);
  return serien
    .filter((s) => s.letzterTermin !== undefined && s.letzterTermin >= heute && s.letzterTermin <= bis)
    .map((s) => ({ sammlung: 'termine', id: s.id, titel: s.titel, grund: `letzter Termin am ${s.letzterTermin}` }));
}

/** Termine with neither a Treff nor an own place. */
export function ohneOrt(termine: Eintrag<{ titel: string; treff?: string; ort?: unknown }>[]): Befund[] {
  return termine
    .filter((t) => !t.data.treff && !t.data.ort)
    .map((t) => ({ sammlung: 'termine', id: t.id, titel: t.data.titel, grund: 'kein Ort angegeben' }));
}

/** Link to the entry's edit view in Decap. */
export function cmsLink(b: Pick<Befund, 'sammlung' | 'id'>): string {
  return `/admin/#/collections/${b.sammlung}/entries/${b.id}`;
}
