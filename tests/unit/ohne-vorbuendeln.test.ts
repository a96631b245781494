/**
 * During `astro build` the dev server that reads the content pre-bundles nothing
 * (src/integrations/ohne-vorbuendeln.ts); `astro dev` keeps Vite's optimizer.
 */
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import ohneVorbuendeln, { OHNE_VORBUENDELN } from '../../src/integrations/ohne-vorbuendeln';

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;

function pluginsFuer(command: 'build' | 'dev' | 'preview' | 'sync'): unknown[] {
  const plugins: unknown[] = [];
  const setup = ohneVorbuendeln().hooks['astro:config:setup'] as Setup;
  void setup({ command, updateConfig: (c: { vite?: { plugins?: unknown[] } }) => plugins.push(...(c.vite?.plugins ?? [])) } as unknown as Parameters<Setup>[0]);
  return plugins;
}

describe('ohne Vorbündeln', () => {
  it('gilt nur für astro build', () => {
    expect(pluginsFuer('build')).toEqual([OHNE_VORBUENDELN]);
    expect(pluginsFuer('dev')).toEqual([]);
    expect(pluginsFuer('sync')).toEqual([]);
  });

  it('leert im Dev-Server des Builds die Liste des Optimierers und lässt den Build selbst, wie er ist', () => {
    const zuVorbuendeln = () => ({ optimizeDeps: { include: ['react', 'react-dom/client'], exclude: ['x'] } });
    const serve = zuVorbuendeln();
    OHNE_VORBUENDELN.configEnvironment.call({} as never, 'client', serve, { command: 'serve', mode: 'production', isPreview: false, isSsrBuild: false });
    expect(serve.optimizeDeps).toEqual({ include: [], exclude: ['x'], noDiscovery: true });
    const build = zuVorbuendeln();
    OHNE_VORBUENDELN.configEnvironment.call({} as never, 'client', build, { command: 'build', mode: 'production', isPreview: false, isSsrBuild: false });
    expect(build).toEqual(zuVorbuendeln());
  });
});
