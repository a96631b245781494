/**
 * `astro build` without Vite's dependency pre-bundling.
 *
 * Before it builds, Astro reads the content through a temporary Vite dev server (`astro sync`).
 * That server starts Vite's dependency optimizer, which bundles React, react-dom and Astro's dev
 * toolbar for a browser that never connects: the pre-bundled files are never used. In the cold 1×
 * build the main thread waited 1.5–2 s for it before the content was read, with the second core
 * busy with the editor's bundle (CPU profile, 5.12.2026; the log line `[optimizer] bundling
 * dependencies...`). This integration empties the optimizer's list for every dev server started
 * during a build. `astro dev` keeps it: there a browser loads those modules.
 *
 * astro.config.mjs imports this with Node itself: only types.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** The Vite plugin: a dev server's environments get no dependencies to pre-bundle and look for none. */
export const OHNE_VORBUENDELN = {
  name: 'qp:ohne-vorbuendeln',
  enforce: 'post',
  // `post` runs after the integrations (React, Astro's toolbar) have added their entries. The
  // resolved list would be merged with a returned one, so it is replaced in place.
  configEnvironment(_name, config, env) {
    if (env.command === 'serve') config.optimizeDeps = { ...config.optimizeDeps, include: [], noDiscovery: true };
  },
} satisfies Plugin;

export default function ohneVorbuendeln(): AstroIntegration {
  return {
    name: 'qp-ohne-vorbuendeln',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [OHNE_VORBUENDELN] } });
      },
    },
  };
}
