/**
 * Loads every collection once per build and offers the joins pages need.
 * Pages stay thin: they ask here, call src/lib for logic and render components.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Adresse } from '../schema/fields';
import { mitBildern } from '../medien/bilder';

export type QuartierEintrag = CollectionEntry<'quartiere'>;
export type TreffEintrag = CollectionEntry<'treffs'>;
export type AngebotEintrag = CollectionEntry<'angebote'>;
export type TerminEintrag = CollectionEntry<'termine'>;
export type AkteurEintrag = CollectionEntry<'akteure'>;
export type KontaktEintrag = CollectionEntry<'kontakte'>;
export type SeiteEintrag = CollectionEntry<'seiten'>;

const deutsch = (a: string, b: string) => a.localeCompare(b, 'de');

async function laden() {
  const [quartiere, treffs, angebote, termine, akteure, kontakte, seiten] = await Promise.all([
    getCollection('quartiere'),
    getCollection('treffs').then(mitBildern),
    getCollection('angebote').then(mitBildern),
    getCollection('termine').then(mitBildern),
    getCollection('akteure').then(mitBildern),
    getCollection('kontakte'),
    getCollection('seiten'),
  ]);
  quartiere.sort((a, b) => deutsch(a.data.name, b.data.name));
  treffs.sort((a, b) => deutsch(a.data.name, b.data.name));
  angebote.sort((a, b) => deutsch(a.data.titel, b.data.titel));
  akteure.sort((a, b) => deutsch(a.data.name, b.data.name));
  const nachId = <T extends { id: string }>(liste: T[]) => new Map(liste.map((e) => [e.id, e]));
  return {
    quartiere,
    treffs,
    angebote,
    termine,
    akteure,
    kontakte,
    seiten,
    quartier: nachId(quartiere),
    treff: nachId(treffs),
    angebot: nachId(angebote),
    termin: nachId(termine),
    akteur: nachId(akteure),
    kontakt: nachId(kontakte),
  };
}

let cache: ReturnType<typeof laden> | undefined;

/** All content, loaded once per build process. */
export function inhalte() {
  cache ??= laden();
  return cache;
}

export type Inhalte = Awaited<ReturnType<typeof laden>>;

/** Every Quartier an Angebot belongs to (its own list, plus its Treff's Quartier). */
export function angebotImQuartier(a: AngebotEintrag, quartierId: string, alle: Inhalte): boolean {
  if (a.data.quartiere.includes(quartierId)) return true;
  return a.data.treff ? alle.treff.get(a.data.treff)?.data.quartier === quartierId : false;
}

/** Where an Angebot or Termin takes place, as one display name and address. */
export function ortVon(e: { treff?: string; ort?: { name: string; adresse: Adresse } }, alle: Inhalte) {
  if (e.treff) {
    const t = alle.treff.get(e.treff);
    if (t) return { name: t.data.name, href: `/treffs/${t.id}/`, adresse: t.data.adresse, koordinaten: t.data.koordinaten };
  }
  if (e.ort) return { name: e.ort.name, href: undefined, adresse: e.ort.adresse, koordinaten: undefined };
  return undefined;
}
