/**
 * Open data must be usable by people who never see our code: each export validates against its
 * JSON Schema, and the schema comes from the content model (a new field shows up in both).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
  angeboteExport,
  DATEIEN,
  feedsExport,
  feldliste,
  jsonSchemaVon,
  termineExport,
  treffsGeojson,
  type DateiArt,
  type JsonSchema,
} from '../../src/lib/offene-daten';
import { feedListe, feedPfad } from '../../src/lib/feed-liste';
import { treffSchema } from '../../src/schema/collections';
import { KREFELD_BBOX } from '../../src/schema/fields';
import { fehlerListe, geojsonFehler } from '../support/json-schema-pruefer';
import { ladeInhalt } from './inhalt-laden';

const SITE = 'https://quartiere.krefeld.example/';
const r = { site: SITE, jetzt: new Date('2026-11-25T10:00:00Z') };
const inhalt = ladeInhalt();
const feeds = feedListe({
  quartiere: new Map(inhalt.quartiere.map((q) => [q.id, q.data])),
  treffs: new Map(inhalt.treffs.map((t) => [t.id, t.data])),
});
const schema = (art: DateiArt) => jsonSchemaVon(art, SITE);

describe('offene Daten', () => {
  it('jede Exportdatei passt zu ihrem aus dem Modell erzeugten JSON Schema', () => {
    expect(fehlerListe(schema('treffs'), treffsGeojson(inhalt.treffs, r))).toEqual([]);
    expect(fehlerListe(schema('angebote'), angeboteExport(inhalt.angebote, r))).toEqual([]);
    expect(fehlerListe(schema('termine'), termineExport(inhalt.termine, r))).toEqual([]);
    expect(fehlerListe(schema('feeds'), feedsExport(feeds, r))).toEqual([]);
  });

  it('treffs.geojson folgt GeoJSON: [Längengrad, Breitengrad] in Krefeld, mit opening_hours', () => {
    const geo = treffsGeojson(inhalt.treffs, r);
    expect(geojsonFehler(geo, KREFELD_BBOX)).toEqual([]);
    expect(geo.features).toHaveLength(inhalt.treffs.length);
    const stahldorf = geo.features.find((f) => f.id === 'quartierszentrum-stahldorf')!;
    expect(stahldorf.geometry.coordinates).toEqual([6.585, 51.311]);
    expect(stahldorf.properties.opening_hours).toBe(stahldorf.properties.oeffnungszeiten);
    expect(stahldorf.properties.url).toBe(`${SITE}treffs/quartierszentrum-stahldorf/`);
  });

  it('vertauschte Koordinaten fallen auf', () => {
    const geo = treffsGeojson(inhalt.treffs.slice(0, 1), r);
    geo.features[0].geometry.coordinates = [51.3, 6.5];
    expect(geojsonFehler(geo, KREFELD_BBOX)[0]).toMatch(/vertauscht/);
    expect(fehlerListe(schema('treffs'), geo).length).toBeGreaterThan(0);
  });

  it('termine.json enthält die Vorkommen der nächsten 90 Tage aus der einen Wiederholungs-Engine', () => {
    const t = termineExport(inhalt.termine, r);
    expect(t.zeitraum).toEqual({ von: '2026-11-25', bis: '2027-02-23' });
    const eltern = t.termine.find((x) => x.id === 'elterncafe-stahldorf')!;
    const daten = eltern.vorkommen.map((v) => v.datum);
    expect(daten[0]).toBe('2026-11-25');
    expect(daten).not.toContain('2026-12-23'); // Ausnahme (Ferien)
    expect(daten.every((d) => d >= '2026-11-25' && d < '2027-02-23')).toBe(true);
    expect(eltern.vorkommen[0]).toMatchObject({ beginn: '10:00', ende: '12:00', start: '2026-11-25T09:00:00.000Z', ausgefallen: false });
  });

  it('ein Bild wird zur vollständigen Adresse der gebauten Datei', () => {
    const bild = { src: '/_astro/treff.abc123.jpg', width: 800, height: 600, format: 'jpg' };
    const mitFoto = { ...inhalt.treffs[0], data: { ...inhalt.treffs[0].data, fotos: [{ src: bild, alt: 'Der Eingang des Treffs' }] } };
    const geo = treffsGeojson([mitFoto], r);
    expect(geo.features[0].properties.fotos[0].src).toBe(`${SITE}_astro/treff.abc123.jpg`);
    expect(fehlerListe(schema('treffs'), geo)).toEqual([]);
  });

  it('ein neues Feld im Modell erscheint im JSON Schema und in der Feldliste, ohne es abzutippen', () => {
    const js = schema('treffs') as { properties: { features: { items: { properties: { properties: JsonSchema } } } } };
    const props = js.properties.features.items.properties.properties;
    const modell = Object.keys(treffSchema({ ids: {}, image: () => z.string() }).shape);
    expect(Object.keys(props.properties as object)).toEqual(expect.arrayContaining(modell));
    const felder = feldliste(props);
    expect(felder.find((f) => f.pfad === 'adresse.plz')).toMatchObject({ titel: 'Postleitzahl', pflicht: true });
    expect(felder.find((f) => f.pfad === 'zuletzt_geprueft')).toMatchObject({ typ: 'Datum (JJJJ-MM-TT)' });
  });

  it('Hinweise für das CMS werden zu Standard-JSON-Schema oder x-Anmerkungen', () => {
    for (const art of Object.keys(DATEIEN) as DateiArt[]) {
      const text = JSON.stringify(schema(art));
      expect(text).not.toMatch(/"(auswahl|verweis|mehrfach)":/);
      expect(text).not.toMatch(/"format":"(datum|uhrzeit|opening_hours|rrule)"/);
    }
    expect(JSON.stringify(schema('angebote'))).toContain('"x-labels":{"beratung":"Beratung"');
  });
});

describe('Liste der Kalender-Abos', () => {
  it('nennt den Gesamtkalender, jedes Quartier, jeden Treff, jede Kategorie und jedes Paar, mit Art und Kennung', () => {
    const pfade = feeds.map((f) => f.pfad);
    expect(pfade[0]).toBe(feedPfad.alle());
    expect(new Set(pfade).size).toBe(pfade.length);
    expect(feeds.filter((f) => f.art === 'treff')).toHaveLength(inhalt.treffs.length);
    expect(feeds.filter((f) => f.art === 'quartier')).toHaveLength(inhalt.quartiere.length);
    expect(feeds.find((f) => f.pfad === '/kalender/quartier/stahldorf/kinder-familie.ics')).toMatchObject({
      art: 'quartier-kategorie',
      quartier: 'stahldorf',
      kategorie: 'kinder-familie',
    });
  });

  it('die Adressen für Links und QR-Codes sind genau die veröffentlichten', () => {
    const pfade = new Set(feeds.map((f) => f.pfad));
    for (const t of inhalt.treffs) expect(pfade).toContain(feedPfad.treff(t.id));
    for (const q of inhalt.quartiere) expect(pfade).toContain(feedPfad.quartier(q.id));
    expect(pfade).toContain(feedPfad.kategorie('beratung'));
    expect(pfade).toContain(feedPfad.quartierKategorie('stahldorf', 'beratung'));
  });
});
