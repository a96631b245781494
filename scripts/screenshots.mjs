#!/usr/bin/env node
// Screenshots of pages at phone (390 px) and desktop (1280 px) width, for looking at what we build.
// Usage: node scripts/screenshots.mjs http://127.0.0.1:4321 /pfad/ /anderer/ … (PNGs go to ./screenshots/)
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { findBrowser } from './browser-path.mjs';

const [base, ...pfade] = process.argv.slice(2);
const ziel = process.env.SHOTS_DIR ?? 'screenshots';
mkdirSync(ziel, { recursive: true });
const browser = await chromium.launch({ executablePath: findBrowser() ?? undefined, args: ['--no-sandbox', '--disable-gpu'] });
for (const [name, width] of [['phone', 390], ['desktop', 1280]]) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  for (const pfad of pfade) {
    await page.goto(base + pfad, { waitUntil: 'networkidle' });
    const datei = `${ziel}/${name}${pfad.replace(/[/?=&]+/g, '_') || '_'}.png`;
    await page.screenshot({ path: datei, fullPage: process.env.FULL === '1' });
    console.log(datei);
  }
  await page.close();
}
await browser.close();
