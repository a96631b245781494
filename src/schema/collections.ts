/**
 * The ONE content model: a schema per collection. `src/content.config.ts` wires them to the
 * files in `content/`; the CMS config, the open-data JSON Schemas and the tests derive from them.
 * Each is a factory because two things differ between build, tests and CMS: Astro's `image()`
 * helper and the set of existing entries that references are checked against.
 */
import { z } from 'astro/zod';
import {
  AKTEUR_TYPEN,
  AKTEUR_TYP_WERTE,
  JA_NEIN_UNBEKANNT,
  JA_NEIN_UNBEKANNT_WERTE,
  KATEGORIEN,
  KATEGORIE_WERTE,
  KONTAKT_ROLLEN,
  KONTAKT_ROLLEN_WERTE,
  SPRACHEN,
  SPRACHEN_WERTE,
  STADTBEZIRKE,
  STADTBEZIRK_WERTE,
  ZIELGRUPPEN,
  ZIELGRUPPEN_WERTE,
} from './enums';
import {
  adresse,
  auswahl,
  beispiel,
  bild,
  datum,
  email,
  fruehereAdressen,
  koordinaten,
  mehrfachauswahl,
  oeffnungszeiten,
  rrule,
  telefon,
  text,
  uhrzeit,
  rruleFehler,
  verweis,
  webadresse,
  zuletztGeprueft,
  zusammenfassungen,
  type BekannteIds,
  type ImageFn,
} from './fields';
import { expandOccurrences, startPasstZurRegel } from '../lib/recurrence';
import { berlinWallToInstant, addDays, formatDatumLang } from '../lib/time';

export interface SchemaKontext {
  image: ImageFn;
  ids: BekannteIds;
}

const jaNeinUnbekannt = (title: string) =>
  auswahl(JA_NEIN_UNBEKANNT_WERTE, JA_NEIN_UNBEKANNT, title).default('unbekannt');

const kosten = () =>
  z
    .object({
      kostenlos: z.boolean().default(true).meta({ title: 'Kostenlos' }),
      text: text('Kosten', 'Nur wenn nicht kostenlos: z. B. „2 € pro Termin, mit KrefeldPass 1 €“', 200).optional(),
    })
    .refine((k) => k.kostenlos || k.text, { message: 'Wenn es nicht kostenlos ist, bitte die Kosten angeben (Feld „Kosten“).', path: ['text'] })
    .default({ kostenlos: true })
    .meta({ title: 'Kosten' });

const anmeldung = () =>
  z
    .object({
      noetig: z.boolean().default(false).meta({ title: 'Anmeldung nötig' }),
      text: text('Wie anmelden?', 'z. B. „telefonisch im Treff bis Montag“', 300).optional(),
    })
    .default({ noetig: false })
    .meta({ title: 'Anmeldung' });

const ort = () =>
  z
    .object({
      name: text('Name des Ortes', 'z. B. „Spielcontainer am Albrechtplatz“', 120),
      adresse: adresse(),
      koordinaten: koordinaten().optional(),
    })
    .meta({ title: 'Eigener Ort', description: 'Nur ausfüllen, wenn es nicht in einem Treff stattfindet.' });

export const quartierSchema = ({ ids }: SchemaKontext) =>
  z
    .object({
      name: text('Name', 'z. B. „Bleichpfad“', 80),
      stadtbezirk: auswahl(STADTBEZIRK_WERTE, STADTBEZIRKE, 'Stadtbezirk'),
      kurzbeschreibung: text('Kurzbeschreibung', 'Zwei einfache Sätze: Was ist das Quartier, was gibt es hier?', 320),
      zentrum: koordinaten().meta({ title: 'Mittelpunkt auf der Karte' }),
      grenze: z
        .object({
          type: z.literal('Polygon'),
          coordinates: z.array(z.array(z.tuple([z.number(), z.number()])).min(4)).min(1),
        })
        .optional()
        .meta({ title: 'Grenze (GeoJSON-Polygon)', description: 'Optional. Koordinaten als [Längengrad, Breitengrad].' }),
      quartiersentwicklung: verweis('kontakte', ids, 'Zuständige Quartiersentwicklung'),
      sozialraumkonferenz: z
        .object({
          datum: datum('Datum der nächsten Sozialraumkonferenz'),
          ort: text('Ort', undefined, 160),
          text: text('Worum geht es?', undefined, 400).optional(),
        })
        .optional()
        .meta({ title: 'Nächste Sozialraumkonferenz' }),
      zusammenfassung: zusammenfassungen(),
      beispiel: beispiel(),
      frueher: fruehereAdressen(),
    })
    .strict();

export const akteurSchema = ({ ids, image }: SchemaKontext) =>
  z
    .object({
      name: text('Name', 'z. B. „Diakonie Krefeld & Viersen“', 120),
      typ: auswahl(AKTEUR_TYP_WERTE, AKTEUR_TYPEN, 'Art der Organisation'),
      quartiere: z.array(verweis('quartiere', ids, 'Quartier')).default([]).meta({ title: 'Aktiv in den Quartieren' }),
      webseite: webadresse().optional(),
      telefon: telefon().optional(),
      email: email().optional(),
      logo: bild(image).optional(),
      sozialraumkonferenz: z
        .boolean()
        .default(false)
        .meta({ title: 'Mitglied der Sozialraumkonferenz', description: 'Nimmt an der Sozialraumkonferenz des Quartiers teil.' }),
      beschreibung: text('Kurzbeschreibung', undefined, 400).optional(),
      beispiel: beispiel(),
    })
    .strict();

export const kontaktSchema = ({ ids }: SchemaKontext) =>
  z
    .object({
      rolle: auswahl(KONTAKT_ROLLEN_WERTE, KONTAKT_ROLLEN, 'Rolle'),
      bezeichnung: text(
        'Bezeichnung',
        'Die Funktion, kein Personenname: z. B. „Quartiersentwicklung Mitte-Nord“ oder „Treffleitung FREIraum21“.',
        120,
      ),
      organisation: verweis('akteure', ids, 'Organisation').optional(),
      quartiere: z.array(verweis('quartiere', ids, 'Quartier')).default([]).meta({ title: 'Zuständig für die Quartiere' }),
      telefon: telefon().optional(),
      email: email().optional(),
      sprechzeiten: text('Erreichbar', 'z. B. „Di 14–18 Uhr im Quartiersbüro“', 200).optional(),
      beispiel: beispiel(),
    })
    .strict()
    .refine((k) => k.telefon || k.email, { message: 'Bitte mindestens Telefon oder E-Mail angeben.', path: ['email'] });

export const treffSchema = ({ ids, image }: SchemaKontext) =>
  z
    .object({
      name: text('Name', 'z. B. „Treff am Bleichpfad“', 100),
      quartier: verweis('quartiere', ids, 'Quartier'),
      traeger: verweis('akteure', ids, 'Träger'),
      adresse: adresse(),
      koordinaten: koordinaten(),
      oeffnungszeiten: oeffnungszeiten(),
      oeffnungszeiten_hinweis: text('Hinweis zu den Öffnungszeiten', 'z. B. „In den Sommerferien eingeschränkt“', 200).optional(),
      voruebergehend_geschlossen: z
        .object({
          bis: datum('Geschlossen bis einschließlich'),
          grund: text('Grund', 'z. B. „Renovierung“', 200),
        })
        .optional()
        .meta({ title: 'Vorübergehend geschlossen' }),
      barrierefreiheit: z
        .object({
          stufenlos: jaNeinUnbekannt('Eingang stufenlos'),
          wc: jaNeinUnbekannt('Barrierefreies WC'),
          hoerschleife: jaNeinUnbekannt('Induktive Höranlage'),
          hinweis: text('Hinweis zur Barrierefreiheit', undefined, 300).optional(),
        })
        .default({ stufenlos: 'unbekannt', wc: 'unbekannt', hoerschleife: 'unbekannt' })
        .meta({ title: 'Barrierefreiheit' }),
      sprachen: mehrfachauswahl(SPRACHEN_WERTE, SPRACHEN, 'Gesprochene Sprachen'),
      oepnv: text('Bus und Bahn', 'z. B. „Haltestelle Schinkenplatz (Linie 044), 2 Minuten zu Fuß“', 200).optional(),
      treffleitung: verweis('kontakte', ids, 'Treffleitung').optional(),
      telefon: telefon().optional(),
      email: email().optional(),
      webseite: webadresse().optional(),
      fotos: z.array(bild(image)).default([]).meta({ title: 'Fotos' }),
      zuletzt_geprueft: zuletztGeprueft(),
      oeffnungszeiten_geprueft: datum(
        'Öffnungszeiten bestätigt am',
        'Wann hat die Einrichtung die Öffnungszeiten zuletzt bestätigt? Leer = noch nie.',
      ).optional(),
      zusammenfassung: zusammenfassungen(),
      beispiel: beispiel(),
      frueher: fruehereAdressen(),
    })
    .strict();

export const angebotSchema = ({ ids, image }: SchemaKontext) =>
  z
    .object({
      titel: text('Titel', 'Kurz und klar: z. B. „Frauencafé mit Sprachpraxis“', 100),
      kategorie: auswahl(KATEGORIE_WERTE, KATEGORIEN, 'Kategorie'),
      treff: verweis('treffs', ids, 'Treff', 'Wo findet es statt? Leer lassen, wenn an einem eigenen Ort.').optional(),
      ort: ort().optional(),
      quartiere: z.array(verweis('quartiere', ids, 'Quartier')).min(1).meta({ title: 'Quartiere' }),
      anbieter: verweis('akteure', ids, 'Anbieter').optional(),
      zielgruppen: mehrfachauswahl(ZIELGRUPPEN_WERTE, ZIELGRUPPEN, 'Für wen?'),
      sprachen: mehrfachauswahl(SPRACHEN_WERTE, SPRACHEN, 'Sprachen'),
      zeiten: oeffnungszeiten('Zeiten').optional(),
      nach_vereinbarung: z.boolean().default(false).meta({ title: 'Nach Vereinbarung', description: 'Termin wird individuell vereinbart.' }),
      zeiten_hinweis: text('Hinweis zu den Zeiten', 'z. B. „nicht in den Schulferien“', 200).optional(),
      kosten: kosten(),
      anmeldung: anmeldung(),
      kontakt: verweis('kontakte', ids, 'Ansprechpartner*in').optional(),
      bild: bild(image).optional(),
      zuletzt_geprueft: zuletztGeprueft(),
      zusammenfassung: zusammenfassungen(),
      beispiel: beispiel(),
      frueher: fruehereAdressen(),
    })
    .strict()
    .refine((a) => a.treff || a.ort, { message: 'Bitte einen Treff wählen oder einen eigenen Ort angeben.', path: ['treff'] })
    .refine((a) => a.zeiten || a.nach_vereinbarung, {
      message: 'Bitte Zeiten angeben oder „Nach Vereinbarung“ ankreuzen.',
      path: ['zeiten'],
    });

export const terminSchema = ({ ids, image }: SchemaKontext) =>
  z
    .object({
      titel: text('Titel', 'Ohne Datum und ohne Ort: z. B. „Elterncafé“', 100),
      datum: datum('Datum', 'Bei Serien: der erste Termin.'),
      ganztaegig: z.boolean().default(false).meta({ title: 'Ganztägig' }),
      beginn: uhrzeit('Beginn').optional(),
      ende: uhrzeit('Ende').optional(),
      ende_datum: datum('Enddatum', 'Nur bei mehrtägigen Terminen.').optional(),
      wiederholung: z
        .object({
          regel: rrule(),
          ausnahmen: z
            .array(datum('Ausnahme'))
            .default([])
            .meta({ title: 'Ausnahmen (EXDATE)', description: 'An diesen Tagen findet die Serie planmäßig nicht statt, z. B. Ferien.' }),
          zusatztermine: z
            .array(datum('Zusatztermin'))
            .default([])
            .meta({ title: 'Zusätzliche Termine (RDATE)', description: 'Weitere Tage zur selben Uhrzeit.' }),
        })
        .optional()
        .meta({ title: 'Wiederholung' }),
      ausfaelle: z
        .array(
          z.object({
            datum: datum('Datum des Ausfalls'),
            grund: text('Grund', 'z. B. „Krankheit“ – wird auf der Seite gezeigt', 200),
          }),
        )
        .default([])
        .meta({ title: 'Einzelne Termine fallen aus', description: 'Der Termin bleibt sichtbar, durchgestrichen mit Grund.' }),
      abgesagt: z.boolean().default(false).meta({ title: 'Abgesagt', description: 'Der ganze Termin bzw. die ganze Serie fällt aus.' }),
      absage_grund: text('Grund der Absage', undefined, 200).optional(),
      treff: verweis('treffs', ids, 'Treff', 'Wo findet es statt? Leer lassen, wenn an einem eigenen Ort.').optional(),
      ort: ort().optional(),
      quartier: verweis('quartiere', ids, 'Quartier'),
      veranstalter: verweis('akteure', ids, 'Veranstalter').optional(),
      kategorie: auswahl(KATEGORIE_WERTE, KATEGORIEN, 'Kategorie'),
      zielgruppen: mehrfachauswahl(ZIELGRUPPEN_WERTE, ZIELGRUPPEN, 'Für wen?'),
      sprachen: mehrfachauswahl(SPRACHEN_WERTE, SPRACHEN, 'Sprachen'),
      kosten: kosten(),
      stufenlos: jaNeinUnbekannt('Ort stufenlos erreichbar'),
      anmeldung: anmeldung(),
      bild: bild(image).optional(),
      zusammenfassung: zusammenfassungen(),
      beispiel: beispiel(),
      frueher: fruehereAdressen(),
    })
    .strict()
    .superRefine((t, ctx) => {
      if (!t.ganztaegig && !t.beginn)
        ctx.addIssue({ code: 'custom', path: ['beginn'], message: 'Bitte eine Anfangszeit angeben oder „Ganztägig“ ankreuzen.' });
      if (t.ende_datum && t.ende_datum < t.datum)
        ctx.addIssue({ code: 'custom', path: ['ende_datum'], message: 'Das Enddatum liegt vor dem Datum. Bitte korrigieren.' });
      const gleicherTag = !t.ende_datum || t.ende_datum === t.datum;
      if (!t.ganztaegig && t.beginn && t.ende && gleicherTag && t.ende <= t.beginn)
        ctx.addIssue({ code: 'custom', path: ['ende'], message: `Das Ende (${t.ende}) liegt vor dem Beginn (${t.beginn}). Bitte korrigieren.` });
      if (t.abgesagt && !t.absage_grund)
        ctx.addIssue({ code: 'custom', path: ['absage_grund'], message: 'Bei einer Absage bitte kurz den Grund angeben.' });
      if (t.treff && t.ort)
        ctx.addIssue({ code: 'custom', path: ['ort'], message: 'Entweder einen Treff wählen oder einen eigenen Ort angeben, nicht beides.' });
      // The checks below need a readable rule; an unreadable one is already reported on its field.
      if (t.wiederholung && rruleFehler(t.wiederholung.regel)) return;
      if (t.wiederholung && !startPasstZurRegel(t.datum, t.wiederholung.regel, t.beginn))
        ctx.addIssue({
          code: 'custom',
          path: ['datum'],
          message: `Der erste Termin (${formatDatumLang(t.datum)}) passt nicht zur Wiederholung – z. B. Wochentag in der Regel ein anderer? Bitte Datum oder Regel anpassen.`,
        });
      for (const [i, a] of t.ausfaelle.entries()) {
        if (a.datum < t.datum) {
          ctx.addIssue({ code: 'custom', path: ['ausfaelle', i, 'datum'], message: 'Dieser Ausfall liegt vor dem ersten Termin.' });
          continue;
        }
        // A cancelled date must be a real date of the series, or it would silently do nothing.
        const tag = expandOccurrences(t, 'pruefung', berlinWallToInstant(a.datum), berlinWallToInstant(addDays(a.datum, 1)));
        if (!tag.some((o) => o.datum === a.datum))
          ctx.addIssue({
            code: 'custom',
            path: ['ausfaelle', i, 'datum'],
            message: `Am ${formatDatumLang(a.datum)} findet dieser Termin gar nicht statt – Datum vertippt?`,
          });
      }
    });

export const seiteSchema = () =>
  z
    .object({
      titel: text('Titel', undefined, 100),
      beschreibung: text('Beschreibung für Suchmaschinen', 'Ein Satz, was auf der Seite steht.', 200),
      im_footer: z.boolean().default(false).meta({ title: 'Im Fußbereich verlinken' }),
      reihenfolge: z.number().int().default(100).meta({ title: 'Reihenfolge' }),
    })
    .strict();

export type Quartier = z.output<ReturnType<typeof quartierSchema>>;
export type Akteur = z.output<ReturnType<typeof akteurSchema>>;
export type Kontakt = z.output<ReturnType<typeof kontaktSchema>>;
export type Treff = z.output<ReturnType<typeof treffSchema>>;
export type Angebot = z.output<ReturnType<typeof angebotSchema>>;
export type Termin = z.output<ReturnType<typeof terminSchema>>;
export type Seite = z.output<ReturnType<typeof seiteSchema>>;
