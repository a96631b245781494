declare namespace App {
  interface Locals {
    /** UI language of the page being rendered (`de`, `en`, `tr`, `ar`, `uk` …), from its URL. */
    sprache: string;
  }
}
