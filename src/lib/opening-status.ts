/**
 * "Jetzt geöffnet" for a Treff: a pure function over precomputed opening intervals.
 * The words come from the caller (the page ships them in its language), not from this file.
 *
 * It runs in the visitor's browser (a ≤ 2 KB script on every Treff card), so it imports
 * nothing — no opening_hours, no rrule, not even time.ts — and uses only `Intl` with
 * `Europe/Berlin`, so a phone set to another zone still reads Krefeld time.
 * The intervals come from `kompakteIntervalle()` at build time: [start, end) in UTC epoch
 * minutes, sorted. When the site has not been rebuilt for longer than they reach, the status
 * says so instead of guessing.
 */

export type OeffnungsArt = 'offen' | 'oeffnet-heute' | 'oeffnet-spaeter' | 'geschlossen' | 'voruebergehend' | 'unbekannt';

export interface OeffnungsStatus {
  offen: boolean;
  text: string;
  art: OeffnungsArt;
}

export interface OeffnungsStatusOptionen {
  /** Temporarily closed up to and including this Berlin date (`YYYY-MM-DD`). */
  geschlossenBis?: string;
  /** Today (in Berlin) is a public holiday; explains why there is no opening today. */
  feiertagHeute?: boolean;
}

/**
 * The status sentences of one language, with placeholders: `{z}` a moment or date, `{u}` a time,
 * `{w}` a weekday, `{d}` a date. They come with the page (src/lib/status-texte.ts), not with this script.
 */
export interface StatusTexte {
  /** „Jetzt geöffnet“ */
  offen: string;
  /** „Jetzt geöffnet · bis {z}“ */
  offenBis: string;
  /** „Öffnet {z}“ */
  oeffnet: string;
  /** „Heute geschlossen (Feiertag)“ */
  feiertag: string;
  /** „Vorübergehend geschlossen bis {z}“ */
  zu: string;
  /** „Öffnungszeiten siehe Tabelle“ */
  unbekannt: string;
  /** „heute um {u}“ */
  heute: string;
  /** „morgen um {u}“ */
  morgen: string;
  /** „morgen {u}“, after „bis“ */
  bisMorgen: string;
  /** „{w} {u}“: „Montag 10:00“ */
  tag: string;
  /** „am {d} um {u}“ */
  datum: string;
}

/** Texts and the locale (BCP 47) their times, weekdays and dates are written in. */
export interface StatusSprache {
  t: StatusTexte;
  l: string;
}

const fmt = (l: string, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(l, { timeZone: 'Europe/Berlin', ...o });
const tagFmt = fmt('en-US', { year: 'numeric', month: '2-digit', day: '2-digit' });
const uhr = (l: string, d: Date) => fmt(l, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
/** Fills `{x}` placeholders (one letter each). */
const f = (text: string, w: Record<string, string>) => text.replace(/\{(\w)\}/g, (_, k: string) => w[k]);

/** Berlin date as `YYYY-MM-DD`, which sorts and compares as text. From parts, not a locale's
 * pattern: browsers have changed what 'en-CA' looks like before. */
const tag = (d: Date) => {
  const p: Record<string, string> = {};
  for (const { type, value } of tagFmt.formatToParts(d)) p[type] = value;
  return `${p.year}-${p.month}-${p.day}`;
};
const utcTag = (s: string) => Date.parse(`${s}T00:00:00Z`);
/** Whole calendar days between two Berlin dates. */
const tageBis = (von: string, bis: string) => Math.round((utcTag(bis) - utcTag(von)) / 864e5);

/** „morgen um 09:00“, „Montag 10:00“, „am 12. Januar um 10:00“ — a later moment, seen from `heute`. */
function wann(d: Date, heute: string, { t, l }: StatusSprache, nachBis?: boolean): string {
  const n = tageBis(heute, tag(d));
  const u = uhr(l, d);
  if (n === 0) return f(t.heute, { u });
  if (n === 1) return f(nachBis ? t.bisMorgen : t.morgen, { u });
  if (n < 7) return f(t.tag, { w: fmt(l, { weekday: 'long' }).format(d), u });
  return f(t.datum, { d: fmt(l, { day: 'numeric', month: 'long' }).format(d), u });
}

export function oeffnungsStatus(
  intervalle: ReadonlyArray<readonly [number, number]>,
  jetzt: Date,
  opts: OeffnungsStatusOptionen,
  sprache: StatusSprache,
): OeffnungsStatus {
  const { t, l } = sprache;
  const heute = tag(jetzt);
  const { geschlossenBis: bis } = opts;
  if (bis && bis >= heute) {
    const d = new Date(utcTag(bis) + 432e5); // noon UTC is the same date in Berlin
    const z = fmt(l, { day: 'numeric', month: 'long', ...(tageBis(heute, bis) > 300 ? { year: 'numeric' } : {}) }).format(d);
    return { offen: false, art: 'voruebergehend', text: f(t.zu, { z }) };
  }

  const m = jetzt.getTime() / 6e4;
  const naechstes = intervalle.find(([, ende]) => ende > m);
  if (!naechstes) return { offen: false, art: 'unbekannt', text: t.unbekannt };

  const [start, ende] = naechstes.map((x) => new Date(x * 6e4));
  if (naechstes[0] <= m) {
    const n = tageBis(heute, tag(ende));
    // Ends at midnight: "bis 24:00" reads better than "bis morgen 00:00". A week or more away is
    // the end of the data (e.g. 24/7), not a real closing time: leave it out.
    const z = n === 0 ? uhr(l, ende) : n === 1 && tag(new Date(ende.getTime() - 1)) === heute ? '24:00' : n < 7 ? wann(ende, heute, sprache, true) : '';
    return { offen: true, art: 'offen', text: z ? f(t.offenBis, { z }) : t.offen };
  }
  // A holiday only explains the closure if nothing at all is open today.
  if (opts.feiertagHeute && !intervalle.some(([s, e]) => tag(new Date(s * 6e4)) <= heute && tag(new Date((e - 1) * 6e4)) >= heute))
    return { offen: false, art: 'geschlossen', text: t.feiertag };
  return { offen: false, art: tag(start) === heute ? 'oeffnet-heute' : 'oeffnet-spaeter', text: f(t.oeffnet, { z: wann(start, heute, sprache) }) };
}
