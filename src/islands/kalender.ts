/**
 * The calendar island on /kalender/: FullCalendar's vanilla build (Preact inside, no React) with
 * month, week and list views, fed by the per-month JSON files. Filters live in the URL, so a
 * filtered calendar can be shared and the back button undoes a filter. The server-rendered list
 * next to it is the same programme without JavaScript.
 *
 * Every word it shows — FullCalendar's buttons and hints as well as our own — comes from the page
 * (#qp-kalender-texte, in the page's language), so no FullCalendar locale is bundled; dates,
 * weekdays and month titles come from `Intl` in that language, right to left in Arabic.
 */
import { Calendar, type EventInput, type EventSourceFuncInfo } from 'fullcalendar';
import dayGridPlugin from 'fullcalendar/daygrid';
import timeGridPlugin from 'fullcalendar/timegrid';
import listPlugin from 'fullcalendar/list';
import classicTheme from 'fullcalendar/themes/classic';
import 'fullcalendar/skeleton.css';
import 'fullcalendar/themes/classic/theme.css';
import 'fullcalendar/themes/classic/palette.css';
import './kalender.css';
import type { KalenderEintrag } from '../lib/kalender';
import { fuellen as f } from '../lib/vorlage';
// Shared with the Abonnieren box's own script: keeps that module a file of its own (never inlined).
import { aboStarten } from './abonnieren';
import { feedFuer, filterAusUrl, filterInUrl, passt, type KalenderFilter } from '../lib/kalender-filter';

/** What the calendar says, rendered by the page in its language. Placeholders in braces. */
export interface KalenderTexte {
  /** FullCalendar's locale without its functions: code (BCP 47), direction, button and view texts. */
  fc: {
    code: string;
    direction: 'ltr' | 'rtl';
    todayText: string;
    prevText: string;
    nextText: string;
    monthText: string;
    weekTextLong: string;
    weekTextShort: string;
    dayText: string;
    listText: string;
    allDayText: string;
    noEventsText: string;
    closeHint: string;
    eventsHint: string;
    viewChangeHint: string;
  };
  /** Button hints by unit (`month`, `week`): „Vorheriger Monat“ … */
  vorher: Record<string, string>;
  naechste: Record<string, string>;
  dieser: Record<string, string>;
  /** Hints of the view tabs by view name: „Monatsansicht“ … */
  ansicht: Record<string, string>;
  /** „+{n} weitere“ and its hint */
  mehr: string;
  mehrHinweis: string;
  /** What the „Abonnieren“ box subscribes: „alle Termine im Quartier {quartier}“ … */
  abo: { alle: string; treff: string; quartier: string; kategorie: string; quartierKategorie: string; ungenau: string };
  /** „{n} aktiv“ (filters set) */
  aktiv: string;
  /** „Keine Termine“, „1 Termin“, „{n} Termine“ */
  anzahl: { keine: string; one: string; other: string };
  /** „{anzahl} für Ihre Auswahl“ */
  auswahl: string;
  faelltAus: string;
  /** Language prefix of the page (`/en`, German ''), so events link to their page in the same language. */
  praefix: string;
}

const ANSICHTEN = { monat: 'dayGridMonth', woche: 'timeGridWeek', liste: 'listMonth' } as const;
type Ansicht = keyof typeof ANSICHTEN;
const ansichtVon = (typ: string) => (Object.keys(ANSICHTEN) as Ansicht[]).find((a) => ANSICHTEN[a] === typ) ?? 'monat';

const wurzel = document.querySelector<HTMLElement>('[data-qp-kalender]');
if (wurzel) starte(wurzel);


function starte(wurzel: HTMLElement) {
  const texte = JSON.parse(document.getElementById('qp-kalender-texte')!.textContent!) as KalenderTexte;
  const mehrzahl = new Intl.PluralRules(texte.fc.code);
  const monate: string[] = JSON.parse(wurzel.dataset.monate ?? '[]');
  const formular = wurzel.querySelector<HTMLFormElement>('[data-qp-kalender-filter]')!;
  const status = wurzel.querySelector<HTMLElement>('[data-qp-kalender-status]')!;
  const ziel = wurzel.querySelector<HTMLElement>('[data-qp-kalender-ansicht]')!;
  const schmal = window.matchMedia('(max-width: 40rem)');
  const heute = wurzel.dataset.heute!;
  const heuteBeginn = new Date(wurzel.dataset.heuteBeginn!);
  /** Not over before today: all-day by date (`ende` is the day after), timed by instant. */
  const kommend = (e: KalenderEintrag) => (e.ganztaegig ? e.ende! > heute : new Date(e.ende ?? e.start) > heuteBeginn);

  // --- data: one request per month, kept for the visit --------------------------------
  const cache = new Map<string, Promise<KalenderEintrag[]>>();
  const monatLaden = (monat: string) => {
    if (!monate.includes(monat)) return Promise.resolve([]);
    let p = cache.get(monat);
    if (!p) {
      p = fetch(`/kalender/daten/${monat}.json`).then((r) => (r.ok ? (r.json() as Promise<KalenderEintrag[]>) : []));
      cache.set(monat, p);
    }
    return p;
  };
  const berlinDatum = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });
  const monateIm = (von: Date, bis: Date) => {
    const erster = berlinDatum.format(von).slice(0, 7);
    const letzter = berlinDatum.format(new Date(bis.getTime() - 1)).slice(0, 7);
    return monate.filter((m) => m >= erster && m <= letzter);
  };

  // --- state from and into the URL -------------------------------------------------------
  let filter: KalenderFilter = filterAusUrl(new URLSearchParams(location.search));

  function formularSetzen(f: KalenderFilter) {
    for (const el of Array.from(formular.elements)) {
      if (el instanceof HTMLSelectElement) el.value = (f[el.name as keyof KalenderFilter] as string | undefined) ?? '';
      if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = Boolean(f[el.name as keyof KalenderFilter]);
    }
  }
  function formularLesen(): KalenderFilter {
    return filterAusUrl(new URLSearchParams(new FormData(formular) as unknown as Record<string, string>));
  }
  const ansichtAusUrl = (): Ansicht | undefined => {
    const a = new URLSearchParams(location.search).get('ansicht');
    return a && a in ANSICHTEN ? (a as Ansicht) : undefined;
  };
  const datumAusUrl = () => {
    const d = new URLSearchParams(location.search).get('datum');
    return d && /^\d{4}-\d{2}-\d{2}$/.test(d) && monate.includes(d.slice(0, 7)) ? d : undefined;
  };

  /** The feed matching the filter, for the "Abonnieren" box. */
  function aboMelden() {
    const { pfad, genau } = feedFuer(filter);
    const text = (name: string) => formular.querySelector<HTMLSelectElement>(`select[name="${name}"]`)?.selectedOptions[0]?.text;
    const a = texte.abo;
    const werte = { treff: text('treff'), quartier: text('quartier'), kategorie: text('kategorie') };
    let name = a.alle;
    if (filter.treff) name = f(a.treff, werte);
    else if (filter.quartier && filter.kategorie) name = f(a.quartierKategorie, werte);
    else if (filter.quartier) name = f(a.quartier, werte);
    else if (filter.kategorie) name = f(a.kategorie, werte);
    if (!genau) name = f(a.ungenau, { name });
    aboSetzen({ pfad, name });
  }

  // --- the calendar ----------------------------------------------------------------------
  let warListe: boolean | undefined;
  let ansichtJetzt: string = ANSICHTEN[ansichtAusUrl() ?? (schmal.matches ? 'liste' : 'monat')];
  const calendar = new Calendar(ziel, {
    plugins: [dayGridPlugin, timeGridPlugin, listPlugin, classicTheme],
    locale: {
      ...texte.fc,
      prevHint: (text: string, einheit: string) => texte.vorher[einheit] ?? text,
      nextHint: (text: string, einheit: string) => texte.naechste[einheit] ?? text,
      todayHint: (text: string, einheit: string) => texte.dieser[einheit] ?? text,
      viewHint: (text: string, ansicht: string) => texte.ansicht[ansicht] ?? text,
      moreLinkText: (n: number) => f(texte.mehr, { n }),
      moreLinkHint: (n: number) => f(texte.mehrHinweis, { n }),
    },
    direction: texte.fc.direction,
    timeZone: 'Europe/Berlin',
    firstDay: 1,
    initialView: ansichtJetzt,
    initialDate: datumAusUrl() ?? heute,
    // The current month is shown whole (as on its month page); the list starts today.
    validRange: { start: `${monate[0]}-01`, end: wurzel.dataset.ende },
    headerToolbar: { start: 'title', end: 'prev,today,next dayGridMonth,timeGridWeek,listMonth' },
    footerToolbar: false,
    toolbarClass: 'qp-kal__werkzeug',
    toolbarSectionClass: 'qp-kal__werkzeuggruppe',
    toolbarTitleClass: 'qp-kal__monat',
    buttonGroupClass: 'qp-kal__knopfgruppe',
    buttonClass: 'qp-kal__knopf',
    views: {
      // Only the list view: month cells show their events as list items too, and stay compact.
      listMonth: {
        listItemEventClass: 'qp-kal__listeneintrag',
        listItemEventTitleClass: 'qp-kal__umbruch',
        listItemEventTimeClass: 'qp-kal__listenzeit',
        // FullCalendar ignores `listDayAltFormat: false`; the second (weekday) line is hidden instead.
        listDayHeaderInnerClass: (arg: { level: number }) => (arg.level === 1 ? 'qp-kal__aus' : 'qp-kal__listentag'),
      },
    },
    height: 'auto',
    headingLevel: 2,
    // Portal blue: white text on it has 7:1 contrast (FullCalendar's default blue has 3.6:1).
    eventColor: '#0d5a8c',
    eventContrastColor: '#ffffff',
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    slotHeaderFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    slotMinTime: '07:00:00',
    slotMaxTime: '23:00:00',
    dayMaxEvents: 4,
    listDayFormat: { weekday: 'long', day: 'numeric', month: 'long' },
    events: async (info: EventSourceFuncInfo) => {
      const listen = await Promise.all(monateIm(info.start, info.end).map(monatLaden));
      const eindeutig = new Map(listen.flat().map((e) => [e.id, e]));
      const liste = ansichtJetzt === ANSICHTEN.liste;
      return [...eindeutig.values()].filter((e) => passt(e, filter) && (!liste || kommend(e))).map(alsEvent);
    },
    eventClass: (arg) => (arg.event.extendedProps.ausgefallen ? 'qp-kal__ausfall' : ''),
    eventContent: (arg) => {
      const p = arg.event.extendedProps as { ausgefallen?: boolean; grund?: string; ort?: string };
      const knoten: HTMLElement[] = [];
      // Times read left to right in Arabic too („10:00–12:00“, never „12:00–10:00“).
      if (arg.timeText) {
        const zeit = el('div', arg.timeClass);
        zeit.append(Object.assign(el('bdi', ''), { dir: 'ltr', textContent: arg.timeText }));
        knoten.push(zeit);
      }
      // Titles are German content: laid out in their own direction, so a long one is cut at its end.
      const titel = Object.assign(el('div', `${arg.titleClass} qp-kal__titel`), { dir: 'auto' });
      titel.append(el(p.ausgefallen ? 's' : 'span', 'qp-kal__name', arg.event.title));
      if (p.ausgefallen) titel.append(el('span', 'qp-kal__grund', ` ${texte.faelltAus}${p.grund ? `: ${p.grund}` : ''}`));
      if (p.ort && arg.view.type === 'listMonth') titel.append(el('span', 'qp-kal__ort', ` · ${p.ort}`));
      knoten.push(titel);
      return { domNodes: knoten };
    },
    datesSet: (info) => {
      // The list leaves out what is over, the grids do not: fetch again when switching between them.
      ansichtJetzt = info.view.type;
      const istListe = ansichtJetzt === ANSICHTEN.liste;
      if (warListe !== undefined && warListe !== istListe) calendar.refetchEvents();
      warListe = istListe;
      const params = new URLSearchParams(location.search);
      params.set('ansicht', ansichtVon(info.view.type));
      params.set('datum', berlinDatum.format(info.view.currentStart));
      history.replaceState(history.state, '', `?${params}`);
    },
    eventsSet: () => ansagen(),
  });

  function alsEvent(e: KalenderEintrag): EventInput {
    return {
      id: e.id,
      title: e.titel,
      start: e.start,
      ...(e.ende ? { end: e.ende } : {}),
      allDay: Boolean(e.ganztaegig),
      url: e.url.startsWith('/') ? `${texte.praefix}${e.url}` : e.url,
      // Cancelled: pale, so the struck-through title and the red reason stay readable.
      ...(e.ausgefallen ? { color: '#f3f3f1', contrastColor: '#1a1a1a' } : {}),
      extendedProps: { ausgefallen: Boolean(e.ausgefallen), grund: e.grund, ort: e.ort },
    };
  }

  let angesagt = '';
  function ansagen() {
    const v = calendar.view;
    const n = calendar.getEvents().filter((e) => e.start && e.start < v.currentEnd && (e.end ?? e.start) >= v.currentStart).length;
    const gefiltert = Object.keys(filter).length > 0;
    const anzahl = n === 0 ? texte.anzahl.keine : f(mehrzahl.select(n) === 'one' ? texte.anzahl.one : texte.anzahl.other, { n });
    const text = `${gefiltert ? f(texte.auswahl, { anzahl }) : anzahl} – ${v.title}`;
    if (text !== angesagt) status.textContent = angesagt = text;
  }

  formular.addEventListener('change', () => {
    filter = formularLesen();
    history.pushState({ qpKalender: true }, '', `?${filterInUrl(filter, new URLSearchParams(location.search))}`);
    calendar.refetchEvents();
    aboMelden();
    filterboxZeigen();
  });
  formular.addEventListener('submit', (e) => e.preventDefault());
  formular.addEventListener('reset', () => {
    // after the browser has cleared the fields
    setTimeout(() => formular.dispatchEvent(new Event('change')));
  });

  window.addEventListener('popstate', () => {
    filter = filterAusUrl(new URLSearchParams(location.search));
    formularSetzen(filter);
    const ansicht = ansichtAusUrl();
    if (ansicht && calendar.view.type !== ANSICHTEN[ansicht]) calendar.changeView(ANSICHTEN[ansicht]);
    const datum = datumAusUrl();
    if (datum) calendar.gotoDate(datum);
    calendar.refetchEvents();
    aboMelden();
    filterboxZeigen();
  });

  /** The filter box: open on wide screens and whenever a filter is set; the badge counts filters. */
  const details = formular.querySelector<HTMLDetailsElement>('[data-qp-kalender-details]')!;
  const aktiv = formular.querySelector<HTMLElement>('[data-qp-kalender-aktiv]')!;
  function filterboxZeigen() {
    const n = Object.keys(filter).length;
    aktiv.textContent = n ? f(texte.aktiv, { n }) : '';
    if (n || !schmal.matches) details.open = true;
  }

  formularSetzen(filter);
  filterboxZeigen();
  formular.hidden = false;
  document.querySelector<HTMLElement>('[data-qp-ohne-js]')?.setAttribute('hidden', '');
  calendar.render();
  aboStarten();
  aboMelden();
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, klasse: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (klasse) e.className = klasse;
  if (text !== undefined) e.textContent = text;
  return e;
}

// --- the "Abonnieren" box follows the filter ---------------------------------------------

interface AboFeed {
  /** Path of the feed, e.g. `/kalender/quartier/bleichpfad.ics` */
  pfad: string;
  /** What is subscribed, as in the sentence „Holen Sie sich … in den Kalender“ */
  name: string;
}

/** Points every box on the page at `feed`. */
function aboSetzen(feed: AboFeed): void {
  for (const box of Array.from(document.querySelectorAll<HTMLElement>('[data-qp-abo]'))) {
    const https = new URL(feed.pfad, box.dataset.site).href;
    const webcal = https.replace(/^https?:/, 'webcal:');
    box.querySelector<HTMLAnchorElement>('[data-qp-abo-webcal]')!.href = webcal;
    box.querySelector<HTMLAnchorElement>('[data-qp-abo-google]')!.href = `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`;
    box.querySelector<HTMLInputElement>('[data-qp-abo-adresse]')!.value = https;
    box.querySelector<HTMLElement>('[data-qp-abo-name]')!.textContent = feed.name;
    box.querySelector<HTMLElement>('[data-qp-abo-meldung]')!.textContent = '';
  }
}
