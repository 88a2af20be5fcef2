/**
 * `npm start`, `npm test` and `npm run bench` first run `scripts/require-node.cjs`, which must
 * tell a user with an older Node.js plainly that Node.js 24 is needed (the TypeScript sources
 * cannot even be loaded there). CI machines come with an older Node.js at /usr/bin/node, which
 * this test uses when it is there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const guard = fileURLToPath(new URL('../../../scripts/require-node.cjs', import.meta.url));
const systemNode = '/usr/bin/node';
const systemMajor = existsSync(systemNode)
  ? Number(
      spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], {
        encoding: 'utf8',
      }).stdout.trim(),
    )
  : NaN;

describe('the Node.js version guard', () => {
  it('lets Node.js 24 through silently', () => {
    const result = spawnSync(process.execPath, [guard], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it.skipIf(!(systemMajor < 24))('stops an older Node.js with a plain message', () => {
    const result = spawnSync(systemNode, [guard], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Helhet needs Node.js 24 or newer');
    expect(result.stderr).toContain(`this is Node.js ${systemMajor}.`);
  });
});
