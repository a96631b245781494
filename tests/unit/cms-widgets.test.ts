/**
 * The editor's opening-hours and recurrence widgets must not change what a QE did not touch:
 * for every value in content/ (and the test fixtures) syntax → form → syntax gives a value that
 * the schema accepts and that means the same – the same opening intervals over a year with all
 * NRW holidays, the same dates from the site's own recurrence engine. Values the form cannot
 * show stay in the expert field exactly as written.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { oeffnungszeitenFehler, rruleFehler } from '../../src/schema/fields';
import { oeffnungsIntervalle } from '../../src/lib/opening-hours';
import { expandOccurrences, type TerminLike } from '../../src/lib/recurrence';
import { berlinWallToInstant } from '../../src/lib/time';
import {
  formularZuText,
  leeresFormular,
  textZuFormular,
  type OeffnungszeitenForm,
} from '../../src/cms/widgets/opening-hours-form';
import { alsDatum, formZuWert, leereForm, regelAusForm, wertZuForm, type WiederholungsWert } from '../../src/cms/widgets/recurrence-form';

const WURZEL = join(import.meta.dirname, '..', '..');

function dateien(ordner: string): string[] {
  if (!existsSync(ordner)) return [];
  return readdirSync(ordner).flatMap((f) => {
    const pfad = join(ordner, f);
    return statSync(pfad).isDirectory() ? dateien(pfad) : /\.md$/.test(f) ? [pfad] : [];
  });
}

function frontMatter(datei: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(datei, 'utf8'));
  return (m ? parseYaml(m[1]) : {}) ?? {};
}

/** Every Markdown entry of a collection in content/ and in the test fixtures. */
function eintraege(sammlung: string) {
  const liste = [
    ...dateien(join(WURZEL, 'content', sammlung)),
    ...dateien(join(WURZEL, 'tests', 'fixtures')).filter((d) => d.includes(`/${sammlung}/`)),
  ];
  return liste.map((datei) => ({ datei: relative(WURZEL, datei), daten: frontMatter(datei) }));
}

const oeffnungszeitenWerte = [
  ...eintraege('treffs').map((e) => ({ ort: e.datei, wert: e.daten.oeffnungszeiten })),
  ...eintraege('angebote').map((e) => ({ ort: e.datei, wert: e.daten.zeiten })),
].filter((w): w is { ort: string; wert: string } => typeof w.wert === 'string');

const serien = eintraege('termine').filter((e) => e.daten.wiederholung);

// --- opening hours -------------------------------------------------------------------------

const JAHR_VON = berlinWallToInstant('2026-12-01');
const JAHR_BIS = berlinWallToInstant('2027-12-01');

/** The opening periods of a value over a year with all NRW holidays, as comparable text. */
const intervalle = (oh: string) => oeffnungsIntervalle(oh, JAHR_VON, JAHR_BIS).map((i) => `${i.start.toISOString()}–${i.ende.toISOString()} ${i.kommentar ?? ''}`);

function pruefeRundreise(wert: string): { darstellbar: boolean; zurueck: string } {
  const form = textZuFormular(wert);
  if (!form) return { darstellbar: false, zurueck: wert };
  const zurueck = formularZuText(form);
  expect(oeffnungszeitenFehler(zurueck), `„${zurueck}“ (aus „${wert}“)`).toBeNull();
  expect(intervalle(zurueck), `„${wert}“ → „${zurueck}“`).toEqual(intervalle(wert));
  // The form of the written value is the same form: editing again changes nothing.
  expect(textZuFormular(zurueck)).toEqual(form);
  return { darstellbar: true, zurueck };
}

describe('Öffnungszeiten-Widget: Text → Formular → Text', () => {
  it('es gibt Werte zum Prüfen', () => {
    expect(oeffnungszeitenWerte.length).toBeGreaterThan(0);
  });

  it.each(oeffnungszeitenWerte.map((w) => [w.ort, w.wert]))('%s: „%s“ bleibt gleichbedeutend', (_ort, wert) => {
    expect(oeffnungszeitenFehler(wert)).toBeNull();
    pruefeRundreise(wert);
  });

  it('die meisten Werte aus content/ lassen sich in der Tabelle bearbeiten', () => {
    const darstellbar = oeffnungszeitenWerte.filter((w) => textZuFormular(w.wert)).length;
    expect(darstellbar / oeffnungszeitenWerte.length).toBeGreaterThanOrEqual(0.75);
  });

  it.each([
    ['Tu 14:00-18:00; Th 09:00-12:00; PH off', 'Tu 14:00-18:00; Th 09:00-12:00; PH off'],
    ['Mo-Fr 09:00-12:00,14:00-16:00; We off; PH off', 'Mo,Tu,Th,Fr 09:00-12:00,14:00-16:00; PH off'],
    ['Mo-Fr 09:00-17:00; We 09:00-12:00', 'Mo,Tu,Th,Fr 09:00-17:00; We 09:00-12:00'],
    ['Fr 20:00-02:00', 'Fr 20:00-02:00'],
    ['We "nur nach Vereinbarung"', 'We "nur nach Vereinbarung"'],
    ['Mo 10:00-12:00 open "mit Kinderbetreuung"; PH off', 'Mo 10:00-12:00 open "mit Kinderbetreuung"; PH off'],
    ['Sa-Mo 10:00-12:00', 'Mo,Sa,Su 10:00-12:00'],
    ['Mo,We,Fr 10:00-12:00; Tu,Th 10:00-12:00', 'Mo-Fr 10:00-12:00'],
  ])('„%s“ → „%s“', (wert, erwartet) => {
    expect(pruefeRundreise(wert).zurueck).toBe(erwartet);
  });

  it.each(['Mo-Fr 09:00-17:00; SH off', 'Mo-Su 00:00-24:00', 'PH off; Mo 10:00-12:00', 'Jan-Jun Mo 10:00-12:00', 'Mo 10:00-12:00, We 14:00-16:00', 'Mo 10:00-12:00 "ohne open"'])(
    '„%s“ ist zu speziell für die Tabelle und bleibt im Expertenfeld unverändert',
    (wert) => {
      expect(textZuFormular(wert)).toBeNull();
    },
  );

  it('eine Woche aus dem Formular: gleiche Zeiten werden zusammengefasst, Feiertage zuletzt', () => {
    const form: OeffnungszeitenForm = leeresFormular();
    form.tage.Mo = { zeiten: [{ von: '09:00', bis: '12:00' }] };
    form.tage.Tu = { zeiten: [{ von: '09:00', bis: '12:00' }] };
    form.tage.We = { zeiten: [{ von: '14:00', bis: '18:00' }, { von: '09:00', bis: '12:00' }] };
    form.tage.Th = { zeiten: [{ von: '09:00', bis: '12:00' }] };
    form.tage.Fr = { zeiten: [{ von: '10:00', bis: '' }] }; // half typed: left out
    form.tage.Sa = { zeiten: [], kommentar: 'nur nach Vereinbarung' };
    expect(formularZuText(form)).toBe('Mo,Tu,Th 09:00-12:00; We 09:00-12:00,14:00-18:00; Sa "nur nach Vereinbarung"; PH off');
    expect(oeffnungszeitenFehler(formularZuText(form))).toBeNull();
  });
});

// --- recurrence ----------------------------------------------------------------------------

const VON = berlinWallToInstant('2026-01-01');
const BIS = berlinWallToInstant('2029-01-01');

/** The dates the site would show (rule + extra dates − exceptions), by the site's own engine. */
function daten(termin: Record<string, unknown>, wiederholung: WiederholungsWert | undefined): string[] {
  const t = {
    datum: alsDatum(termin.datum),
    beginn: termin.beginn as string | undefined,
    ende: termin.ende as string | undefined,
    ganztaegig: termin.ganztaegig === true,
    ...(wiederholung
      ? {
          wiederholung: {
            regel: wiederholung.regel,
            ausnahmen: (wiederholung.ausnahmen ?? []).map(alsDatum),
            zusatztermine: (wiederholung.zusatztermine ?? []).map(alsDatum),
          },
        }
      : {}),
  } as TerminLike;
  return expandOccurrences(t, 'test', VON, BIS).map((o) => o.key);
}

const normiert = (w: WiederholungsWert | undefined) =>
  w && { regel: w.regel, ausnahmen: (w.ausnahmen ?? []).map(alsDatum), zusatztermine: (w.zusatztermine ?? []).map(alsDatum) };

describe('Wiederholungs-Widget: Regel → Formular → Regel', () => {
  it('es gibt Serien zum Prüfen', () => {
    expect(serien.length).toBeGreaterThan(0);
  });

  it.each(serien.map((s) => [s.datei, s.daten]))('%s: gleiche Termine wie vorher', (_datei, termin) => {
    const wert = termin.wiederholung as WiederholungsWert;
    const datum = alsDatum(termin.datum);
    const form = wertZuForm(wert, datum);
    const zurueck = formZuWert(form)!;
    expect(rruleFehler(zurueck.regel)).toBeNull();
    expect(daten(termin, zurueck)).toEqual(daten(termin, wert));
    expect({ ...normiert(zurueck), regel: undefined }).toEqual({ ...normiert(wert), regel: undefined });
    if (form.art === 'experte') expect(zurueck.regel).toBe(wert.regel.trim());
    // Opening the written value again gives the same form.
    expect(wertZuForm(zurueck, datum)).toEqual(form);
  });

  it('alle Serien in content/ lassen sich mit den einfachen Auswahlfeldern bearbeiten', () => {
    const experte = serien.filter((s) => wertZuForm(s.daten.wiederholung as WiederholungsWert, alsDatum(s.daten.datum)).art === 'experte');
    expect(experte.map((s) => `${s.datei}: ${(s.daten.wiederholung as WiederholungsWert).regel}`)).toEqual([]);
  });

  it.each([
    ['FREQ=WEEKLY;BYDAY=TU', 'woechentlich', 'FREQ=WEEKLY;BYDAY=TU'],
    ['RRULE:FREQ=WEEKLY;BYDAY=WE,MO', 'woechentlich', 'FREQ=WEEKLY;BYDAY=MO,WE'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=10', 'zweiwoechentlich', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=10'],
    ['FREQ=WEEKLY;BYDAY=TH;INTERVAL=2;UNTIL=20270630', 'zweiwoechentlich', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20270630'],
    ['FREQ=MONTHLY;BYDAY=2WE', 'monatlich', 'FREQ=MONTHLY;BYDAY=2WE'],
    ['FREQ=MONTHLY;BYDAY=WE;BYSETPOS=2;UNTIL=20271231', 'monatlich', 'FREQ=MONTHLY;BYDAY=2WE;UNTIL=20271231'],
    ['FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270630', 'monatlich', 'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270630'],
    ['FREQ=DAILY;COUNT=5', 'experte', 'FREQ=DAILY;COUNT=5'],
    ['FREQ=MONTHLY;BYMONTHDAY=15', 'experte', 'FREQ=MONTHLY;BYMONTHDAY=15'],
    ['FREQ=WEEKLY;INTERVAL=3;BYDAY=MO', 'experte', 'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO'],
    ['FREQ=WEEKLY;BYDAY=WE;UNTIL=20270630T215959Z', 'experte', 'FREQ=WEEKLY;BYDAY=WE;UNTIL=20270630T215959Z'],
  ])('„%s“ → %s → „%s“', (regel, art, erwartet) => {
    const termin = { datum: '2027-01-13', beginn: '10:00' };
    const form = wertZuForm({ regel, ausnahmen: ['2027-02-10'], zusatztermine: ['2027-02-11'] }, termin.datum);
    expect(form.art).toBe(art);
    const zurueck = formZuWert(form)!;
    expect(zurueck.regel).toBe(erwartet);
    expect(zurueck.ausnahmen).toEqual(['2027-02-10']);
    expect(daten(termin, zurueck)).toEqual(daten(termin, { regel, ausnahmen: ['2027-02-10'], zusatztermine: ['2027-02-11'] }));
  });

  it('ein wöchentlicher Termin mit Ende und einer Ausnahme aus den Auswahlfeldern', () => {
    const form = { ...leereForm('2027-01-12'), art: 'woechentlich' as const, ende: 'datum' as const, bis: '2027-06-29', ausnahmen: ['2027-03-30'] };
    expect(form.wochentage).toEqual(['TU']);
    expect(formZuWert(form)).toEqual({ regel: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270629', ausnahmen: ['2027-03-30'], zusatztermine: [] });
  });

  it('„jeden 2. Mittwoch im Monat“ schlägt den Wochentag des ersten Termins vor', () => {
    const form = { ...leereForm('2027-01-13'), art: 'monatlich' as const, ende: 'anzahl' as const, anzahl: 10 };
    expect(regelAusForm(form)).toBe('FREQ=MONTHLY;BYDAY=2WE;COUNT=10');
  });

  it('„einmalig“ schreibt keine Wiederholung', () => {
    expect(formZuWert(leereForm('2027-01-13'))).toBeUndefined();
    expect(wertZuForm(undefined, '2027-01-13').art).toBe('einmalig');
  });
});
