/**
 * Joins content into what the finder, the map and the status script ship (types in
 * src/lib/karten-daten.ts). Computed once per build and shared by all pages.
 */
import { inhalte, type AngebotEintrag, type Inhalte, type TreffEintrag } from './inhalte';
import { jetzt } from './jetzt';
import { PLZ_KREFELD } from './plz-krefeld';
import { adresseEinzeilig, ortId, type FinderDaten, type KartenDaten, type KartenOrt, type KartenQuartier } from '../lib/karten-daten';
import { ortZeiten, zeitenDaten, type OrtZeiten, type ZeitenDaten } from '../lib/orte-zeiten';
import { zeitenKurz } from '../lib/opening-hours-kurz';
import { standortListe } from '../lib/standort';

const zeitenCache = new Map<string, OrtZeiten>();

/** The shipped opening data of one Treff, computed once per build. */
export function treffZeiten(t: TreffEintrag): OrtZeiten {
  let z = zeitenCache.get(t.id);
  if (!z) {
    z = ortZeiten(t.data.oeffnungszeiten, jetzt(), t.data.voruebergehend_geschlossen?.bis);
    zeitenCache.set(t.id, z);
  }
  return z;
}

function angebotZeiten(a: AngebotEintrag): OrtZeiten {
  const id = ortId('angebot', a.id);
  let z = zeitenCache.get(id);
  if (!z) {
    z = ortZeiten(a.data.zeiten, jetzt());
    zeitenCache.set(id, z);
  }
  return z;
}

/** Page data for the status script: the given Treffs only. */
export function zeitenFuer(treffs: TreffEintrag[]): ZeitenDaten {
  return zeitenDaten(Object.fromEntries(treffs.map((t) => [t.id, treffZeiten(t)])), jetzt());
}

function treffOrt(t: TreffEintrag, alle: Inhalte): KartenOrt {
  const d = t.data;
  const kategorien = [...new Set(alle.angebote.filter((a) => a.data.treff === t.id).map((a) => a.data.kategorie))];
  return {
    id: t.id,
    typ: 'treff',
    name: d.name,
    href: `/treffs/${t.id}/`,
    adresse: adresseEinzeilig(d.adresse),
    lat: d.koordinaten.lat,
    lon: d.koordinaten.lon,
    ungefaehr: d.koordinaten.ungefaehr,
    woche: zeitenKurz(d.oeffnungszeiten),
    quartiere: [d.quartier],
    kategorien,
    sprachen: d.sprachen,
    stufenlos: d.barrierefreiheit.stufenlos,
  };
}

/** Angebote at their own address with coordinates get their own marker. */
function angebotOrt(a: AngebotEintrag): KartenOrt | undefined {
  const ort = a.data.ort;
  if (!ort?.koordinaten || a.data.treff) return undefined;
  return {
    id: ortId('angebot', a.id),
    typ: 'angebot',
    name: a.data.titel,
    href: `/angebote/${a.id}/`,
    adresse: `${ort.name}, ${adresseEinzeilig(ort.adresse)}`,
    lat: ort.koordinaten.lat,
    lon: ort.koordinaten.lon,
    ungefaehr: ort.koordinaten.ungefaehr,
    woche: a.data.zeiten ? zeitenKurz(a.data.zeiten) : 'nach Vereinbarung',
    quartiere: a.data.quartiere,
    kategorien: [a.data.kategorie],
    sprachen: a.data.sprachen,
    stufenlos: 'unbekannt',
  };
}

async function alleOrte() {
  const alle = await inhalte();
  const treffs = alle.treffs.map((t) => treffOrt(t, alle));
  const angebote = alle.angebote.flatMap((a) => {
    const o = angebotOrt(a);
    return o ? [{ ort: o, zeiten: angebotZeiten(a) }] : [];
  });
  return { alle, treffs, angebote };
}

/** Everything the map needs (/treffs/karte.json). */
export async function kartenDaten(): Promise<KartenDaten> {
  const { alle, treffs, angebote } = await alleOrte();
  const zeiten = zeitenDaten(
    {
      ...Object.fromEntries(alle.treffs.map((t) => [t.id, treffZeiten(t)])),
      ...Object.fromEntries(angebote.map((a) => [a.ort.id, a.zeiten])),
    },
    jetzt(),
  );
  const quartiere: KartenQuartier[] = alle.quartiere.map((q) => ({
    id: q.id,
    name: q.data.name,
    lat: q.data.zentrum.lat,
    lon: q.data.zentrum.lon,
    ...(q.data.grenze ? { grenze: q.data.grenze.coordinates.map((ring) => ring.map(([lon, lat]) => [lat, lon] as [number, number])) } : {}),
  }));
  return { zeiten, orte: [...treffs, ...angebote.map((a) => a.ort)], quartiere };
}

/** Embedded in /treffs/: places for filters and near-me, and the fallback locations. */
export async function finderDaten(): Promise<{ finder: FinderDaten; zeiten: ZeitenDaten }> {
  const { alle, treffs, angebote } = await alleOrte();
  const standorte = standortListe(
    PLZ_KREFELD,
    alle.quartiere.map((q) => ({ id: q.id, name: q.data.name, lat: q.data.zentrum.lat, lon: q.data.zentrum.lon })),
  );
  const zeiten = zeitenDaten(
    {
      ...Object.fromEntries(alle.treffs.map((t) => [t.id, treffZeiten(t)])),
      ...Object.fromEntries(angebote.map((a) => [a.ort.id, a.zeiten])),
    },
    jetzt(),
  );
  return { finder: { orte: [...treffs, ...angebote.map((a) => a.ort)], standorte }, zeiten };
}
