/**
 * Content errors are part of the product: each typical QE mistake must produce a German message
 * that names the field. The messages are snapshotted so a change to them is a visible decision.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { angebotSchema, akteurSchema, kontaktSchema, quartierSchema, terminSchema, treffSchema } from '../../src/schema/collections';
import { pruefe } from '../../src/schema/errors';

const ctx = {
  image: () => z.string(),
  ids: {
    quartiere: new Set(['bleichpfad', 'stahldorf']),
    akteure: new Set(['werkhaus']),
    kontakte: new Set(['qe-mitte-nord', 'treffleitung-bleichpfad']),
    treffs: new Set(['treff-am-bleichpfad']),
  },
};

const treff = {
  name: 'Treff am Bleichpfad',
  quartier: 'bleichpfad',
  traeger: 'werkhaus',
  adresse: { strasse: 'Bleichpfad', hausnummer: '10', plz: '47799' },
  koordinaten: { lat: 51.336, lon: 6.57 },
  oeffnungszeiten: 'Tu 14:00-18:00; Th 09:00-12:00; PH off',
  zuletzt_geprueft: '2026-10-01',
};

const termin = {
  titel: 'Elterncafé',
  datum: '2026-12-01',
  beginn: '15:00',
  ende: '17:00',
  quartier: 'stahldorf',
  kategorie: 'kinder-familie',
};

const angebot = {
  titel: 'Deutschkurs',
  kategorie: 'sprache-bildung',
  treff: 'treff-am-bleichpfad',
  quartiere: ['bleichpfad'],
  zeiten: 'Mo 10:00-12:00',
  zuletzt_geprueft: '2026-10-01',
};

const fehler = (schema: z.ZodType, data: unknown) => {
  const r = pruefe(schema, data);
  expect(r.ok, 'sollte abgelehnt werden').toBe(false);
  return r.fehler;
};

describe('gültige Inhalte', () => {
  it('ein vollständiger Treff, ein Termin und ein Angebot gehen durch und bekommen Standardwerte', () => {
    const t = pruefe(treffSchema(ctx), treff);
    expect(t.ok).toBe(true);
    expect(t.data?.adresse.ort).toBe('Krefeld');
    expect(t.data?.barrierefreiheit.stufenlos).toBe('unbekannt');
    expect(pruefe(terminSchema(ctx), termin).ok).toBe(true);
    expect(pruefe(angebotSchema(ctx), angebot).ok).toBe(true);
  });

  it('ein Datum, das YAML als Date liest, wird zum Kalenderdatum', () => {
    const r = pruefe(terminSchema(ctx), { ...termin, datum: new Date('2026-12-01T00:00:00Z') });
    expect(r.data?.datum).toBe('2026-12-01');
  });
});

describe('typische Fehler der Redaktion werden auf Deutsch mit Feldname gemeldet', () => {
  it('ungültige Öffnungszeiten', () => {
    expect(fehler(treffSchema(ctx), { ...treff, oeffnungszeiten: 'Dienstag 14-18 Uhr' })).toMatchInlineSnapshot(`
      [
        "oeffnungszeiten („Öffnungszeiten“): Öffnungszeiten nicht eindeutig: Bitte benutze die englische Abkürzung "Tu" für "dienstag". Vorschlag: „Tu 14:00-18:00“.",
      ]
    `);
  });

  it('Koordinaten außerhalb Krefelds (vertauscht)', () => {
    expect(fehler(treffSchema(ctx), { ...treff, koordinaten: { lat: 6.57, lon: 51.336 } })).toMatchInlineSnapshot(`
      [
        "koordinaten („Koordinaten“): Koordinaten liegen nicht in Krefeld (Breitengrad 51.26–51.42, Längengrad 6.47–6.72). Breiten- und Längengrad vertauscht?",
      ]
    `);
  });

  it('unbekanntes Quartier', () => {
    expect(fehler(treffSchema(ctx), { ...treff, quartier: 'bleichfad' })).toMatchInlineSnapshot(`
      [
        "quartier („Quartier“): „bleichfad“ gibt es nicht in „quartiere“. Bitte einen vorhandenen Eintrag wählen (Dateiname ohne Endung in content/quartiere/).",
      ]
    `);
  });

  it('Ende vor Beginn', () => {
    expect(fehler(terminSchema(ctx), { ...termin, beginn: '17:00', ende: '15:00' })).toMatchInlineSnapshot(`
      [
        "ende („Ende“): Das Ende (15:00) liegt vor dem Beginn (17:00). Bitte korrigieren.",
      ]
    `);
  });

  it('ungültige Wiederholungsregel', () => {
    expect(fehler(terminSchema(ctx), { ...termin, wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=XX' } })).toMatchInlineSnapshot(`
      [
        "wiederholung.regel („Wiederholungsregel (RRULE)“): Wiederholungsregel ungültig: „BYDAY=XX“ hat einen ungültigen Wert.",
      ]
    `);
  });

  it('Bild ohne Alternativtext', () => {
    expect(fehler(terminSchema(ctx), { ...termin, bild: { src: '../../src/assets/uploads/foto.jpg' } })).toMatchInlineSnapshot(`
      [
        "bild.alt („Alternativtext“): Alternativtext fehlt: Beschreiben Sie in einem Satz, was auf dem Bild zu sehen ist.",
      ]
    `);
  });

  it('fehlendes Pflichtfeld', () => {
    const { titel: _weg, ...ohneTitel } = termin;
    expect(fehler(terminSchema(ctx), ohneTitel)).toMatchInlineSnapshot(`
      [
        "titel („Titel“): Pflichtfeld fehlt – bitte ausfüllen.",
      ]
    `);
  });

  it('unbekannte Kategorie', () => {
    expect(fehler(angebotSchema(ctx), { ...angebot, kategorie: 'sport' })).toMatchInlineSnapshot(`
      [
        "kategorie („Kategorie“): Unbekannter Wert "sport". Erlaubt sind: beratung, sprechstunde, begegnung, kinder-familie, jugend, senioren, sprache-bildung, gesundheit-bewegung, kultur, hilfe-alltag, umwelt-quartier, netzwerk.",
      ]
    `);
  });

  it('Datum, das es nicht gibt', () => {
    expect(fehler(terminSchema(ctx), { ...termin, datum: '2027-02-30' })).toMatchInlineSnapshot(`
      [
        "datum („Datum“): Dieses Datum gibt es nicht (z. B. 31. Februar).",
      ]
    `);
  });

  it('Uhrzeit in falscher Schreibweise', () => {
    expect(fehler(terminSchema(ctx), { ...termin, beginn: '15 Uhr' })).toMatchInlineSnapshot(`
      [
        "beginn („Beginn“): Uhrzeit im Format HH:MM angeben (z. B. 09:30 oder 15:00).",
      ]
    `);
  });

  it('Postleitzahl außerhalb Krefelds', () => {
    expect(fehler(treffSchema(ctx), { ...treff, adresse: { ...treff.adresse, plz: '40210' } })).toMatchInlineSnapshot(`
      [
        "adresse.plz („Postleitzahl“): Keine Krefelder Postleitzahl (47798–47839).",
      ]
    `);
  });

  it('Tippfehler im Feldnamen', () => {
    expect(fehler(treffSchema(ctx), { ...treff, oefnungszeiten: 'Mo 10:00-12:00' })).toMatchInlineSnapshot(`
      [
        "(Datei): Unbekannte Felder: oefnungszeiten – Tippfehler im Feldnamen? Bitte entfernen oder korrigieren.",
      ]
    `);
  });

  it('Angebot ohne Ort und ohne Zeiten', () => {
    const { treff: _t, zeiten: _z, ...ohne } = angebot;
    expect(fehler(angebotSchema(ctx), ohne)).toMatchInlineSnapshot(`
      [
        "treff („Treff“): Bitte einen Treff wählen oder einen eigenen Ort angeben.",
        "zeiten („Zeiten“): Bitte Zeiten angeben oder „Nach Vereinbarung“ ankreuzen.",
      ]
    `);
  });

  it('Absage ohne Grund', () => {
    expect(fehler(terminSchema(ctx), { ...termin, abgesagt: true })).toMatchInlineSnapshot(`
      [
        "absage_grund („Grund der Absage“): Bei einer Absage bitte kurz den Grund angeben.",
      ]
    `);
  });

  it('Kosten „nicht kostenlos“ ohne Betrag', () => {
    expect(fehler(terminSchema(ctx), { ...termin, kosten: { kostenlos: false } })).toMatchInlineSnapshot(`
      [
        "kosten.text („Kosten“): Wenn es nicht kostenlos ist, bitte die Kosten angeben (Feld „Kosten“).",
      ]
    `);
  });

  it('Web-Adresse mit javascript:', () => {
    expect(fehler(akteurSchema(ctx), { name: 'Verein', typ: 'verein', webseite: 'javascript:alert(1)' })).toMatchInlineSnapshot(`
      [
        "webseite („Webseite“): Web-Adresse muss mit https:// oder http:// beginnen (z. B. https://www.example.org/).",
      ]
    `);
  });

  it('Kontakt ohne Telefon und E-Mail', () => {
    expect(fehler(kontaktSchema(ctx), { rolle: 'treffleitung', bezeichnung: 'Treffleitung X' })).toMatchInlineSnapshot(`
      [
        "email („E-Mail (dienstlich)“): Bitte mindestens Telefon oder E-Mail angeben.",
      ]
    `);
  });

  it('Quartier mit unbekanntem Stadtbezirk und leerer Kurzbeschreibung', () => {
    expect(
      fehler(quartierSchema(ctx), {
        name: 'Bleichpfad',
        stadtbezirk: 'mittte',
        kurzbeschreibung: '',
        zentrum: { lat: 51.33, lon: 6.57 },
        quartiersentwicklung: 'qe-mitte-nord',
      }),
    ).toMatchInlineSnapshot(`
      [
        "stadtbezirk („Stadtbezirk“): Unbekannter Wert "mittte". Erlaubt sind: mitte, sued, west, nord, ost, huels, oppum-linn, uerdingen, fischeln.",
        "kurzbeschreibung („Kurzbeschreibung“): Darf nicht leer sein – bitte ausfüllen.",
      ]
    `);
  });
});

describe('Serien: Datum und Ausfälle passen zur Regel', () => {
  it('ein erster Termin, der nicht zur Regel passt, wird gemeldet', () => {
    // 2026-12-01 is a Tuesday; the rule says Wednesday.
    expect(fehler(terminSchema(ctx), { ...termin, wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=WE' } })).toMatchInlineSnapshot(`
      [
        "datum („Datum“): Der erste Termin (Dienstag, 1. Dezember 2026) passt nicht zur Wiederholung – z. B. Wochentag in der Regel ein anderer? Bitte Datum oder Regel anpassen.",
      ]
    `);
  });
  it('ein Ausfall an einem Tag ohne Termin wird gemeldet', () => {
    expect(
      fehler(terminSchema(ctx), { ...termin, wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=TU' }, ausfaelle: [{ datum: '2026-12-09', grund: 'Krank' }] }),
    ).toMatchInlineSnapshot(`
      [
        "ausfaelle.0.datum („Datum des Ausfalls“): Am Mittwoch, 9. Dezember 2026 findet dieser Termin gar nicht statt – Datum vertippt?",
      ]
    `);
  });
  it('ein Ausfall an einem echten Termin der Serie ist in Ordnung', () => {
    expect(
      pruefe(terminSchema(ctx), { ...termin, wiederholung: { regel: 'FREQ=WEEKLY;BYDAY=TU' }, ausfaelle: [{ datum: '2026-12-08', grund: 'Krank' }] }).ok,
    ).toBe(true);
  });
  it('Zeiten mit Kommentar ohne „open“ werden gemeldet, weil „jetzt geöffnet“ sonst nie erscheint', () => {
    expect(fehler(treffSchema(ctx), { ...treff, oeffnungszeiten: 'Mo 09:00-11:00 "Frauenfrühstück"' })).toMatchInlineSnapshot(`
      [
        "oeffnungszeiten („Öffnungszeiten“): Nach einer Uhrzeit muss vor dem Kommentar „open“ stehen, z. B. „Mo 09:00-11:00 open "Frauenfrühstück"“. Ohne Uhrzeit (nur Kommentar) heißt es „nach Vereinbarung“.",
      ]
    `);
  });
});

describe('fehlende Auswahl', () => {
  it('eine fehlende Kategorie heißt „Pflichtfeld fehlt“, nicht „Unbekannter Wert undefined“', () => {
    const { kategorie: _k, ...ohne } = angebot;
    expect(fehler(angebotSchema(ctx), ohne)).toMatchInlineSnapshot(`
      [
        "kategorie („Kategorie“): Pflichtfeld fehlt – bitte auswählen.",
      ]
    `);
  });
});
