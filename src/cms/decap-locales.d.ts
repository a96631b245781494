// decap-cms-locales ships no typings; the phrases object is passed to CMS.registerLocale as is.
declare module 'decap-cms-locales' {
  export const de: Record<string, unknown>;
}
