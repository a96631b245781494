// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';

// The public address of the site; feeds, canonical URLs and QR codes are built from it.
const SITE = process.env.SITE_URL ?? 'https://quartiere.krefeld.example';

export default defineConfig({
  site: SITE,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [react()],
  devToolbar: { enabled: false },
  server: { port: 4321, host: '127.0.0.1' },
  preview: { port: 4321, host: '127.0.0.1' },
});
