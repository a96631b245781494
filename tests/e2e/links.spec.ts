/**
 * No broken link on the built site: every internal link, image, script, canonical and social
 * preview URL points at a file in dist/, and every #anker at an id on its page. Reads dist/ like
 * a crawler would, without a browser (src/lib/link-pruefung.ts; the same check as `npm run check:links`).
 */
import { expect, test } from '@playwright/test';
import { pruefeInterneLinks } from '../../src/lib/link-pruefung';

test('keine defekten internen Links und Anker in dist/', () => {
  const { defekt, seiten, links } = pruefeInterneLinks('dist');
  expect(seiten).toBeGreaterThan(20);
  expect(links).toBeGreaterThan(seiten);
  expect(defekt.map((d) => `${d.seite}: ${d.link} – ${d.grund}`)).toEqual([]);
});
