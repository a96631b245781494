import { defineConfig, devices } from '@playwright/test';
import { findBrowser } from './scripts/browser-path.mjs';

const PORT = 4329;
const executablePath = findBrowser() ?? undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      // The tests run against the built site (`npm run test:e2e` builds first).
      command: `node scripts/serve-dist.mjs --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
    },
    {
      // The same dist/ with the headers a static host sends (dist/_headers: CSP …) for tests/e2e/csp.spec.ts.
      command: 'node scripts/serve-dist.mjs --port 4330 --headers',
      url: 'http://127.0.0.1:4330/',
      reuseExistingServer: !process.env.CI,
    },
    {
      // The local CMS backend for tests/e2e/cms.spec.ts: writes into content/ (the test cleans up).
      command: 'npx decap-server',
      port: 8081,
      reuseExistingServer: !process.env.CI,
      env: { PORT: '8081', MODE: 'fs', LOG_LEVEL: 'warn' },
    },
  ],
});
