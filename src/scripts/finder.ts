/**
 * /treffs/ — the finder. Enhances the server-rendered list (complete without JavaScript):
 * filters whose state lives in the URL, "Treffs in meiner Nähe" (browser location only on click,
 * postcode or Quartier as fallback), a live region with the result count, the status of each
 * Treff, and — after consent — the map, linked with the list both ways.
 */
import { entfernungText, nachEntfernung, type Punkt } from '../lib/entfernung';
import type { FinderDaten, FinderTexte } from '../lib/karten-daten';
import { findeStandort } from '../lib/standort';
import { filterAlsParams, filterAusParams, istGefiltert, passt, type TreffFilter } from '../lib/treff-filter';
import { fuellen as f } from '../lib/vorlage';
import { karteTor, type KartenApi } from './karte-tor';
import { anzeigeFuer, zeitenStarten } from './status';

const $ = <T extends HTMLElement>(sel: string, root: ParentNode = document) => root.querySelector<T>(sel);
const $$ = <T extends HTMLElement>(sel: string, root: ParentNode = document) => [...root.querySelectorAll<T>(sel)];

const zeiten = zeitenStarten();
const daten = JSON.parse($('#qp-finder')!.textContent!) as FinderDaten;
const texte = JSON.parse($('#qp-finder-texte')!.textContent!) as FinderTexte;
const mehrzahl = new Intl.PluralRules(texte.locale);
/** Fills `{name}` placeholders (a function as replacement, so `$&` in a name stays as written). */
const form = $<HTMLFormElement>('#qp-filter')!;
const anzahl = $('#qp-anzahl')!;
const gruppen = $('#qp-gruppen')!;
const sortiert = $<HTMLOListElement>('#qp-sortiert')!;
const keine = $('#qp-keine')!;
const naehe = $('#qp-naehe')!;
const meldung = $('[data-qp-naehe-meldung]', naehe)!;
const wahl = $<HTMLDetailsElement>('details', naehe)!;
const standortFeld = $<HTMLSelectElement>('select', naehe)!;
const aufheben = $<HTMLButtonElement>('[data-qp-naehe-aus]', naehe)!;

const eintraege = $$<HTMLLIElement>('[data-qp-ort]', gruppen);
const heimat = new Map(eintraege.map((li) => [li, li.parentElement!]));
const ortVon = new Map(daten.orte.map((o) => [o.id, o]));

const optionen = (name: string) => $$<HTMLOptionElement>(`select[name="${name}"] option`, form).map((o) => o.value);
const erlaubt = { quartier: optionen('quartier'), kategorie: optionen('kategorie'), sprache: optionen('sprache') };

let filter: TreffFilter = filterAusParams(new URLSearchParams(location.search), erlaubt);
let standort: { punkt: Punkt; name: string; wert?: string } | undefined;
let karte: KartenApi | undefined;

function formularSetzen(f: TreffFilter) {
  for (const name of ['quartier', 'kategorie', 'sprache'] as const) {
    const s = form.elements.namedItem(name);
    if (s instanceof HTMLSelectElement) s.value = f[name];
  }
  for (const name of ['stufenlos', 'offen'] as const) {
    const c = form.elements.namedItem(name);
    if (c instanceof HTMLInputElement) c.checked = f[name];
  }
}

function urlSchreiben() {
  const p = filterAlsParams(filter);
  if (standort?.wert) p.set('naehe', standort.wert);
  const q = p.toString();
  history.replaceState(null, '', `${location.pathname}${q ? `?${q}` : ''}`);
}

const treffWort = (n: number) => f(mehrzahl.select(n) === 'one' ? texte.treffs.one : texte.treffs.other, { n });

/** Applies filter and sorting to list and map, and says what changed. */
function anwenden(ansagen: boolean) {
  const jetzt = new Date();
  const sichtbar = new Set<string>();
  for (const o of daten.orte) {
    const offen = Boolean(zeiten && anzeigeFuer(zeiten, o.id, jetzt).status?.offen);
    if (passt(o, filter, offen)) sichtbar.add(o.id);
  }
  for (const li of eintraege) li.hidden = !sichtbar.has(li.dataset.qpOrt!);

  if (standort) {
    const orte = eintraege.filter((li) => !li.hidden).map((li) => ortVon.get(li.dataset.qpOrt!)!);
    const liNach = new Map(eintraege.map((li) => [li.dataset.qpOrt!, li]));
    for (const { ort, km } of nachEntfernung(orte, standort.punkt)) {
      const li = liNach.get(ort.id)!;
      const e = $('[data-qp-entfernung]', li)!;
      e.textContent = entfernungText(km, texte.km, texte.locale);
      e.hidden = false;
      sortiert.append(li);
    }
    for (const li of eintraege) if (li.hidden) sortiert.append(li);
  } else {
    for (const li of eintraege) {
      heimat.get(li)!.append(li); // original order: the list was built sorted
      $('[data-qp-entfernung]', li)!.hidden = true;
    }
  }
  sortiert.hidden = !standort;
  gruppen.hidden = Boolean(standort);
  for (const g of $$('[data-qp-gruppe]', gruppen)) g.hidden = !$('li:not([hidden])', g);
  aufheben.hidden = !standort;

  const n = eintraege.filter((li) => !li.hidden).length;
  keine.hidden = n > 0;
  karte?.filtern(sichtbar);

  const zahlen = { n, treffs: treffWort(n), gesamt: eintraege.length };
  const teile = [f(istGefiltert(filter) ? texte.passen : texte.alle, zahlen)];
  if (standort) {
    const erster = sortiert.querySelector('li:not([hidden]) a');
    teile.push(f(erster ? texte.entfernungErster : texte.entfernung, { ort: standort.name, name: erster?.textContent ?? '' }));
  }
  if (ansagen || anzahl.textContent === '') anzahl.textContent = teile.join(' ');
}

function filterAusFormular() {
  filter = filterAusParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>), erlaubt);
  urlSchreiben();
  anwenden(true);
}

form.hidden = false;
form.addEventListener('change', filterAusFormular);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  filterAusFormular();
});

// --- Treffs in meiner Nähe ---------------------------------------------------------------

function sortieren(punkt: Punkt, name: string, wert?: string) {
  standort = { punkt, name, wert };
  meldung.textContent = '';
  urlSchreiben();
  anwenden(true);
}

function ersatzAnbieten(grund: string) {
  meldung.textContent = f(texte.ersatz, { grund });
  wahl.open = true;
  standortFeld.focus();
}

$<HTMLButtonElement>('[data-qp-naehe-start]', naehe)!.addEventListener('click', () => {
  if (!('geolocation' in navigator)) return ersatzAnbieten(texte.keinGps);
  meldung.textContent = texte.ermitteln;
  navigator.geolocation.getCurrentPosition(
    (pos) => sortieren({ lat: pos.coords.latitude, lon: pos.coords.longitude }, texte.ihrStandort),
    (fehler) => ersatzAnbieten(fehler.code === fehler.PERMISSION_DENIED ? texte.verweigert : texte.nichtVerfuegbar),
    { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
  );
});

standortFeld.addEventListener('change', () => {
  const s = findeStandort(standortFeld.value, daten.standorte);
  if (s) sortieren(s, s.name, s.wert);
  else {
    standort = undefined;
    urlSchreiben();
    anwenden(true);
  }
});

aufheben.addEventListener('click', () => {
  standort = undefined;
  standortFeld.value = '';
  urlSchreiben();
  anwenden(true);
  naehe.querySelector<HTMLElement>('[data-qp-naehe-start]')?.focus();
});

const ausUrl = findeStandort(new URLSearchParams(location.search).get('naehe') ?? '', daten.standorte);
if (ausUrl) {
  standortFeld.value = ausUrl.wert;
  wahl.open = true;
  standort = { punkt: ausUrl, name: ausUrl.name, wert: ausUrl.wert };
}
naehe.hidden = false;

formularSetzen(filter);
// Folded on phones so the list starts on the first screen; open when filters are set or there is room.
$<HTMLDetailsElement>('details', form)!.open = istGefiltert(filter) || matchMedia('(min-width: 48rem)').matches;
anwenden(false);
// "Jetzt geöffnet" changes with the clock.
setInterval(() => filter.offen && anwenden(false), 60_000);

// --- the map, linked with the list ------------------------------------------------------

karteTor((k) => {
  karte = k;
  anwenden(false);
  for (const knopf of $$<HTMLButtonElement>('[data-qp-auf-karte]', document)) {
    knopf.hidden = false;
    knopf.addEventListener('click', () => k.zeigen(knopf.dataset.qpAufKarte!));
  }
});
