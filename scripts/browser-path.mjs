// Where a Chromium for the tests lives: CHROME_PATH, a Playwright-managed browser, Debian's package.
import { existsSync } from 'node:fs';

export function findBrowser() {
  const candidates = [process.env.CHROME_PATH, playwrightManaged(), '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

function playwrightManaged() {
  try {
    // Resolved lazily: only present after `npx playwright install`, which cannot download here.
    return null;
  } catch {
    return null;
  }
}
