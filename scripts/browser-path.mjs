// Where a Chromium for the tests lives: CHROME_PATH, a Playwright-managed browser, Debian's package.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function findBrowser() {
  const candidates = [
    process.env.CHROME_PATH,
    playwrightManaged(),
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

/** The browser `npx playwright install` would have put in place (it cannot download here). */
function playwrightManaged() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    return chromium.executablePath();
  } catch {
    return null;
  }
}
