/**
 * "Jetzt geöffnet" for a Treff: a pure function over precomputed opening intervals.
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

const B = 'Europe/Berlin';
const fmt = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('de-DE', { timeZone: B, ...o });
const tagFmt = new Intl.DateTimeFormat('en-US', { timeZone: B, year: 'numeric', month: '2-digit', day: '2-digit' });
const uhrFmt = fmt({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const wtFmt = fmt({ weekday: 'long' });
const datumFmt = fmt({ day: 'numeric', month: 'long' });
const datumJahrFmt = fmt({ day: 'numeric', month: 'long', year: 'numeric' });

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

/** „morgen 09:00“, „Montag 10:00“, „12. Januar 10:00“ — a later moment, seen from `heute`. */
function wann(d: Date, heute: string): string {
  const n = tageBis(heute, tag(d));
  const uhr = uhrFmt.format(d);
  if (n === 0) return `heute um ${uhr}`;
  if (n === 1) return `morgen um ${uhr}`;
  if (n < 7) return `${wtFmt.format(d)} ${uhr}`;
  return `am ${datumFmt.format(d)} um ${uhr}`;
}

export function oeffnungsStatus(
  intervalle: ReadonlyArray<readonly [number, number]>,
  jetzt: Date,
  opts: OeffnungsStatusOptionen = {},
): OeffnungsStatus {
  const heute = tag(jetzt);
  const { geschlossenBis: bis } = opts;
  if (bis && bis >= heute) {
    const d = new Date(utcTag(bis) + 432e5); // noon UTC is the same date in Berlin
    const text = (tageBis(heute, bis) > 300 ? datumJahrFmt : datumFmt).format(d);
    return { offen: false, art: 'voruebergehend', text: `Vorübergehend geschlossen bis ${text}` };
  }

  const t = jetzt.getTime() / 6e4;
  const naechstes = intervalle.find(([, ende]) => ende > t);
  if (!naechstes) return { offen: false, art: 'unbekannt', text: 'Öffnungszeiten siehe Tabelle' };

  const [start, ende] = naechstes.map((m) => new Date(m * 6e4));
  if (naechstes[0] <= t) {
    const n = tageBis(heute, tag(ende));
    // Ends at midnight: "bis 24:00" reads better than "bis morgen 00:00". A week or more away is
    // the end of the data (e.g. 24/7), not a real closing time: leave it out.
    const bisWann =
      n === 0 ? uhrFmt.format(ende) : n === 1 && uhrFmt.format(ende) === '00:00' ? '24:00' : n < 7 ? wann(ende, heute).replace(' um', '') : '';
    return { offen: true, art: 'offen', text: bisWann ? `Jetzt geöffnet · bis ${bisWann}` : 'Jetzt geöffnet' };
  }
  const startTag = tag(start);
  // A holiday only explains the closure if nothing at all is open today.
  if (opts.feiertagHeute && !intervalle.some(([s, e]) => tag(new Date(s * 6e4)) <= heute && tag(new Date((e - 1) * 6e4)) >= heute))
    return { offen: false, art: 'geschlossen', text: 'Heute geschlossen (Feiertag)' };
  return { offen: false, art: startTag === heute ? 'oeffnet-heute' : 'oeffnet-spaeter', text: `Öffnet ${wann(start, heute)}` };
}
