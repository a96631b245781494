/**
 * Decap glue for editor validation (the checks themselves are in validation.ts):
 *  - every widget is wrapped so that a top-level field also runs the collection's zod schema
 *    and shows the German messages for its path right next to the field, before saving;
 *  - optional groups left empty (no image, no own place) do not demand their required sub-fields;
 *  - `preSave` removes cleared values and refuses to save anything the build would reject.
 */
import { Component, createElement, type ComponentType } from 'react';
import type { CMS as DecapCms } from 'decap-cms-core';
import { SAMMLUNGEN, type SammlungsName } from './config';
import { bereinige, leerePfade, pruefeEintrag, type Pruefergebnis } from './validation';

/** The Immutable.js values Decap hands to widgets (we only need this much of them). */
export interface ImmutableWert {
  get(key: string | number): unknown;
  toJS(): unknown;
  deleteIn(pfad: Array<string | number>): ImmutableWert;
}

const istImmutable = (v: unknown): v is ImmutableWert => typeof v === 'object' && v !== null && typeof (v as ImmutableWert).toJS === 'function';
export const alsJS = (v: unknown): unknown => (istImmutable(v) ? v.toJS() : v);

const SAMMLUNGS_NAMEN = new Set<string>(SAMMLUNGEN.map((s) => s.name));
const istSammlung = (name: unknown): name is SammlungsName => typeof name === 'string' && SAMMLUNGS_NAMEN.has(name);

/** One check per version of the entry: all top-level fields validate the same data on save. */
const cache = new WeakMap<object, Pruefergebnis>();
function pruefeDaten(sammlung: SammlungsName, daten: unknown): Pruefergebnis {
  if (typeof daten === 'object' && daten !== null) {
    const bekannt = cache.get(daten);
    if (bekannt) return bekannt;
    const ergebnis = pruefeEintrag(sammlung, alsJS(daten));
    cache.set(daten, ergebnis);
    return ergebnis;
  }
  return pruefeEintrag(sammlung, alsJS(daten));
}

/** True if nothing but empty values is left (the group counts as not filled in). */
function leererWert(wert: unknown): boolean {
  const js = alsJS(wert);
  if (js === undefined || js === null || js === '') return true;
  return !('x' in (bereinige({ x: js }) as Record<string, unknown>));
}

/** The props Decap passes to every widget control (the part we use). */
interface ControlProps {
  field: ImmutableWert;
  value: unknown;
  forID: string;
  parentIds?: string[];
  collection?: ImmutableWert;
  getEntry?: () => ImmutableWert | undefined;
  entry?: ImmutableWert;
  validate: () => void;
  classNameWrapper?: string;
  hasActiveStyle?: boolean;
  [key: string]: unknown;
}

/** The instance methods Decap looks for on a control (see decap-cms-core Widget.js). */
interface ControlInstanz {
  isValid?: () => unknown;
  validate?: () => void;
  getValidateValue?: () => unknown;
  focus?: (pfad?: string) => void;
  shouldComponentUpdate?: (next: ControlProps) => boolean;
  getWrappedInstance?: () => ControlInstanz;
}

type Gueltigkeit = boolean | { error: false | { type: string; message: string } } | Promise<unknown>;

/** The German messages of the zod check for the field a control edits (top-level fields only). */
export function schemaFehlerFuer(props: Pick<ControlProps, 'field' | 'collection' | 'getEntry' | 'entry'>): string[] {
  const sammlung = props.collection?.get('name');
  const entry = props.getEntry?.() ?? props.entry;
  if (!istSammlung(sammlung) || !entry) return [];
  const ergebnis = pruefeDaten(sammlung, entry.get('data'));
  return ergebnis.proFeld[String(props.field.get('name'))] ?? [];
}

/**
 * Wraps a widget control. Decap calls `isValid`, `validate`, `focus`, `getValidateValue` and
 * `shouldComponentUpdate` on the instance it gets as ref; we forward them to the real control
 * and add the schema check.
 */
export function mitSchemaPruefung(Innen: ComponentType<Record<string, unknown>>): ComponentType<ControlProps> {
  return class GeprueftesFeld extends Component<ControlProps> {
    static displayName = `Geprueft(${Innen.displayName ?? Innen.name ?? 'Widget'})`;
    innen: ControlInstanz | null = null;

    setzeInnen = (ref: ControlInstanz | null) => {
      this.innen = ref?.getWrappedInstance ? ref.getWrappedInstance() : ref;
    };

    istOben(): boolean {
      return !this.props.parentIds || this.props.parentIds.length === 0;
    }

    /** Optional and empty: required sub-fields do not apply (the group is simply absent). */
    istLeerUndOptional(): boolean {
      return this.props.field.get('required') === false && leererWert(this.props.value);
    }

    isValid = (): Gueltigkeit => {
      const innen = (this.innen?.isValid?.() ?? { error: false }) as Gueltigkeit;
      if (innen instanceof Promise) return innen;
      if (innen === false || (typeof innen === 'object' && innen.error)) return innen;
      if (!this.istOben()) return { error: false };
      // An empty required field already gets Decap's „… ist erforderlich“; one message is enough.
      if (this.props.field.get('required') !== false && leererWert(this.props.value)) return { error: false };
      const meldungen = schemaFehlerFuer(this.props);
      if (!meldungen.length) return { error: false };
      return { error: { type: 'CUSTOM', message: meldungen.join(' ') } };
    };

    validate = () => {
      const eigene = typeof this.innen?.validate === 'function';
      const leer = this.istLeerUndOptional();
      // Groups and lists validate their sub-fields; skip that for an empty optional group.
      if (eigene && !leer) this.innen!.validate!();
      // Decap does not run a group's own checks when it has sub-fields; we need them at the top.
      if (!eigene || leer || this.istOben()) this.props.validate();
    };

    getValidateValue = () => this.innen?.getValidateValue?.();

    focus = (pfad?: string) => {
      if (this.innen?.focus) this.innen.focus(pfad);
      else document.getElementById(this.props.forID)?.focus();
    };

    shouldComponentUpdate(next: ControlProps): boolean {
      const innen = this.innen?.shouldComponentUpdate;
      if (innen) return innen.call(this.innen, next);
      // Decap's own rule for controls without one (Widget.js).
      return next.value !== this.props.value || next.classNameWrapper !== this.props.classNameWrapper || next.hasActiveStyle !== this.props.hasActiveStyle;
    }

    render() {
      return createElement(Innen, { ...this.props, ref: this.setzeInnen });
    }
  };
}

/** Decap's built-in widgets the generated config uses (plus their relatives). */
const EINGEBAUTE = ['string', 'text', 'number', 'boolean', 'select', 'relation', 'datetime', 'object', 'list', 'image', 'file', 'markdown'];

interface Registrierung {
  control: ComponentType<Record<string, unknown>>;
}

/** Wraps Decap's built-in widgets in place (keeps their previews, schemas and styles). */
export function pruefeEingebauteWidgets(cms: DecapCms): void {
  for (const name of EINGEBAUTE) {
    const widget = cms.getWidget(name) as unknown as Registrierung | undefined;
    if (widget && !(widget.control as { displayName?: string }).displayName?.startsWith('Geprueft(')) {
      widget.control = mitSchemaPruefung(widget.control) as ComponentType<Record<string, unknown>>;
    }
  }
}

/**
 * Before anything is written: drop cleared values, then check the entry once more as a whole.
 * A failing check throws: Decap shows „Fehler beim Speichern: …“ with our German messages and
 * writes nothing (the per-field messages normally stop the user before this point).
 */
export function registriereSpeicherPruefung(cms: DecapCms): void {
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const e = entry as unknown as ImmutableWert;
      let daten = e.get('data') as ImmutableWert;
      for (const pfad of leerePfade(daten.toJS())) daten = daten.deleteIn(pfad);
      const sammlung = e.get('collection');
      if (istSammlung(sammlung)) {
        const ergebnis = pruefeEintrag(sammlung, daten.toJS());
        if (!ergebnis.ok) throw new Error(`Bitte korrigieren: ${ergebnis.alle.join(' · ')}`);
      }
      return daten;
    },
  });
}
