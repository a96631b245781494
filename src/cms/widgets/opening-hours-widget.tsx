/**
 * Decap widget `oeffnungszeiten`: a row per weekday (geschlossen / geöffnet with one or two
 * time ranges / only a note), „an Feiertagen geschlossen“, and an expert field for the raw
 * OpenStreetMap syntax with live validation. Conversions: opening-hours-form.ts.
 */
import { Component, type ChangeEvent, type CSSProperties } from 'react';
import { oeffnungszeitenFehler } from '../../schema/fields';
import { wochentabelle } from '../../lib/opening-hours';
import {
  TAGE,
  TAG_NAMEN,
  formularLeer,
  formularZuText,
  leeresFormular,
  textZuFormular,
  vollstaendig,
  type OeffnungszeitenForm,
  type Tag,
  type TagesZeile,
  type Zeitraum,
} from './opening-hours-form';

interface Props {
  value?: string | null;
  onChange: (wert: string) => void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
}

interface State {
  /** The text as it stands (also while it is invalid). */
  text: string;
  /** The table; null when the text uses more than the table can show. */
  form: OeffnungszeitenForm | null;
  /** What we last sent, to tell our own changes from outside ones (e.g. „Änderungen verwerfen“). */
  gesendet: string;
}

type Zustand = 'zu' | 'offen' | 'hinweis';

const zustandVon = (z: TagesZeile): Zustand => (z.zeiten.length ? 'offen' : z.kommentar !== undefined ? 'hinweis' : 'zu');

const s = {
  zeile: { display: 'grid', gridTemplateColumns: '6.5rem 9rem minmax(0, 1fr)', gap: '0.5rem', alignItems: 'start', padding: '0.4rem 0', borderBottom: '1px solid #e0e0e0' },
  eingabe: { minHeight: '2.25rem', padding: '0.25rem 0.4rem', border: '1px solid #767676', borderRadius: 4, font: 'inherit' },
  knopf: { minHeight: '2.25rem', padding: '0.25rem 0.6rem', border: '1px solid #0d5a8c', borderRadius: 4, background: '#fff', color: '#0d5a8c', cursor: 'pointer', font: 'inherit' },
  fehler: { color: '#a1151b', fontWeight: 600, margin: '0.25rem 0' },
  ok: { color: '#1b5e20', margin: '0.25rem 0' },
  hinweis: { color: '#4a4a4a', fontSize: '0.9em', margin: '0.25rem 0' },
} satisfies Record<string, CSSProperties>;

function zustandAusWert(wert: string | null | undefined): State {
  const text = typeof wert === 'string' ? wert : '';
  return { text, form: text.trim() ? textZuFormular(text) : leeresFormular(), gesendet: text };
}

export class OeffnungszeitenControl extends Component<Props, State> {
  state: State = zustandAusWert(this.props.value);

  componentDidUpdate(vorher: Props) {
    const wert = this.props.value ?? '';
    if (wert !== (vorher.value ?? '') && wert !== this.state.gesendet) this.setState(zustandAusWert(wert));
  }

  sende(text: string, form: OeffnungszeitenForm | null) {
    this.setState({ text, form, gesendet: text });
    this.props.onChange(text);
  }

  aendereFormular(form: OeffnungszeitenForm) {
    this.sende(formularLeer(form) ? '' : formularZuText(form), form);
  }

  aendereTag(tag: Tag, zeile: TagesZeile) {
    const form = this.state.form ?? leeresFormular();
    this.aendereFormular({ ...form, tage: { ...form.tage, [tag]: zeile } });
  }

  aendereZustand(tag: Tag, zustand: Zustand) {
    const alt = (this.state.form ?? leeresFormular()).tage[tag];
    if (zustand === 'zu') this.aendereTag(tag, { zeiten: [] });
    else if (zustand === 'offen') this.aendereTag(tag, { zeiten: alt.zeiten.length ? alt.zeiten : [{ von: '', bis: '' }], ...(alt.kommentar ? { kommentar: alt.kommentar } : {}) });
    else this.aendereTag(tag, { zeiten: [], kommentar: alt.kommentar ?? 'nur nach Vereinbarung' });
  }

  aendereZeit(tag: Tag, i: number, teil: keyof Zeitraum, wert: string) {
    const zeile = (this.state.form ?? leeresFormular()).tage[tag];
    const zeiten = zeile.zeiten.map((z, j) => (j === i ? { ...z, [teil]: wert } : z));
    this.aendereTag(tag, { ...zeile, zeiten });
  }

  aendereText = (e: ChangeEvent<HTMLInputElement>) => {
    const text = e.target.value;
    // A text the table can show updates the table; otherwise the table waits (and is locked).
    this.sende(text, textZuFormular(text));
  };

  render() {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const { text, form } = this.state;
    const fehler = text.trim() ? oeffnungszeitenFehler(text) : null;
    const textId = `${forID}-text`;
    return (
      <div className={classNameWrapper} onFocus={setActiveStyle} onBlur={setInactiveStyle} id={forID} tabIndex={-1}>
        {form ? (
          <div role="group" aria-labelledby={`${forID}-titel`} style={{ margin: '0.25rem 0 0.5rem' }}>
            <p id={`${forID}-titel`} style={{ fontWeight: 600, margin: '0 0 0.25rem' }}>
              Regelmäßige Öffnungszeiten
            </p>
            {TAGE.map((tag) => this.zeile(tag, form.tage[tag]))}
          </div>
        ) : (
          <p style={s.hinweis} role="note">
            Diese Öffnungszeiten sind zu speziell für die Tabelle (z. B. Schulferien oder einzelne Monate). Bitte unten im Textfeld
            bearbeiten – oder das Textfeld leeren, um mit der Tabelle neu zu beginnen.
          </p>
        )}
        <label style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', margin: '0.5rem 0' }}>
          <input
            type="checkbox"
            checked={form?.feiertageGeschlossen ?? /\bPH\s+off\b/.test(text)}
            disabled={!form}
            onChange={(e) => form && this.aendereFormular({ ...form, feiertageGeschlossen: e.target.checked })}
          />
          An Feiertagen geschlossen
        </label>
        <details open={!form || Boolean(fehler)}>
          <summary>Für Fachleute: OpenStreetMap-Schreibweise</summary>
          <label htmlFor={textId} style={{ display: 'block', marginTop: '0.5rem' }}>
            Öffnungszeiten als Text
          </label>
          <input
            id={textId}
            type="text"
            value={text}
            onChange={this.aendereText}
            spellCheck={false}
            aria-invalid={Boolean(fehler)}
            aria-describedby={`${textId}-status`}
            style={{ ...s.eingabe, width: '100%', fontFamily: 'monospace' }}
          />
          <p id={`${textId}-status`} aria-live="polite" style={fehler ? s.fehler : s.ok}>
            {fehler ?? (text.trim() ? 'Schreibweise in Ordnung.' : 'Noch keine Öffnungszeiten eingetragen.')}
          </p>
        </details>
      </div>
    );
  }

  zeile(tag: Tag, zeile: TagesZeile) {
    const name = TAG_NAMEN[tag];
    const id = `${this.props.forID}-${tag}`;
    const zustand = zustandVon(zeile);
    const unvollstaendig = zeile.zeiten.some((z) => !vollstaendig(z));
    return (
      <div key={tag} style={s.zeile}>
        <label htmlFor={id} style={{ fontWeight: 600, paddingTop: '0.4rem' }}>
          {name}
        </label>
        <select id={id} value={zustand} onChange={(e) => this.aendereZustand(tag, e.target.value as Zustand)} style={{ ...s.eingabe, width: '100%' }}>
          <option value="zu">geschlossen</option>
          <option value="offen">geöffnet</option>
          <option value="hinweis">nur Hinweis</option>
        </select>
        <div>
          {zeile.zeiten.map((z, i) => (
            <div key={i} style={{ display: 'flex', gap: '0.4rem', alignItems: 'center', flexWrap: 'wrap', marginBottom: '0.25rem' }}>
              <input
                type="time"
                aria-label={`${name} ${i + 1}. Zeitraum von`}
                value={z.von}
                onChange={(e) => this.aendereZeit(tag, i, 'von', e.target.value)}
                style={{ ...s.eingabe, width: 'auto' }}
              />
              <span aria-hidden="true">bis</span>
              <input
                type="time"
                aria-label={`${name} ${i + 1}. Zeitraum bis`}
                value={z.bis}
                onChange={(e) => this.aendereZeit(tag, i, 'bis', e.target.value)}
                style={{ ...s.eingabe, width: 'auto' }}
              />
              {i > 0 && (
                <button type="button" style={s.knopf} onClick={() => this.aendereTag(tag, { ...zeile, zeiten: zeile.zeiten.filter((_, j) => j !== i) })}>
                  Zeitraum entfernen
                </button>
              )}
            </div>
          ))}
          {zustand === 'offen' && zeile.zeiten.length < 2 && (
            <button type="button" style={s.knopf} onClick={() => this.aendereTag(tag, { ...zeile, zeiten: [...zeile.zeiten, { von: '', bis: '' }] })}>
              + Zweiter Zeitraum am {name}
            </button>
          )}
          {unvollstaendig && <p style={s.hinweis}>Bitte Anfang und Ende eintragen.</p>}
          {zustand !== 'zu' && (
            <input
              type="text"
              value={zeile.kommentar ?? ''}
              aria-label={`Hinweis ${name}`}
              placeholder={zustand === 'offen' ? 'Hinweis (optional)' : 'z. B. nur nach Vereinbarung'}
              onChange={(e) => {
                const kommentar = e.target.value.replace(/"/g, '');
                this.aendereTag(tag, { zeiten: zeile.zeiten, ...(kommentar || zustand === 'hinweis' ? { kommentar } : {}) });
              }}
              style={{ ...s.eingabe, width: '100%', marginTop: '0.25rem' }}
            />
          )}
        </div>
      </div>
    );
  }
}

/** The widget preview: the week as the site shows it. */
export function OeffnungszeitenVorschau({ value }: { value?: string }) {
  if (!value || oeffnungszeitenFehler(value)) return <p>{value ?? ''}</p>;
  const woche = wochentabelle(value);
  return (
    <table className="qp-tabelle qp-oeffnungszeiten">
      <tbody>
        {woche.tage.map((t) => (
          <tr key={t.kurz}>
            <th scope="row">{t.name}</th>
            <td>
              {t.zeiten.length ? t.zeiten.map((z) => `${z.von}–${z.bis} Uhr`).join(', ') : t.kommentar ? '' : 'geschlossen'}
              {t.kommentar && <em> {t.kommentar}</em>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
