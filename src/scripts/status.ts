/**
 * Browser half of "Jetzt geöffnet": reads the page's shipped opening data (#qp-zeiten, built by
 * src/lib/orte-zeiten.ts) and fills every `[data-qp-status]` and `[data-qp-heute]` on the page,
 * always in Krefeld time whatever the device's time zone, in the page's language (the data brings
 * the words). Kept tiny: it runs on every Treff page.
 */
import { oeffnungsStatus, type OeffnungsStatus } from '../lib/opening-status';
import type { ZeitenDaten } from '../lib/orte-zeiten';

const tagFmt = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Berlin date of an instant as `YYYY-MM-DD`. */
export function berlinTag(d: Date): string {
  const p: Record<string, string> = {};
  for (const { type, value } of tagFmt.formatToParts(d)) p[type] = value;
  return `${p.year}-${p.month}-${p.day}`;
}

export interface Anzeige {
  status?: OeffnungsStatus;
  /** Today's hours, e.g. „14:00–18:00 Uhr“. */
  heute?: string;
}

/**
 * Status and today's hours of place `id` at `jetzt`. Empty when the data does not cover today
 * (the site was not rebuilt for weeks, or the device clock is wrong): then only the weekly table counts.
 */
export function anzeigeFuer(d: ZeitenDaten, id: string, jetzt: Date): Anzeige {
  const z = d.o[id];
  const tag = berlinTag(jetzt);
  const n = Math.round((Date.parse(tag) - Date.parse(d.ab)) / 864e5);
  if (!z || n < 0 || n >= z.h.length) return {};
  // The texts and their locale come with the data, in the page's language.
  const status = oeffnungsStatus(z.i, jetzt, { geschlossenBis: z.zu, feiertagHeute: d.f.includes(tag) }, d);
  return { heute: z.h[n], ...(status.art === 'unbekannt' ? {} : { status }) };
}

export function zeitenLesen(): ZeitenDaten | undefined {
  const el = document.getElementById('qp-zeiten');
  return el?.textContent ? (JSON.parse(el.textContent) as ZeitenDaten) : undefined;
}

/** Writes status and today's hours into the page; hides what is unknown. */
export function zeitenZeigen(d: ZeitenDaten, jetzt = new Date()): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-qp-status],[data-qp-heute]')) {
    const id = el.dataset.qpStatus ?? el.dataset.qpHeute!;
    const a = anzeigeFuer(d, id, jetzt);
    const text = el.dataset.qpStatus ? a.status?.text : a.heute;
    if (a.status && el.dataset.qpStatus) el.dataset.art = a.status.art;
    const ziel = el.querySelector('span') ?? el;
    if (text) ziel.textContent = text;
    el.hidden = !text;
  }
}

/** Shows the status now and keeps it current while the page stays open. */
export function zeitenStarten(): ZeitenDaten | undefined {
  const d = zeitenLesen();
  if (d) {
    zeitenZeigen(d);
    setInterval(() => zeitenZeigen(d), 30_000);
  }
  return d;
}
