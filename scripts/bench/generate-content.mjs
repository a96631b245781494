#!/usr/bin/env node
// Synthetic, schema-valid content for the benchmark (`npm run bench`), deterministic from a seed.
// Scale k: always 12 Quartiere; 100k Treffs, 500k Angebote, 5,000k Termine (1,000k of them series
// with exceptions, extra dates and cancelled dates), the Akteure and Kontakte they refer to, and
// the Seiten of content/seiten (the layout links them).
//
// Usage: node scripts/bench/generate-content.mjs --out bench/tmp/inhalt-1x [--scale 1] [--seed 1]
//        [--heute 2026-11-25]
// `--heute` must be the day of the build's QP_JETZT: dates are spread around it.
//
// Validity, rule by rule (src/schema/): references only to ids written here; opening hours from a
// list of values the schema accepts without warnings; a series' first date is the first date of
// its rule; EXDATEs and cancelled dates are real dates of the series (and never the same day);
// Krefeld postcodes 47798–47839 and coordinates inside the Krefeld box.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../zufall.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

// --- deterministic randomness -------------------------------------------------------------

/** Draws from mulberry32 (scripts/zufall.mjs), good enough to spread synthetic data. */
function zufall(seed) {
  const next = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (liste) => liste[Math.floor(next() * liste.length)];
  const chance = (p) => next() < p;
  const some = (liste, lo, hi) => {
    const n = Math.min(liste.length, int(lo, hi));
    const kopie = [...liste];
    const aus = [];
    while (aus.length < n) aus.push(kopie.splice(Math.floor(next() * kopie.length), 1)[0]);
    return aus;
  };
  return { next, int, pick, chance, some };
}

// --- calendar dates (plain YYYY-MM-DD, UTC arithmetic) ------------------------------------

const alsDatum = (s) => new Date(`${s}T00:00:00Z`);
const text = (d) => d.toISOString().slice(0, 10);
const plusTage = (s, n) => text(new Date(alsDatum(s).getTime() + n * 86_400_000));
/** 0 = Monday … 6 = Sunday */
const wochentag = (s) => (alsDatum(s).getUTCDay() + 6) % 7;
const WT = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The `n`-th (1–4, or −1 = last) weekday `wt` of a month; null if it does not exist. */
function nterWochentag(jahr, monat0, wt, n) {
  if (n > 0) {
    const erster = text(new Date(Date.UTC(jahr, monat0, 1)));
    const d = plusTage(erster, ((wt - wochentag(erster) + 7) % 7) + (n - 1) * 7);
    return alsDatum(d).getUTCMonth() === alsDatum(erster).getUTCMonth() ? d : null;
  }
  const letzter = text(new Date(Date.UTC(jahr, monat0 + 1, 0)));
  return plusTage(letzter, -((wochentag(letzter) - wt + 7) % 7));
}

// --- vocabulary -----------------------------------------------------------------------------

/** 12 Quartiere like the real ones, with a centre inside Krefeld and a postcode. */
const QUARTIERE = [
  ['bleichpfad', 'Bleichpfad', 'mitte', 51.337, 6.573, '47799'],
  ['diessem', 'Dießem', 'mitte', 51.328, 6.582, '47805'],
  ['hardenbergviertel', 'Hardenbergviertel', 'ost', 51.341, 6.593, '47807'],
  ['innerhalb-der-vier-waelle', 'Innerhalb der vier Wälle', 'mitte', 51.333, 6.563, '47798'],
  ['inrath', 'Inrath', 'nord', 51.354, 6.555, '47803'],
  ['josefsviertel', 'Josefsviertel', 'mitte', 51.327, 6.567, '47798'],
  ['lehmheide', 'Lehmheide', 'ost', 51.346, 6.605, '47805'],
  ['samtweberviertel', 'Samtweberviertel', 'west', 51.331, 6.548, '47799'],
  ['schinkenplatz', 'Schinkenplatz', 'sued', 51.318, 6.566, '47804'],
  ['stadtgarten', 'Stadtgarten', 'mitte', 51.338, 6.556, '47798'],
  ['stahldorf', 'Stahldorf', 'sued', 51.311, 6.585, '47809'],
  ['stephansplatz', 'Stephansplatz', 'mitte', 51.33, 6.575, '47798'],
];
const PLZ = Array.from({ length: 42 }, (_, i) => String(47798 + i));
const STRASSEN = [
  'Alte Linner Straße', 'Dießemer Straße', 'Bleichpfad', 'Lutherstraße', 'Remscheider Straße', 'Westwall', 'Ostwall',
  'Hülser Straße', 'Kölner Straße', 'Uerdinger Straße', 'Gladbacher Straße', 'Inrather Straße', 'Marktstraße',
  'Schinkenplatz', 'Stephanstraße', 'Blücherstraße', 'Mariannenstraße', 'Oelschlägerstraße', 'Hardenbergstraße',
  'Lewerentzstraße', 'Neue Linner Straße', 'Philadelphiastraße', 'Dreikönigenstraße', 'Sankt-Anton-Straße',
];
const TREFF_ARTEN = ['Quartierstreff', 'Nachbarschaftstreff', 'Quartiersbüro', 'Begegnungsstätte', 'Stadtteilcafé', 'Familienzentrum', 'Jugendtreff'];
const TREFF_ZEITEN = [
  'Mo 14:00-17:00; We 14:00-18:00',
  'Mo,We 09:00-12:00; Tu,Th 09:00-12:00,14:00-17:00',
  'Mo,We 10:00-13:00,15:00-18:00; Fr 10:00-13:00',
  'Mo,We 10:00-16:00; Th 14:00-18:00',
  'Mo-Fr 08:00-14:00',
  'Mo-Fr 09:00-18:00',
  'Mo-Th 09:00-12:00,14:00-17:00; Fr 09:00-13:00; PH off',
  'Mo-Th 09:00-18:00; Fr 09:00-15:00; PH off',
  'Tu 09:30-11:00,14:00-18:00; We,Th 14:00-18:00',
  'Tu 14:00-18:00; Th 09:00-12:00; PH off',
  'Tu,Fr 17:00-20:00; We 15:00-19:00; PH off',
  'Tu,Th 14:30-17:30',
  'We 15:00-17:00; Th 10:00-12:00',
  'We 16:00-19:00; Sa 11:00-16:00',
  'Mo 09:00-12:00; Tu 14:00-17:00; We "nur nach Vereinbarung"',
  'Mo 10:00-12:00; Tu 14:00-18:00; PH off',
];
const ANGEBOT_ZEITEN = [
  'Apr-Oct Sa 10:00-12:00', 'Fr 10:00-11:30', 'Fr 16:00-18:00', 'Fr[-1] 19:00-21:30', 'Fr[1] 10:00-12:00', 'Mo 09:00-12:00',
  'Mo 09:00-12:00; PH off', 'Mo 14:00-16:00', 'Mo,We 09:00-11:15; PH off', 'Mo,We 09:30-11:30', 'Mo-Fr 08:00-10:00',
  'Mo-Th 14:30-16:30; PH off', 'Sa[1] 11:00-14:00', 'Sa[3] 10:00-12:00', 'Th 09:30-11:30; PH off', 'Th 14:30-16:30',
  'Th 16:00-19:00', 'Tu 09:00-11:00', 'Tu 10:00-13:00; Th 14:00-17:00; PH off', 'Tu 14:00-16:00; PH off',
  'Tu,Fr 17:00-20:00; PH off', 'Tu,Th 14:00-16:00; PH off', 'Tu,Th,Fr 13:00-18:00; Sa 10:00-14:00', 'We 10:00-12:00; PH off',
  'We 15:00-17:00', 'We 16:00-19:00; Sa 11:00-16:00', 'We[1] 14:00-16:00', 'We[2] 15:00-17:00',
];
const KATEGORIEN = [
  'beratung', 'sprechstunde', 'begegnung', 'kinder-familie', 'jugend', 'senioren', 'sprache-bildung', 'gesundheit-bewegung',
  'kultur', 'hilfe-alltag', 'umwelt-quartier', 'netzwerk',
];
const ZIELGRUPPEN = [
  'alle', 'kinder', 'jugendliche', 'eltern', 'frauen', 'maenner', 'senioren', 'zugewanderte', 'arbeitsuchende',
  'menschen-mit-behinderung', 'ehrenamtliche', 'fachkraefte',
];
const SPRACHEN = ['de', 'de-leicht', 'en', 'tr', 'ar', 'uk', 'ru', 'pl', 'bg', 'ro', 'fa', 'ku', 'fr', 'es', 'it', 'el', 'sq', 'ti', 'dgs'];
const JNU = ['ja', 'nein', 'unbekannt'];
const AKTEUR_TYPEN = [
  'traeger', 'kirchengemeinde', 'buergerverein', 'schule', 'kita', 'jugendeinrichtung', 'senioreneinrichtung', 'beratungsstelle',
  'wohnungsunternehmen', 'verein', 'kultur', 'sport', 'verwaltung', 'sonstige',
];
const AKTEUR_NAMEN = ['Nachbarschaftsverein', 'Bürgerverein', 'Kirchengemeinde', 'Familienzentrum', 'Beratungsstelle', 'Kulturverein', 'Sportverein', 'Jugendhilfe', 'Seniorenhilfe', 'Werkstatt'];
const ANGEBOT_TITEL = {
  beratung: ['Sozialberatung', 'Mieterberatung', 'Schuldnerberatung', 'Hilfe bei Anträgen'],
  sprechstunde: ['Sprechstunde der Quartiershelfer*innen', 'Offene Sprechstunde'],
  begegnung: ['Nachbarschaftscafé', 'Frauencafé', 'Offener Treff', 'Frühstück für alle'],
  'kinder-familie': ['Eltern-Kind-Gruppe', 'Elterncafé', 'Spielgruppe', 'Vorlesen für Kinder'],
  jugend: ['Offener Abend für Jugendliche', 'Straßenfußball', 'Boxkurs'],
  senioren: ['Seniorennachmittag', 'Handy-Hilfe für Ältere', 'Gedächtnistraining'],
  'sprache-bildung': ['Deutschkurs', 'Sprachcafé', 'Hausaufgabenhilfe', 'Lernhilfe'],
  'gesundheit-bewegung': ['Gymnastik', 'Bewegung für Frauen', 'Spaziergang im Quartier'],
  kultur: ['Nachbarschaftskino', 'Handarbeitsnachmittag', 'Theatergruppe'],
  'hilfe-alltag': ['Repair-Café', 'Bewerbungstraining', 'Büchertausch'],
  'umwelt-quartier': ['Hochbeete', 'Aufräumaktion', 'Gartentreff'],
  netzwerk: ['Arbeitskreis', 'Austausch der Ehrenamtlichen'],
};
const TERMIN_TITEL = {
  ...ANGEBOT_TITEL,
  kultur: ['Nachbarschaftskonzert', 'Quartiersfest', 'Lesung', 'Laternenumzug', 'Sommerfest'],
  netzwerk: ['Sozialraumkonferenz', 'Netzwerktreffen', 'Runder Tisch'],
};
const WOERTER = (
  'Nachbarschaft Quartier Treff Kaffee Tee Gespräch Kinder Eltern Familie Hilfe Beratung Anmeldung kostenlos Raum Garten ' +
  'Küche Spiele Sprache Deutsch Schule Verein Stadt Krefeld Woche Nachmittag Abend Morgen Gruppe Ehrenamt Idee Fest ' +
  'Musik Essen Brot Platz Straße Haus Erdgeschoss Eingang Aufzug Bus Haltestelle Menschen Alltag Fragen Antworten ' +
  'Formular Amt Brief Wohnung Miete Arbeit Ausbildung Gesundheit Bewegung Natur Fahrrad Werkstatt Handy Computer'
).split(' ');
const FAELLT_AUS = ['Krankheit', 'Fortbildung des Teams', 'Feiertag', 'Raum belegt', 'Wasserschaden im Treff'];

function satz(r) {
  const n = r.int(6, 14);
  const w = Array.from({ length: n }, () => r.pick(WOERTER).toLowerCase());
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return `${w.join(' ')}.`;
}
/** Markdown body: a few paragraphs of 2–6 sentences; now and then a list or a link. */
function textkoerper(r, absaetze) {
  const teile = [];
  for (let i = 0; i < absaetze; i++) teile.push(Array.from({ length: r.int(2, 6) }, () => satz(r)).join(' '));
  if (r.chance(0.3)) teile.push(['- Kaffee und Tee', '- Spiele für Kinder', '- Hilfe beim Ausfüllen'].join('\n'));
  if (r.chance(0.2)) teile.push('Mehr dazu bei der [Stadt Krefeld](https://www.krefeld.de/).');
  return teile.join('\n\n');
}

// --- writing files --------------------------------------------------------------------------

/** Front matter as YAML: strings and lists as JSON (valid YAML), dates bare, objects nested. */
function yamlWert(wert, einzug) {
  if (wert instanceof Datum) return wert.s;
  if (Array.isArray(wert)) {
    if (wert.every((w) => typeof w !== 'object' || w instanceof Datum)) return `[${wert.map((w) => yamlWert(w, einzug)).join(', ')}]`;
    return `\n${wert.map((w) => `${einzug}- ${yamlObjekt(w, `${einzug}  `).trimStart()}`).join('\n')}`;
  }
  if (wert && typeof wert === 'object') return `\n${yamlObjekt(wert, `${einzug}  `)}`;
  return JSON.stringify(wert);
}
function yamlObjekt(obj, einzug = '') {
  return Object.entries(obj)
    .filter(([, w]) => w !== undefined)
    .map(([k, w]) => `${einzug}${k}: ${yamlWert(w, einzug)}`)
    .join('\n');
}
/** A calendar date written bare (YYYY-MM-DD), as editors and the CMS write it. */
class Datum {
  constructor(s) {
    this.s = s;
  }
}
const D = (s) => new Datum(s);

// --- the generator --------------------------------------------------------------------------

/**
 * Writes the content folder `out` (emptied first) and returns the counts.
 * @param {{ out: string, scale?: number, seed?: number, heute?: string, seitenQuelle?: string }} o
 */
export function generateContent({ out, scale = 1, seed = 1, heute = '2026-11-25', seitenQuelle = join(ROOT, 'content/seiten') }) {
  const r = zufall(seed * 7919 + scale);
  const anzahl = { treffs: 100 * scale, angebote: 500 * scale, termine: 5000 * scale, serien: 1000 * scale };
  rmSync(out, { recursive: true, force: true });
  for (const s of ['quartiere', 'akteure', 'kontakte', 'treffs', 'angebote', 'termine', 'seiten']) mkdirSync(join(out, s), { recursive: true });
  const md = (sammlung, id, daten, body) => writeFileSync(join(out, sammlung, `${id}.md`), `---\n${yamlObjekt(daten)}\n---\n${body}\n`);
  const yml = (sammlung, id, daten) => writeFileSync(join(out, sammlung, `${id}.yaml`), `${yamlObjekt(daten)}\n`);
  const telefon = () => `02151 ${r.int(100, 999)}-${r.int(10, 999)}`;
  const neben = (lat, lon, streu = 0.012) => ({
    lat: Math.round((lat + (r.next() - 0.5) * streu) * 10000) / 10000,
    lon: Math.round((lon + (r.next() - 0.5) * streu) * 10000) / 10000,
  });
  const adresse = (plz) => ({ strasse: r.pick(STRASSEN), hausnummer: String(r.int(1, 180)), plz: plz ?? r.pick(PLZ) });
  const geprueft = () => D(plusTage(heute, -r.int(5, 400)));

  // Kontakte of the Quartiersentwicklung and the coordination office.
  const qe = ['qe-mitte', 'qe-nord', 'qe-ost', 'qe-sued'];
  yml('kontakte', 'koordinierungsstelle', { rolle: 'koordinierungsstelle', bezeichnung: 'Koordinierungsstelle Gemeinwesenarbeit', telefon: telefon(), email: 'gemeinwesenarbeit@example.org', beispiel: true });
  qe.forEach((id, i) =>
    yml('kontakte', id, {
      rolle: 'quartiersentwicklung',
      bezeichnung: `Quartiersentwicklung ${['Mitte', 'Nord', 'Ost', 'Süd'][i]}`,
      quartiere: QUARTIERE.filter((_, j) => j % 4 === i).map((q) => q[0]),
      telefon: telefon(),
      email: `${id}@example.org`,
      sprechzeiten: 'Di 14–18 Uhr im Quartiersbüro',
      beispiel: true,
    }),
  );

  QUARTIERE.forEach(([id, name, bezirk, lat, lon], i) =>
    md(
      'quartiere',
      id,
      {
        name,
        stadtbezirk: bezirk,
        kurzbeschreibung: `${name} ist ein Quartier in Krefeld. Hier gibt es Treffs, Beratung und Angebote für alle.`,
        zentrum: { lat, lon, ungefaehr: true },
        quartiersentwicklung: qe[i % 4],
        sozialraumkonferenz: i % 2 === 0 ? { datum: D(plusTage(heute, 30 + i * 7)), ort: `Quartierstreff ${name}`, text: 'Alle Vereine und Einrichtungen sind eingeladen.' } : undefined,
        beispiel: true,
      },
      textkoerper(r, 3),
    ),
  );

  // Akteure: 30 per scale step, each active in 1–3 Quartiere.
  const akteure = [];
  for (let i = 1; i <= 30 * scale; i++) {
    const id = `akteur-${String(i).padStart(4, '0')}`;
    const q = r.some(QUARTIERE, 1, 3).map((x) => x[0]);
    yml('akteure', id, {
      name: `${r.pick(AKTEUR_NAMEN)} ${QUARTIERE.find((x) => x[0] === q[0])[1]} ${i}`,
      typ: i <= 10 * scale ? 'traeger' : r.pick(AKTEUR_TYPEN),
      quartiere: q,
      webseite: r.chance(0.5) ? `https://verein-${i}.example.org/` : undefined,
      telefon: r.chance(0.7) ? telefon() : undefined,
      email: `kontakt-${i}@example.org`,
      sozialraumkonferenz: r.chance(0.4),
      beschreibung: satz(r),
      beispiel: true,
    });
    akteure.push(id);
  }
  const traeger = akteure.slice(0, 10 * scale);

  // Treffs, each with its own Treffleitung.
  const treffs = [];
  for (let i = 1; i <= anzahl.treffs; i++) {
    const [qid, qname, , lat, lon, plz] = QUARTIERE[i % QUARTIERE.length];
    const art = r.pick(TREFF_ARTEN);
    const id = `${art.toLowerCase().replace(/ä/g, 'ae').replace(/ü/g, 'ue').replace(/é/g, 'e')}-${qid}-${i}`;
    const leitung = `treffleitung-${id}`;
    yml('kontakte', leitung, { rolle: 'treffleitung', bezeichnung: `Treffleitung ${art} ${qname} ${i}`, organisation: r.pick(traeger), quartiere: [qid], telefon: telefon(), email: `${leitung}@example.org`, beispiel: true });
    const geschlossen = r.chance(0.04);
    md(
      'treffs',
      id,
      {
        name: `${art} ${qname} ${i}`,
        quartier: qid,
        traeger: r.pick(traeger),
        adresse: adresse(plz),
        koordinaten: { ...neben(lat, lon), ungefaehr: r.chance(0.5) },
        oeffnungszeiten: r.pick(TREFF_ZEITEN),
        oeffnungszeiten_hinweis: r.chance(0.3) ? 'In den Schulferien eingeschränkt.' : undefined,
        voruebergehend_geschlossen: geschlossen ? { bis: D(plusTage(heute, r.int(3, 40))), grund: 'Renovierung' } : undefined,
        barrierefreiheit: { stufenlos: r.pick(JNU), wc: r.pick(JNU), hoerschleife: r.pick(JNU), hinweis: r.chance(0.3) ? 'Der Eingang ist auf der Hofseite.' : undefined },
        sprachen: ['de', ...r.some(SPRACHEN.slice(1), 0, 5)],
        oepnv: `Haltestelle ${r.pick(STRASSEN)}, ${r.int(1, 9)} Minuten zu Fuß`,
        treffleitung: leitung,
        telefon: telefon(),
        email: `${id}@example.org`,
        zuletzt_geprueft: geprueft(),
        oeffnungszeiten_geprueft: r.chance(0.7) ? geprueft() : undefined,
        beispiel: true,
      },
      textkoerper(r, r.int(2, 6)),
    );
    treffs.push({ id, qid, leitung });
  }

  // Angebote: 90 % in a Treff, the rest at a place of their own.
  for (let i = 1; i <= anzahl.angebote; i++) {
    const kategorie = r.pick(KATEGORIEN);
    const titel = r.pick(ANGEBOT_TITEL[kategorie]);
    const treff = r.chance(0.9) ? r.pick(treffs) : undefined;
    const [qid, qname, , lat, lon, plz] = treff ? QUARTIERE.find((q) => q[0] === treff.qid) : r.pick(QUARTIERE);
    const nachVereinbarung = r.chance(0.08);
    const kostenlos = r.chance(0.8);
    const anmeldung = r.chance(0.3);
    md(
      'angebote',
      `angebot-${String(i).padStart(5, '0')}`,
      {
        titel: `${titel} ${qname} ${i}`,
        kategorie,
        treff: treff?.id,
        ort: treff ? undefined : { name: `Platz an der ${r.pick(STRASSEN)}`, adresse: adresse(plz), koordinaten: neben(lat, lon) },
        quartiere: [qid, ...(r.chance(0.2) ? [r.pick(QUARTIERE)[0]].filter((x) => x !== qid) : [])],
        anbieter: r.chance(0.8) ? r.pick(akteure) : undefined,
        zielgruppen: r.some(ZIELGRUPPEN, 1, 3),
        sprachen: ['de', ...r.some(SPRACHEN.slice(1), 0, 3)],
        zeiten: nachVereinbarung ? undefined : r.pick(ANGEBOT_ZEITEN),
        nach_vereinbarung: nachVereinbarung || undefined,
        zeiten_hinweis: r.chance(0.2) ? 'Nicht in den Schulferien.' : undefined,
        kosten: kostenlos ? { kostenlos: true } : { kostenlos: false, text: `${r.int(1, 5)} € pro Termin, mit KrefeldPass 1 €` },
        anmeldung: anmeldung ? { noetig: true, text: 'Telefonisch im Treff.' } : { noetig: false },
        kontakt: treff && r.chance(0.7) ? treff.leitung : r.chance(0.5) ? r.pick(qe) : undefined,
        zuletzt_geprueft: geprueft(),
        beispiel: true,
      },
      textkoerper(r, r.int(1, 3)),
    );
  }

  // Termine: single dates from 60 days ago to 240 days ahead; series around today.
  for (let i = 1; i <= anzahl.termine; i++) {
    const serie = i <= anzahl.serien;
    const kategorie = r.pick(KATEGORIEN);
    const treff = r.chance(0.85) ? r.pick(treffs) : undefined;
    const [qid, qname, , lat, lon, plz] = treff ? QUARTIERE.find((q) => q[0] === treff.qid) : r.pick(QUARTIERE);
    const ganztaegig = !serie && r.chance(0.05);
    const stunde = r.int(8, 18);
    const beginn = `${String(stunde).padStart(2, '0')}:${r.pick(['00', '15', '30'])}`;
    const ende = r.chance(0.9) ? `${String(stunde + r.int(1, 3)).padStart(2, '0')}:${beginn.slice(3)}` : undefined;
    const daten = {
      titel: `${r.pick(TERMIN_TITEL[kategorie])} ${qname}`,
      datum: undefined,
      ganztaegig: ganztaegig || undefined,
      beginn: ganztaegig ? undefined : beginn,
      ende: ganztaegig ? undefined : ende,
      ende_datum: undefined,
      wiederholung: undefined,
      ausfaelle: undefined,
      abgesagt: undefined,
      absage_grund: undefined,
      treff: treff?.id,
      ort: treff ? undefined : { name: `Platz an der ${r.pick(STRASSEN)}`, adresse: adresse(plz), koordinaten: r.chance(0.7) ? neben(lat, lon) : undefined },
      quartier: qid,
      veranstalter: r.chance(0.8) ? r.pick(akteure) : undefined,
      kategorie,
      zielgruppen: r.some(ZIELGRUPPEN, 1, 3),
      sprachen: ['de', ...r.some(SPRACHEN.slice(1), 0, 3)],
      kosten: r.chance(0.85) ? { kostenlos: true } : { kostenlos: false, text: `${r.int(1, 8)} €` },
      stufenlos: r.pick(JNU),
      anmeldung: r.chance(0.2) ? { noetig: true, text: 'Bitte im Treff anmelden.' } : undefined,
      beispiel: true,
    };
    if (serie) Object.assign(daten, serienDaten(r, heute));
    else {
      const datum = plusTage(heute, r.int(-60, 240));
      daten.datum = D(datum);
      if (ganztaegig && r.chance(0.3)) daten.ende_datum = D(plusTage(datum, r.int(1, 2)));
      if (r.chance(0.02)) Object.assign(daten, { abgesagt: true, absage_grund: 'Leider abgesagt.' });
    }
    md('termine', `termin-${String(i).padStart(6, '0')}`, daten, textkoerper(r, r.int(1, 3)));
  }

  // The Seiten the layout links (Impressum, Datenschutz …), as they are.
  let seiten = 0;
  if (existsSync(seitenQuelle))
    for (const f of readdirSync(seitenQuelle).filter((f) => f.endsWith('.md'))) {
      copyFileSync(join(seitenQuelle, f), join(out, 'seiten', f));
      seiten++;
    }

  return { quartiere: QUARTIERE.length, akteure: akteure.length, kontakte: 5 + treffs.length, ...anzahl, seiten };
}

/**
 * A series: weekly (some every 2 weeks, some on two weekdays) or monthly on the n-th weekday,
 * starting on its first rule date within the last 120 days (or the next 30), ending by UNTIL or
 * COUNT; with 1–3 EXDATEs, sometimes an RDATE, and 1–2 cancelled dates (real dates of the rule).
 */
function serienDaten(r, heute) {
  const art = r.pick(['woche', 'woche', 'woche', 'zweiwochen', 'zweitage', 'monat', 'monat']);
  const wt = r.int(0, 5);
  let start = plusTage(heute, r.int(-120, 30));
  let regel;
  /** The rule's dates from `start` on, at most `max`, up to `bis`. */
  let daten;
  if (art === 'monat') {
    const n = r.pick([1, 2, 3, 4, -1]);
    const s = alsDatum(start);
    const folge = [];
    for (let m = 0; folge.length < 40 && m < 48; m++) {
      const d = nterWochentag(s.getUTCFullYear(), s.getUTCMonth() + m, wt, n);
      if (d && d >= start) folge.push(d);
    }
    regel = `FREQ=MONTHLY;BYDAY=${n}${WT[wt]}`;
    start = folge[0];
    daten = folge;
  } else {
    const tage = art === 'zweitage' ? [wt, Math.min(6, wt + 2)] : [wt];
    const intervall = art === 'zweiwochen' ? 2 : 1;
    // First rule day on or after `start`; biweekly series count weeks from that day.
    while (!tage.includes(wochentag(start))) start = plusTage(start, 1);
    const folge = [];
    for (let d = start; folge.length < 200; d = plusTage(d, 1)) {
      const woche = Math.floor((alsDatum(d) - alsDatum(start)) / (7 * 86_400_000));
      // Weeks from start are the rule's weeks when WKST=MO and start is the series' first weekday.
      if (tage.includes(wochentag(d)) && woche % intervall === 0) folge.push(d);
    }
    regel = `FREQ=WEEKLY;${intervall > 1 ? `INTERVAL=${intervall};` : ''}BYDAY=${tage.map((t) => WT[t]).join(',')}`;
    daten = folge;
  }
  // End: mostly UNTIL (an inclusive date), some COUNT.
  let ende;
  if (r.chance(0.2)) {
    const count = r.int(6, Math.min(30, daten.length));
    regel += `;COUNT=${count}`;
    daten = daten.slice(0, count);
  } else {
    ende = plusTage(heute, r.int(60, 300));
    daten = daten.filter((d) => d <= ende);
    if (daten.length < 3) {
      ende = daten.length ? daten.at(-1) : start;
      daten = daten.length ? daten : [start];
    }
    regel += `;UNTIL=${ende.replace(/-/g, '')}`;
  }
  const spaeter = daten.slice(1);
  const ausnahmen = r.some(spaeter, 1, 3).sort();
  const rest = spaeter.filter((d) => !ausnahmen.includes(d));
  const ausfaelle = r
    .some(rest, 1, 2)
    .sort()
    .map((d) => ({ datum: D(d), grund: r.pick(FAELLT_AUS) }));
  // RDATE: the day after a rule date that is not itself a rule date.
  const zusatz = r.chance(0.25) && daten.length > 1 ? [plusTage(daten[1], 1)].filter((d) => !daten.includes(d)) : [];
  return {
    datum: D(start),
    wiederholung: { regel, ausnahmen: ausnahmen.map(D), zusatztermine: zusatz.length ? zusatz.map(D) : undefined },
    ausfaelle: ausfaelle.length ? ausfaelle : undefined,
  };
}

// --- command line ---------------------------------------------------------------------------

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const out = resolve(opt('out', join(ROOT, 'bench/tmp/inhalt')));
  const t0 = performance.now();
  const zahlen = generateContent({ out, scale: Number(opt('scale', 1)), seed: Number(opt('seed', 1)), heute: opt('heute', '2026-11-25') });
  console.log(`${out}: ${JSON.stringify(zahlen)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
