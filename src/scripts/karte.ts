/**
 * The map (Leaflet, bundled with its CSS). Imported dynamically by karte-tor.ts only after consent,
 * so it is the only code that talks to the tile server configured in src/config/karte.ts.
 *
 * - Markers for Treffs and for Angebote at their own address; Quartier boundaries where known.
 * - Markers are buttons in the tab order: Enter or Space opens the popup and moves focus into it,
 *   Escape closes it and returns to the marker.
 * - No scroll trap: the mouse wheel never zooms, and on touch screens one finger scrolls the page
 *   while two fingers move and zoom the map.
 */
// Leaflet's ES module build: no CommonJS wrapper in the bundle.
import * as L from 'leaflet/dist/leaflet-src.esm.js';
// Its CSS as a file we add ourselves: a CSS import would make Vite wrap the dynamic import of this
// module in its preload helper (≈ 1 KB gz), which every Treff page would then carry before consent.
import leafletCss from 'leaflet/dist/leaflet.css?url';
import { KARTE } from '../config/karte';
import type { KartenDaten, KartenOrt } from '../lib/karten-daten';
import { ZUSTIMMUNG_SCHLUESSEL } from './karte-tor';
import { anzeigeFuer } from './status';

export interface KartenApi {
  /** Shows only these places (ids as in the data); all when `null`. */
  filtern(sichtbar: ReadonlySet<string> | null): void;
  /** Centres the place, opens its popup and focuses its marker; false if it is not on the map. */
  zeigen(id: string): boolean;
}

/** What the map says, in the page's language (rendered by src/components/KarteBlock.astro). */
export interface KartenTexte {
  /** Address of the map data in the page's language (`/en/treffs/karte.json`). */
  daten: string;
  /** Credit in the map's corner (HTML). */
  attribution: string;
  plus: string;
  minus: string;
  heute: string;
  angebotOrt: string;
  inListe: string;
  treff: string;
  angebot: string;
  /** „{name} – {typ}, Details öffnen“ */
  marker: string;
  schliessen: string;
  region: string;
  hilfeTouch: string;
  hilfeMaus: string;
}

interface Optionen {
  /** Quartier page: its Treffs are highlighted, the view fits the Quartier. */
  quartier?: string;
  /** Treff page: this Treff is highlighted, the view is close. */
  treff?: string;
}

// Two shapes, not only two colours: a round pin for Treffs, a diamond for Angebote at their own address.
const FORM = {
  treff: '<path d="M15 1C7.3 1 1 7.2 1 14.9 1 25.3 15 39 15 39s14-13.7 14-24.1C29 7.2 22.7 1 15 1z"/><circle cx="15" cy="15" r="5.5"/>',
  angebot: '<path d="M15 1 29 17 15 39 1 17z"/><circle cx="15" cy="17" r="4.5"/>',
};

const symbol = (typ: KartenOrt['typ'], klasse: string) =>
  L.divIcon({
    className: `qp-pin ${klasse}`,
    html: `<svg viewBox="0 0 30 40" aria-hidden="true" focusable="false">${FORM[typ]}</svg>`,
    iconSize: [30, 40],
    iconAnchor: [15, 40],
    popupAnchor: [0, -36],
  });

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, klasse?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (klasse) e.className = klasse;
  return e;
}

/** Popup content, rebuilt at every opening so the status is current. */
function popupInhalt(o: KartenOrt, d: KartenDaten, t: KartenTexte): HTMLElement {
  const box = el('div', undefined, 'qp-popup');
  const name = el('p', undefined, 'qp-popup__name');
  const link = el('a', o.name);
  link.href = o.href;
  name.append(link);
  box.append(name, el('p', o.adresse));
  if (o.typ === 'angebot') box.append(el('p', t.angebotOrt, 'qp-meta'));
  const a = anzeigeFuer(d.zeiten, o.id, new Date());
  box.append(el('p', a.heute ? `${t.heute}: ${a.heute}` : o.woche));
  if (a.status) {
    const s = el('p', a.status.text, 'qp-status');
    s.dataset.art = a.status.art;
    box.append(s);
  }
  const eintrag = document.getElementById(`treff-${o.id}`);
  if (eintrag && !eintrag.hidden) {
    const zurListe = el('a', t.inListe);
    zurListe.href = `#treff-${o.id}`;
    zurListe.addEventListener('click', (e) => {
      e.preventDefault();
      eintrag.scrollIntoView({ block: 'center' });
      eintrag.querySelector<HTMLElement>('a')?.focus();
    });
    const p = el('p');
    p.append(zurListe);
    box.append(p);
  }
  return box;
}

/** Adds Leaflet's stylesheet once and waits for it, so the map is not laid out unstyled. */
function stilLaden(): Promise<unknown> {
  if (document.querySelector(`link[href="${leafletCss}"]`)) return Promise.resolve();
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: leafletCss });
  const fertig = new Promise((ok, fehler) => {
    link.onload = ok;
    link.onerror = fehler;
  });
  document.head.prepend(link); // first, so our own rules for the map win
  return fertig;
}

export async function karteStarten(box: HTMLElement, fokus: boolean): Promise<KartenApi> {
  const opt = JSON.parse(box.dataset.qpKarte || '{}') as Optionen;
  const t = JSON.parse(box.dataset.qpKarteTexte!) as KartenTexte;
  const flaeche = box.querySelector<HTMLElement>('[data-qp-karte-flaeche]')!;
  const [antwort] = await Promise.all([fetch(t.daten), stilLaden()]);
  if (!antwort.ok) throw new Error(`Kartendaten: ${antwort.status}`);
  const d = (await antwort.json()) as KartenDaten;

  const beruehrung = matchMedia('(pointer: coarse)').matches;
  box.dataset.zustand = 'geladen';
  const karte = L.map(flaeche, {
    scrollWheelZoom: false,
    dragging: !beruehrung,
    maxZoom: KARTE.maxZoom,
    zoomSnap: 0.5,
    zoomControl: false,
  });
  // On a right-to-left page the zoom buttons sit top right, mirroring the layout.
  const rtl = getComputedStyle(box).direction === 'rtl';
  L.control.zoom({ zoomInTitle: t.plus, zoomOutTitle: t.minus, position: rtl ? 'topright' : 'topleft' }).addTo(karte);
  karte.attributionControl.setPosition(rtl ? 'bottomleft' : 'bottomright');
  karte.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  L.tileLayer(KARTE.kachelUrl, { maxZoom: KARTE.maxZoom, attribution: t.attribution }).addTo(karte);

  const hervorQuartier = opt.quartier ?? (opt.treff ? d.orte.find((o) => o.id === opt.treff)?.quartiere[0] : undefined);
  for (const q of d.quartiere) {
    if (!q.grenze) continue;
    const hier = q.id === hervorQuartier;
    L.polygon(q.grenze, {
      interactive: false,
      className: hier ? 'qp-grenze qp-grenze--hier' : 'qp-grenze',
      weight: hier ? 3 : 1.5,
      fillOpacity: hier ? 0.12 : 0.04,
    }).addTo(karte);
  }

  const hervor = (o: KartenOrt) => (opt.treff ? o.id === opt.treff : opt.quartier ? o.quartiere.includes(opt.quartier) : undefined);
  const ebene = L.layerGroup().addTo(karte);
  const marker = new Map<string, L.Marker>();
  // Added in list order, which is also the tab order; highlighted ones lie on top via zIndexOffset.
  for (const o of d.orte) {
    const h = hervor(o);
    const klasse = `qp-pin--${o.typ}${h === true ? ' qp-pin--hervor' : h === false ? ' qp-pin--leise' : ''}`;
    const m = L.marker([o.lat, o.lon], {
      icon: symbol(o.typ, klasse),
      title: o.name,
      keyboard: true,
      riseOnHover: true,
      zIndexOffset: h ? 1000 : 0,
    });
    // Room for the zoom buttons in the top left (right-to-left: top right) corner.
    // On a phone the popup must fit beside them, or its close button ends up off the map.
    m.bindPopup(() => popupInhalt(o, d, t), {
      maxWidth: Math.max(160, Math.min(280, flaeche.clientWidth - 120)),
      autoPanPaddingTopLeft: L.point(rtl ? 12 : 56, 12),
      autoPanPaddingBottomRight: L.point(rtl ? 56 : 12, 12),
    });
    m.on('add', () => {
      const e = m.getElement();
      if (!e) return;
      e.setAttribute('aria-label', t.marker.replace('{typ}', o.typ === 'treff' ? t.treff : t.angebot).replace('{name}', () => o.name));
      e.addEventListener('keydown', (ev) => {
        if (ev.key === ' ') {
          ev.preventDefault();
          m.openPopup();
        }
      });
    });
    m.on('popupopen', (ev) => {
      const inhalt = (ev as L.PopupEvent).popup.getElement();
      inhalt?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', t.schliessen);
      // Keyboard users land in the popup; Escape brings them back to the marker.
      if (inhalt && document.activeElement === m.getElement()) inhalt.querySelector<HTMLElement>('.qp-popup a')?.focus();
      inhalt?.addEventListener('keydown', (k) => {
        if (k.key === 'Escape') {
          m.closePopup();
          m.getElement()?.focus();
        }
      });
    });
    m.addTo(ebene);
    marker.set(o.id, m);
  }

  // The view: the Treff up close, the Quartier, or every place.
  const alle = d.orte.map((o) => L.latLng(o.lat, o.lon));
  const treff = opt.treff ? d.orte.find((o) => o.id === opt.treff) : undefined;
  if (treff) karte.setView([treff.lat, treff.lon], 16);
  else if (opt.quartier) {
    const q = d.quartiere.find((x) => x.id === opt.quartier);
    const punkte = d.orte.filter((o) => o.quartiere.includes(opt.quartier!)).map((o) => L.latLng(o.lat, o.lon));
    const grenzen = L.latLngBounds([...punkte, ...(q?.grenze?.flat() ?? []).map(([la, lo]) => L.latLng(la, lo))]);
    if (grenzen.isValid()) karte.fitBounds(grenzen, { padding: [32, 32], maxZoom: 16 });
    else karte.setView(q ? [q.lat, q.lon] : [KARTE.mitte.lat, KARTE.mitte.lon], 15);
  } else if (alle.length) karte.fitBounds(L.latLngBounds(alle), { padding: [24, 24], maxZoom: 15 });
  else karte.setView([KARTE.mitte.lat, KARTE.mitte.lon], KARTE.mitte.zoom);

  const container = karte.getContainer();
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', t.region);

  const hinweis = box.querySelector<HTMLElement>('[data-qp-karte-hinweis]');
  if (hinweis) {
    hinweis.textContent = beruehrung ? t.hilfeTouch : t.hilfeMaus;
    hinweis.hidden = false;
  }
  const widerruf = box.querySelector<HTMLButtonElement>('[data-qp-karte-widerruf]');
  if (widerruf) {
    widerruf.hidden = false;
    widerruf.addEventListener('click', () => {
      try {
        localStorage.removeItem(ZUSTIMMUNG_SCHLUESSEL);
      } catch {
        /* nothing stored */
      }
      location.reload();
    });
  }
  if (fokus) container.focus();

  return {
    filtern(sichtbar) {
      for (const [id, m] of marker) {
        const soll = !sichtbar || sichtbar.has(id);
        if (soll && !ebene.hasLayer(m)) ebene.addLayer(m);
        if (!soll && ebene.hasLayer(m)) ebene.removeLayer(m);
      }
    },
    zeigen(id) {
      const m = marker.get(id);
      if (!m || !ebene.hasLayer(m)) return false;
      box.scrollIntoView({ block: 'nearest' });
      karte.setView(m.getLatLng(), Math.max(karte.getZoom(), 15));
      m.getElement()?.focus();
      m.openPopup();
      return true;
    },
  };
}
