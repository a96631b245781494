declare namespace App {
  interface Locals {
    /** UI language of the page being rendered (`de`, `en`, `tr`, `ar`, `uk` …), from its URL. */
    sprache: string;
  }
}

/** Address of the editor's bundle for /admin/ (src/integrations/redaktion.ts). */
declare module 'virtual:qp-redaktion' {
  export const skript: string;
  export const stile: string[];
}
