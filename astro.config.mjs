// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';

// The public address of the site; feeds, canonical URLs and QR codes are built from it.
const SITE = process.env.SITE_URL ?? 'https://quartiere.krefeld.example';

export default defineConfig({
  site: SITE,
  // Tests and the benchmark build other content side by side without sharing caches or output.
  ...(process.env.ASTRO_OUT_DIR ? { outDir: process.env.ASTRO_OUT_DIR } : {}),
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [react()],
  devToolbar: { enabled: false },
  server: { port: 4321, host: '127.0.0.1' },
});
