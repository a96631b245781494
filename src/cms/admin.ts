/**
 * The editor (/admin only): Decap CMS with the generated configuration, German UI, widgets that
 * validate with the content schemas, custom widgets for opening hours and series, and previews
 * in the site's own CSS. Loaded from src/pages/admin/index.astro; no other page imports this.
 */
import CMS from 'decap-cms-app';
import type { CmsConfig } from 'decap-cms-core';
import { de } from 'decap-cms-locales';
import siteCss from '../styles/global.css?url';
import { buildCmsConfig, type CmsBackendConfig } from './config';
import { mitSchemaPruefung, pruefeEingebauteWidgets, registriereSpeicherPruefung } from './editor-pruefung';
import { AngebotVorschau, QuartierVorschau, TerminVorschau, TreffVorschau } from './previews';
import { OeffnungszeitenControl, OeffnungszeitenVorschau } from './widgets/opening-hours-widget';
import { WiederholungControl, WiederholungVorschau } from './widgets/recurrence-widget';

/**
 * Production backend from the build environment (see CmsOptionen in config.ts for examples):
 * PUBLIC_CMS_BACKEND=github|gitea|gitlab|git-gateway, PUBLIC_CMS_REPO, PUBLIC_CMS_BRANCH,
 * PUBLIC_CMS_BASE_URL (OAuth proxy / Gitea host), PUBLIC_CMS_API_ROOT, PUBLIC_CMS_APP_ID.
 */
function backendAusUmgebung(): CmsBackendConfig | undefined {
  const env = import.meta.env;
  const name = env.PUBLIC_CMS_BACKEND as CmsBackendConfig['name'] | undefined;
  if (!name) return undefined;
  const optional = (key: string, wert: string | undefined) => (wert ? { [key]: wert } : {});
  return {
    name,
    branch: env.PUBLIC_CMS_BRANCH ?? 'main',
    ...optional('repo', env.PUBLIC_CMS_REPO),
    ...optional('base_url', env.PUBLIC_CMS_BASE_URL),
    ...optional('api_root', env.PUBLIC_CMS_API_ROOT),
    ...optional('app_id', env.PUBLIC_CMS_APP_ID),
    ...(name === 'gitlab' || name === 'gitea' ? { auth_type: 'pkce' as const } : {}),
  };
}

CMS.registerLocale('de', de);

// Validation: every built-in widget also runs the collection's zod schema; preSave re-checks.
pruefeEingebauteWidgets(CMS);
registriereSpeicherPruefung(CMS);

// Decap's widget typings are loose (`any`-based); our controls follow its runtime contract.
type WidgetKomponente = Parameters<typeof CMS.registerWidget>[1];
type VorschauKomponente = Parameters<typeof CMS.registerWidget>[2];
CMS.registerWidget(
  'oeffnungszeiten',
  mitSchemaPruefung(OeffnungszeitenControl as never) as unknown as WidgetKomponente,
  OeffnungszeitenVorschau as unknown as VorschauKomponente,
);
CMS.registerWidget(
  'wiederholung',
  mitSchemaPruefung(WiederholungControl as never) as unknown as WidgetKomponente,
  WiederholungVorschau as unknown as VorschauKomponente,
);

type Vorlage = Parameters<typeof CMS.registerPreviewTemplate>[1];
CMS.registerPreviewStyle(siteCss);
CMS.registerPreviewTemplate('treffs', TreffVorschau as unknown as Vorlage);
CMS.registerPreviewTemplate('angebote', AngebotVorschau as unknown as Vorlage);
CMS.registerPreviewTemplate('termine', TerminVorschau as unknown as Vorlage);
CMS.registerPreviewTemplate('quartiere', QuartierVorschau as unknown as Vorlage);

const config = buildCmsConfig({ backend: backendAusUmgebung(), siteUrl: window.location.origin });
CMS.init({ config: config as unknown as CmsConfig });
