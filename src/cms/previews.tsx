/**
 * Editor previews for Treff, Angebot, Termin and Quartier: the same markup classes and the same
 * CSS (src/styles/global.css, registered in admin.ts) as the public pages, and the same logic
 * (opening-hours table, next dates), so a QE sees what residents will see.
 */
import type { ReactNode } from 'react';
import { t } from '../i18n/de';
import { naechsteTermine, serienBeschreibung, type TerminLike } from '../lib/recurrence';
import { formatDatumKurz, formatDatumLang, formatZeitspanne } from '../lib/time';
import { rruleFehler } from '../schema/fields';
import { JA_NEIN_UNBEKANNT, KATEGORIEN, SPRACHEN, STADTBEZIRKE, ZIELGRUPPEN, labelOf, type Choice } from '../schema/enums';
import { alsJS, type ImmutableWert } from './editor-pruefung';
import { OeffnungszeitenVorschau } from './widgets/opening-hours-widget';

interface VorschauProps {
  entry: ImmutableWert;
  widgetFor: (name: string) => ReactNode;
  getAsset: (pfad: string) => unknown;
}

type Daten = Record<string, unknown>;
type Adresse = { strasse?: string; hausnummer?: string; plz?: string; ort?: string; zusatz?: string };
type Bild = { src?: string; alt?: string };

const daten = (entry: ImmutableWert) => (alsJS(entry.get('data')) ?? {}) as Daten;
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const liste = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
const labels = (werte: unknown, auswahl: readonly Choice[]) => liste(werte).map((w) => labelOf(auswahl, w)).join(', ');

function Beispiel({ an }: { an: unknown }) {
  if (an !== true) return null;
  return (
    <div className="qp-hinweis qp-hinweis--beispiel">
      <p>
        <strong className="qp-badge">{t('beispiel.badge')}</strong> {t('beispiel.text')}
      </p>
    </div>
  );
}

function AdressBlock({ adresse, name }: { adresse?: Adresse; name?: string }) {
  if (!adresse) return null;
  return (
    <address style={{ fontStyle: 'normal' }}>
      {name && (
        <>
          {name}
          <br />
        </>
      )}
      {adresse.strasse} {adresse.hausnummer}
      <br />
      {adresse.plz} {adresse.ort ?? 'Krefeld'}
      {adresse.zusatz && (
        <>
          <br />
          {adresse.zusatz}
        </>
      )}
    </address>
  );
}

function BildVorschau({ bild, getAsset }: { bild?: Bild; getAsset: VorschauProps['getAsset'] }) {
  if (!bild?.src) return null;
  const asset = getAsset(bild.src);
  return <img src={asset ? String(asset) : bild.src} alt={bild.alt ?? ''} style={{ maxWidth: '100%' }} />;
}

function Rahmen({ children }: { children: ReactNode }) {
  return (
    <main className="qp-container" style={{ paddingBottom: '2rem' }}>
      {children}
    </main>
  );
}

export function TreffVorschau({ entry, widgetFor }: VorschauProps) {
  const d = daten(entry);
  const bf = (d.barrierefreiheit ?? {}) as Daten;
  return (
    <Rahmen>
      <h1>{text(d.name) || 'Neuer Treff'}</h1>
      <p className="qp-lead">Treff im Quartier {text(d.quartier) || '…'}</p>
      <Beispiel an={d.beispiel} />
      <h2>{t('oeffnungszeiten')}</h2>
      <OeffnungszeitenVorschau value={text(d.oeffnungszeiten)} />
      {text(d.oeffnungszeiten_hinweis) && <p className="qp-meta">{text(d.oeffnungszeiten_hinweis)}</p>}
      <h2>{t('adresse')}</h2>
      <AdressBlock adresse={d.adresse as Adresse} />
      {text(d.oepnv) && (
        <p>
          <strong>{t('oepnv')}:</strong> {text(d.oepnv)}
        </p>
      )}
      <div className="qp-prosa">{widgetFor('body')}</div>
      <h2>{t('barrierefreiheit')}</h2>
      <dl className="qp-fakten">
        <dt>Eingang stufenlos</dt>
        <dd>{labelOf(JA_NEIN_UNBEKANNT, text(bf.stufenlos) || 'unbekannt')}</dd>
        <dt>Barrierefreies WC</dt>
        <dd>{labelOf(JA_NEIN_UNBEKANNT, text(bf.wc) || 'unbekannt')}</dd>
        <dt>Höranlage</dt>
        <dd>{labelOf(JA_NEIN_UNBEKANNT, text(bf.hoerschleife) || 'unbekannt')}</dd>
      </dl>
      {liste(d.sprachen).length > 0 && (
        <>
          <h2>{t('sprachen')}</h2>
          <p>{labels(d.sprachen, SPRACHEN)}</p>
        </>
      )}
      {text(d.zuletzt_geprueft) && (
        <p className="qp-meta">
          {t('geprueft')} {formatDatumLang(text(d.zuletzt_geprueft))}
        </p>
      )}
    </Rahmen>
  );
}

export function AngebotVorschau({ entry, widgetFor, getAsset }: VorschauProps) {
  const d = daten(entry);
  const kosten = (d.kosten ?? {}) as Daten;
  const anmeldung = (d.anmeldung ?? {}) as Daten;
  const ort = d.ort as { name?: string; adresse?: Adresse } | undefined;
  return (
    <Rahmen>
      <h1>{text(d.titel) || 'Neues Angebot'}</h1>
      {text(d.kategorie) && <p className="qp-lead">{labelOf(KATEGORIEN, text(d.kategorie))}</p>}
      <Beispiel an={d.beispiel} />
      <BildVorschau bild={d.bild as Bild} getAsset={getAsset} />
      <dl className="qp-fakten">
        <dt>{t('zeiten')}</dt>
        <dd>
          {text(d.zeiten) ? <OeffnungszeitenVorschau value={text(d.zeiten)} /> : d.nach_vereinbarung === true ? t('nach.vereinbarung') : '–'}
          {text(d.zeiten_hinweis) && <p className="qp-meta">{text(d.zeiten_hinweis)}</p>}
        </dd>
        <dt>{t('ort')}</dt>
        <dd>{ort?.name ? <AdressBlock adresse={ort.adresse} name={ort.name} /> : text(d.treff) || '–'}</dd>
        {liste(d.zielgruppen).length > 0 && (
          <>
            <dt>{t('zielgruppen')}</dt>
            <dd>{labels(d.zielgruppen, ZIELGRUPPEN)}</dd>
          </>
        )}
        <dt>{t('kosten')}</dt>
        <dd>{kosten.kostenlos === false ? text(kosten.text) : t('kostenlos')}</dd>
        <dt>Anmeldung</dt>
        <dd>{anmeldung.noetig === true ? `${t('anmeldung.noetig')}${text(anmeldung.text) ? `: ${text(anmeldung.text)}` : ''}` : t('anmeldung.nicht')}</dd>
      </dl>
      <div className="qp-prosa">{widgetFor('body')}</div>
    </Rahmen>
  );
}

export function TerminVorschau({ entry, widgetFor, getAsset }: VorschauProps) {
  const d = daten(entry);
  const wiederholung = d.wiederholung as TerminLike['wiederholung'];
  const serie = wiederholung?.regel && !rruleFehler(wiederholung.regel) ? wiederholung : undefined;
  const ort = d.ort as { name?: string; adresse?: Adresse } | undefined;
  let termine: ReturnType<typeof naechsteTermine> = [];
  if (/^\d{4}-\d{2}-\d{2}$/.test(text(d.datum))) {
    const termin: TerminLike = {
      datum: text(d.datum),
      beginn: text(d.beginn) || undefined,
      ende: text(d.ende) || undefined,
      ende_datum: text(d.ende_datum) || undefined,
      ganztaegig: d.ganztaegig === true,
      abgesagt: d.abgesagt === true,
      absage_grund: text(d.absage_grund) || undefined,
      ausfaelle: (Array.isArray(d.ausfaelle) ? d.ausfaelle : []).filter((a: { datum?: unknown }) => /^\d{4}-\d{2}-\d{2}$/.test(text(a?.datum))),
      ...(serie ? { wiederholung: serie } : {}),
    };
    try {
      termine = naechsteTermine(termin, 'vorschau', new Date(), 5);
    } catch {
      termine = [];
    }
  }
  return (
    <Rahmen>
      <h1>{text(d.titel) || 'Neuer Termin'}</h1>
      <Beispiel an={d.beispiel} />
      {d.abgesagt === true && (
        <div className="qp-hinweis qp-hinweis--warnung" role="note">
          <p>
            <strong>{serie ? 'Diese Terminreihe ist abgesagt.' : 'Dieser Termin ist abgesagt.'}</strong> {text(d.absage_grund)}
          </p>
        </div>
      )}
      <BildVorschau bild={d.bild as Bild} getAsset={getAsset} />
      <dl className="qp-fakten">
        <dt>Wann?</dt>
        <dd>
          {serie && (
            <>
              {serienBeschreibung(serie.regel, text(d.datum))}, {formatZeitspanne(text(d.beginn) || undefined, text(d.ende) || undefined, d.ganztaegig === true)}
            </>
          )}
          {termine.length > 0 ? (
            <ul className="qp-termine">
              {termine.map((o) => (
                <li key={o.key} className={o.ausgefallen ? 'qp-ausfall' : undefined}>
                  <time className="qp-termine__datum" dateTime={o.datum}>
                    {formatDatumKurz(o.datum)}
                  </time>
                  <div>
                    <div className="qp-termine__zeit">{formatZeitspanne(o.beginn, o.ende, o.ganztaegig)}</div>
                    {o.ausgefallen && (
                      <div className="qp-ausfall__grund">
                        {t('faellt.aus')}
                        {o.grund && <>: {o.grund}</>}
                      </div>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p>Keine kommenden Termine.</p>
          )}
        </dd>
        <dt>{t('ort')}</dt>
        <dd>{ort?.name ? <AdressBlock adresse={ort.adresse} name={ort.name} /> : text(d.treff) || 'Der Ort wird noch bekannt gegeben.'}</dd>
        {text(d.kategorie) && (
          <>
            <dt>{t('kategorie')}</dt>
            <dd>{labelOf(KATEGORIEN, text(d.kategorie))}</dd>
          </>
        )}
      </dl>
      <div className="qp-prosa">{widgetFor('body')}</div>
    </Rahmen>
  );
}

export function QuartierVorschau({ entry, widgetFor }: VorschauProps) {
  const d = daten(entry);
  const konferenz = d.sozialraumkonferenz as { datum?: string; ort?: string; text?: string } | undefined;
  return (
    <Rahmen>
      <h1>{text(d.name) || 'Neues Quartier'}</h1>
      {text(d.stadtbezirk) && <p className="qp-meta">Stadtbezirk {labelOf(STADTBEZIRKE, text(d.stadtbezirk))}</p>}
      <p className="qp-lead">{text(d.kurzbeschreibung)}</p>
      <Beispiel an={d.beispiel} />
      <div className="qp-prosa">{widgetFor('body')}</div>
      {konferenz?.datum && (
        <>
          <h2>Nächste Sozialraumkonferenz</h2>
          <p>
            {/^\d{4}-\d{2}-\d{2}$/.test(konferenz.datum) ? formatDatumLang(konferenz.datum) : konferenz.datum}
            {konferenz.ort && `, ${konferenz.ort}`}
          </p>
          {konferenz.text && <p>{konferenz.text}</p>}
        </>
      )}
    </Rahmen>
  );
}
