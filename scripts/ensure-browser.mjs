#!/usr/bin/env node
// Finds a Chromium for Playwright, or installs Debian's when we may (root on Debian/Ubuntu).
// Prints the path it settled on; exits 1 with one clear sentence when it cannot help.
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { findBrowser } from './browser-path.mjs';

const found = findBrowser();
if (found) {
  console.log(`Browser für die Tests: ${found}`);
  process.exit(0);
}

const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
const isDebianLike = /^(ID|ID_LIKE)=.*(debian|ubuntu)/m.test(osRelease);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

if (isDebianLike && isRoot) {
  console.log('Kein Chromium gefunden – installiere das Debian-Paket „chromium“ …');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
  const installed = findBrowser();
  if (installed) {
    console.log(`Browser für die Tests: ${installed}`);
    process.exit(0);
  }
}

console.error(
  'No Chromium found: install the "chromium" package (e.g. `sudo apt-get install chromium`) or set CHROME_PATH to a Chrome/Chromium binary, then run `npm test` again.',
);
process.exit(1);
