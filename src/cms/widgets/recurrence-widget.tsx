/**
 * Decap widget `wiederholung` for a Termin's series: „einmalig“, „jede Woche am …“,
 * „alle 2 Wochen am …“, „jeden 2. Mittwoch im Monat“, an end (date or number of dates),
 * exception dates and extra dates with date pickers, and a preview of the next 5 dates computed
 * by the site's own engine (src/lib/recurrence.ts). Conversions: recurrence-form.ts.
 * Cancelling a single date with a reason is the Termin's „Einzelne Termine fallen aus“ list;
 * the preview shows those dates struck through.
 */
import { Component, type CSSProperties, type ReactNode } from 'react';
import { rruleFehler } from '../../schema/fields';
import { naechsteTermine, serienBeschreibung, startPasstZurRegel, type TerminLike } from '../../lib/recurrence';
import { formatDatumLang } from '../../lib/time';
import { alsJS, type ImmutableWert } from '../editor-pruefung';
import {
  ARTEN,
  MONATS_WOCHEN,
  WOCHENTAGE,
  WOCHENTAG_NAMEN,
  formZuWert,
  wertZuForm,
  type Art,
  type Ende,
  type MonatsWoche,
  type WiederholungsForm,
  type WiederholungsWert,
  type Wochentag,
} from './recurrence-form';

interface Props {
  value?: unknown;
  onChange: (wert: WiederholungsWert | undefined) => void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
  getEntry?: () => ImmutableWert | undefined;
  entry?: ImmutableWert;
}

/** The parts of the Termin outside this widget that the preview needs. */
interface TerminTeile {
  datum: string;
  beginn?: string;
  ende?: string;
  ende_datum?: string;
  ganztaegig?: boolean;
  ausfaelle: Array<{ datum: string; grund: string }>;
}

interface State {
  form: WiederholungsForm;
  gesendet: string;
  termin: TerminTeile;
  neueAusnahme: string;
  neuerZusatztermin: string;
}

const s = {
  gruppe: { border: '1px solid #c6c6c6', borderRadius: 4, padding: '0.5rem 0.75rem', margin: '0.75rem 0' },
  zeile: { display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap', margin: '0.35rem 0' },
  eingabe: { minHeight: '2.25rem', padding: '0.25rem 0.4rem', border: '1px solid #767676', borderRadius: 4, font: 'inherit' },
  knopf: { minHeight: '2.25rem', padding: '0.25rem 0.6rem', border: '1px solid #0d5a8c', borderRadius: 4, background: '#fff', color: '#0d5a8c', cursor: 'pointer', font: 'inherit' },
  fehler: { color: '#a1151b', fontWeight: 600, margin: '0.25rem 0' },
  hinweis: { color: '#4a4a4a', fontSize: '0.9em', margin: '0.25rem 0' },
} satisfies Record<string, CSSProperties>;

const schluessel = (w: unknown) => JSON.stringify(w ?? null);

function terminTeile(entry: ImmutableWert | undefined): TerminTeile {
  const daten = (alsJS(entry?.get('data')) ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const ausfaelle = Array.isArray(daten.ausfaelle)
    ? (daten.ausfaelle as Array<Record<string, unknown>>).filter((a) => text(a?.datum)).map((a) => ({ datum: String(a.datum), grund: String(a.grund ?? '') }))
    : [];
  return {
    datum: text(daten.datum) ?? '',
    beginn: text(daten.beginn),
    ende: text(daten.ende),
    ende_datum: text(daten.ende_datum),
    ganztaegig: daten.ganztaegig === true,
    ausfaelle,
  };
}

export class WiederholungControl extends Component<Props, State> {
  private uhr: ReturnType<typeof setInterval> | undefined;

  constructor(props: Props) {
    super(props);
    const termin = terminTeile(props.getEntry?.() ?? props.entry);
    const wert = alsJS(props.value) as WiederholungsWert | undefined;
    this.state = { form: wertZuForm(wert, termin.datum), gesendet: schluessel(wert), termin, neueAusnahme: '', neuerZusatztermin: '' };
  }

  componentDidMount() {
    // Decap re-renders a control only when its own value changes; the preview also depends on
    // the date, times and cancellations, so we look at them twice a second.
    this.uhr = setInterval(() => {
      const termin = terminTeile(this.props.getEntry?.() ?? this.props.entry);
      if (schluessel(termin) !== schluessel(this.state.termin)) this.setState({ termin });
    }, 500);
  }

  componentWillUnmount() {
    clearInterval(this.uhr);
  }

  componentDidUpdate(vorher: Props) {
    const wert = alsJS(this.props.value) as WiederholungsWert | undefined;
    if (this.props.value !== vorher.value && schluessel(wert) !== this.state.gesendet) {
      this.setState({ form: wertZuForm(wert, this.state.termin.datum), gesendet: schluessel(wert) });
    }
  }

  /** Always re-render with the parent: the preview reads the rest of the entry. */
  shouldComponentUpdate() {
    return true;
  }

  aendere(teil: Partial<WiederholungsForm>) {
    const form = { ...this.state.form, ...teil };
    const wert = formZuWert(form);
    this.setState({ form, gesendet: schluessel(wert) });
    this.props.onChange(wert);
  }

  waehleArt(art: Art) {
    const { form } = this.state;
    // Read the entry now: the first date may have been typed a moment ago.
    const termin = terminTeile(this.props.getEntry?.() ?? this.props.entry);
    const frisch = wertZuForm(undefined, termin.datum);
    // Switching to the expert field starts from the rule built so far.
    if (art === 'experte') this.aendere({ art, regel: formZuWert(form)?.regel ?? form.regel ?? '' });
    else
      this.aendere({
        art,
        wochentage: form.wochentage.length ? form.wochentage : frisch.wochentage,
        ...(art === 'monatlich' && form.art !== 'monatlich' ? { monatsWoche: frisch.monatsWoche, monatsTag: frisch.monatsTag } : {}),
      });
  }

  fuegeHinzu(liste: 'ausnahmen' | 'zusatztermine', datum: string) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(datum)) return;
    const neu = [...new Set([...this.state.form[liste], datum])].sort();
    this.aendere({ [liste]: neu });
    if (liste === 'ausnahmen') this.setState({ neueAusnahme: '' });
    else this.setState({ neuerZusatztermin: '' });
  }

  render() {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const { form } = this.state;
    return (
      <div className={classNameWrapper} onFocus={setActiveStyle} onBlur={setInactiveStyle}>
        <div style={s.zeile}>
          <label htmlFor={forID}>Wie oft?</label>
          <select id={forID} value={form.art} onChange={(e) => this.waehleArt(e.target.value as Art)} style={s.eingabe}>
            {ARTEN.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        {(form.art === 'woechentlich' || form.art === 'zweiwoechentlich') && this.wochentage()}
        {form.art === 'monatlich' && this.monatlich()}
        {form.art === 'experte' && this.experte()}
        {form.art !== 'einmalig' && (
          <>
            {this.ende()}
            {this.datumsliste('ausnahmen', 'Ausnahmen: an diesen Tagen fällt die Reihe aus (z. B. Ferien, Feiertage)', 'Ausnahme hinzufügen', this.state.neueAusnahme, (v) => this.setState({ neueAusnahme: v }))}
            {this.datumsliste('zusatztermine', 'Zusätzliche Termine (zur selben Uhrzeit)', 'Zusatztermin hinzufügen', this.state.neuerZusatztermin, (v) => this.setState({ neuerZusatztermin: v }))}
          </>
        )}
        {this.vorschau()}
      </div>
    );
  }

  wochentage() {
    const { form, termin } = this.state;
    return (
      <fieldset style={s.gruppe}>
        <legend>An welchen Tagen?</legend>
        <div style={s.zeile}>
          {WOCHENTAGE.map((tag) => (
            <label key={tag} style={{ display: 'inline-flex', gap: '0.25rem', alignItems: 'center', minHeight: '2.25rem' }}>
              <input
                type="checkbox"
                checked={form.wochentage.includes(tag)}
                onChange={(e) =>
                  this.aendere({ wochentage: e.target.checked ? [...form.wochentage, tag] : form.wochentage.filter((t) => t !== tag) })
                }
              />
              {WOCHENTAG_NAMEN[tag]}
            </label>
          ))}
        </div>
        {form.wochentage.length === 0 && (
          <p style={s.hinweis}>Kein Tag gewählt: die Reihe läuft am Wochentag des ersten Termins{termin.datum ? '' : ' (Datum oben)'}.</p>
        )}
      </fieldset>
    );
  }

  monatlich() {
    const { form } = this.state;
    const id = `${this.props.forID}-monat`;
    return (
      <fieldset style={s.gruppe}>
        <legend>An welchem Tag im Monat?</legend>
        <div style={s.zeile}>
          <label htmlFor={`${id}-n`}>Jeden</label>
          <select id={`${id}-n`} value={form.monatsWoche} onChange={(e) => this.aendere({ monatsWoche: Number(e.target.value) as MonatsWoche })} style={s.eingabe}>
            {MONATS_WOCHEN.map((w) => (
              <option key={w.value} value={w.value}>
                {w.label}
              </option>
            ))}
          </select>
          <select aria-label="Wochentag im Monat" value={form.monatsTag} onChange={(e) => this.aendere({ monatsTag: e.target.value as Wochentag })} style={s.eingabe}>
            {WOCHENTAGE.map((t) => (
              <option key={t} value={t}>
                {WOCHENTAG_NAMEN[t]}
              </option>
            ))}
          </select>
          <span>im Monat</span>
        </div>
      </fieldset>
    );
  }

  experte() {
    const { form } = this.state;
    const id = `${this.props.forID}-regel`;
    const fehler = form.regel.trim() ? rruleFehler(form.regel) : 'Bitte eine Regel eintragen, z. B. FREQ=WEEKLY;BYDAY=TU.';
    return (
      <div style={s.gruppe}>
        <label htmlFor={id}>Wiederholungsregel (RRULE, ohne DTSTART)</label>
        <input
          id={id}
          type="text"
          value={form.regel}
          spellCheck={false}
          aria-invalid={Boolean(fehler)}
          aria-describedby={`${id}-status`}
          onChange={(e) => this.aendere({ regel: e.target.value })}
          style={{ ...s.eingabe, width: '100%', fontFamily: 'monospace' }}
        />
        <p id={`${id}-status`} aria-live="polite" style={fehler ? s.fehler : s.hinweis}>
          {fehler ?? 'Regel in Ordnung.'}
        </p>
      </div>
    );
  }

  ende() {
    const { form } = this.state;
    const name = `${this.props.forID}-ende`;
    const radio = (wert: Ende, text: string) => (
      <label style={{ display: 'inline-flex', gap: '0.25rem', alignItems: 'center', minHeight: '2.25rem' }}>
        <input type="radio" name={name} checked={form.ende === wert} onChange={() => this.aendere({ ende: wert })} />
        {text}
      </label>
    );
    return (
      <fieldset style={s.gruppe}>
        <legend>Wie lange?</legend>
        <div style={s.zeile}>{radio('offen', 'ohne Enddatum')}</div>
        <div style={s.zeile}>
          {radio('datum', 'bis einschließlich')}
          <input
            type="date"
            aria-label="Letzter möglicher Termin"
            value={form.bis}
            onChange={(e) => this.aendere({ bis: e.target.value, ende: 'datum' })}
            style={s.eingabe}
          />
        </div>
        <div style={s.zeile}>
          {radio('anzahl', 'Anzahl der Termine')}
          <input
            type="number"
            min={1}
            max={999}
            aria-label="Anzahl der Termine"
            value={form.anzahl ?? ''}
            onChange={(e) => this.aendere({ anzahl: e.target.value ? Number(e.target.value) : null, ende: 'anzahl' })}
            style={{ ...s.eingabe, width: '6rem' }}
          />
        </div>
      </fieldset>
    );
  }

  datumsliste(liste: 'ausnahmen' | 'zusatztermine', titel: string, knopf: string, neu: string, setzeNeu: (v: string) => void) {
    const feldname = liste === 'ausnahmen' ? 'Ausnahme am' : 'Zusätzlicher Termin am';
    const daten = this.state.form[liste];
    const id = `${this.props.forID}-${liste}`;
    return (
      <fieldset style={s.gruppe}>
        <legend>{titel}</legend>
        {daten.length > 0 && (
          <ul style={{ margin: '0.25rem 0', paddingLeft: '1.25rem' }}>
            {daten.map((d) => (
              <li key={d} style={s.zeile}>
                <span>{/^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDatumLang(d) : d}</span>
                <button type="button" style={s.knopf} onClick={() => this.aendere({ [liste]: daten.filter((x) => x !== d) })} aria-label={`${formatDatumSicher(d)} entfernen`}>
                  Entfernen
                </button>
              </li>
            ))}
          </ul>
        )}
        <div style={s.zeile}>
          <label htmlFor={id}>{feldname}</label>
          <input id={id} type="date" value={neu} onChange={(e) => setzeNeu(e.target.value)} style={s.eingabe} />
          <button type="button" style={s.knopf} disabled={!neu} onClick={() => this.fuegeHinzu(liste, neu)}>
            {knopf}
          </button>
        </div>
      </fieldset>
    );
  }

  vorschau() {
    const { form, termin } = this.state;
    const wert = formZuWert(form);
    let inhalt: ReactNode;
    if (!termin.datum) inhalt = <p style={s.hinweis}>Bitte oben das Datum (des ersten Termins) eintragen.</p>;
    else if (wert && rruleFehler(wert.regel)) inhalt = <p style={s.hinweis}>Die Vorschau erscheint, sobald die Regel gültig ist.</p>;
    else {
      const serie = wert ? { regel: wert.regel, ausnahmen: wert.ausnahmen?.map(String), zusatztermine: wert.zusatztermine?.map(String) } : undefined;
      const t: TerminLike = { ...termin, ...(serie ? { wiederholung: serie } : {}) };
      let daten: ReturnType<typeof naechsteTermine> = [];
      let passt = true;
      try {
        daten = naechsteTermine(t, 'vorschau', new Date(), 5);
        passt = !wert || startPasstZurRegel(termin.datum, wert.regel, termin.ganztaegig ? '00:00' : (termin.beginn ?? '00:00'));
      } catch {
        daten = [];
      }
      inhalt = (
        <>
          {wert && <p>{serienBeschreibung(wert.regel, termin.datum)}</p>}
          {!passt && (
            <p style={s.fehler} role="alert">
              Der erste Termin ({formatDatumLang(termin.datum)}) passt nicht zur Regel. Bitte das Datum auf einen Tag der Reihe legen.
            </p>
          )}
          {daten.length ? (
            <ol>
              {daten.map((o) => (
                <li key={o.key}>
                  <span style={o.ausgefallen ? { textDecoration: 'line-through' } : undefined}>
                    {formatDatumLang(o.datum)}
                    {o.beginn ? `, ${o.beginn}${o.ende ? `–${o.ende}` : ''} Uhr` : ''}
                  </span>
                  {o.ausgefallen && ` – fällt aus${o.grund ? `: ${o.grund}` : ''}`}
                  {o.zusatztermin && ' (zusätzlicher Termin)'}
                </li>
              ))}
            </ol>
          ) : (
            <p>Keine kommenden Termine.</p>
          )}
        </>
      );
    }
    return (
      <section aria-live="polite" aria-label="Vorschau der nächsten Termine" style={{ ...s.gruppe, background: '#f3f3f1' }}>
        <strong>Vorschau: die nächsten 5 Termine</strong>
        {inhalt}
      </section>
    );
  }
}

function formatDatumSicher(d: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDatumLang(d) : d;
}

/** The widget preview: the rule in words. */
export function WiederholungVorschau({ value }: { value?: unknown }) {
  const wert = alsJS(value) as WiederholungsWert | undefined;
  if (!wert?.regel || rruleFehler(wert.regel)) return <p>einmalig</p>;
  return <p>{serienBeschreibung(wert.regel)}</p>;
}
