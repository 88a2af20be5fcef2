import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateRates, runTrajectories } from '@helhet/demografi';
import { readSnapshotFile, REPO_ROOT } from './snapshot-file.ts';
import { runTrajectoriesParallel } from './trajectory-pool.ts';

describe('stochastic trajectories on worker threads', () => {
  it('give the same numbers as a single-threaded run, whatever the number of workers', async () => {
    const rates = estimateRates(readSnapshotFile(), 2024);
    const options = { toYear: 2030 };
    const single = runTrajectories(rates, options, 0, 6, 7);
    const parallel = await runTrajectoriesParallel(rates, options, 6, 7, 2);
    expect(parallel).toEqual(single);
    // More workers than chunks of equal size: whoever is free takes the next trajectory.
    expect(await runTrajectoriesParallel(rates, options, 6, 7, 4)).toEqual(single);
    // Trajectories differ from each other.
    const year = 6;
    const t0 = single[(0 * 7 + year) * 357]!;
    const t1 = single[(1 * 7 + year) * 357]!;
    expect(t0).not.toBe(t1);
  });
});

describe('@helhet/demografi stays platform-free', () => {
  it('imports no Node modules outside tests, so it runs in a Web Worker', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.includes('.test')) files.push(p);
      }
    };
    walk(join(REPO_ROOT, 'packages/demografi/src'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files)
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/from ['"](node:|fs|path|zlib)/);
  });
});
