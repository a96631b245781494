/**
 * Data of the map (places, opening data, Quartier boundaries); fetched by the map after consent.
 * One file per UI language (`/en/treffs/karte.json` …): day texts, status texts and weekly hours
 * in that language; names and addresses are content and stay as written.
 */
import type { APIRoute } from 'astro';
import { kartenDaten } from '../../../data/karte';
import { inhalte } from '../../../data/inhalte';
import { pfadIn, sprache, sprachPfade, STANDARD_SPRACHE, uebersetzer, zeitenSprache } from '../../../i18n';
import { ortId } from '../../../lib/karten-daten';
import { zeitenKurz } from '../../../lib/opening-hours-kurz';
import { zeitenInSprache } from '../../../lib/orte-zeiten';

export function getStaticPaths() {
  return sprachPfade().map((params) => ({ params }));
}

export const GET: APIRoute = async ({ params }) => {
  const code = params.sprache ?? STANDARD_SPRACHE;
  const daten = await kartenDaten();
  let antwort = daten;
  if (code !== STANDARD_SPRACHE) {
    const t = uebersetzer(code);
    const kurz = { locale: sprache(code).meta.locale, aufAnfrage: t('zeiten.anfrage') };
    const { treffs, angebote } = await inhalte();
    const zeitenVon = new Map<string, string | undefined>([
      ...treffs.map((tr) => [tr.id, tr.data.oeffnungszeiten] as const),
      ...angebote.map((a) => [ortId('angebot', a.id), a.data.zeiten] as const),
    ]);
    const { tag, status } = zeitenSprache(code);
    antwort = {
      ...daten,
      zeiten: zeitenInSprache(daten.zeiten, tag, status),
      orte: daten.orte.map((o) => {
        const oh = zeitenVon.get(o.id);
        // Popups link to the page in the same language.
        return { ...o, href: pfadIn(code, o.href), woche: oh ? zeitenKurz(oh, undefined, kurz) : t('tag.vereinbarung') };
      }),
    };
  }
  return new Response(JSON.stringify(antwort), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
