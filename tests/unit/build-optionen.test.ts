/**
 * The options `npm run build` starts Node with (scripts/build-optionen.mjs, used by scripts/build.mjs).
 * V8 flags are not part of Node's stable interface: a Node update that drops one would stop every
 * build ("bad option"), and one that renames it would lose the gain silently. This checks them
 * against the Node that runs the build.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUILD_NODE_OPTIONS, BUILD_V8_FLAGS } from '../../scripts/build-optionen.mjs';

const v8Optionen = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;

describe('scripts/build-optionen.mjs', () => {
  it.each(BUILD_V8_FLAGS)('%s is a V8 flag of this Node, off by default (so the build has to set it)', (flag) => {
    const name = flag.replace(/^--/, '');
    expect(v8Optionen).toContain(`--${name} `);
    expect(v8Optionen).toContain(`default: --no-${name}`);
  });

  it('starts Node with every option, and Node accepts them', () => {
    const r = spawnSync(process.execPath, [...BUILD_V8_FLAGS, '-e', 'process.stdout.write("ok")'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: BUILD_NODE_OPTIONS },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok');
  });
});
