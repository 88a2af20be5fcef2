/**
 * Runs stochastic trajectories on `node:worker_threads`. The main thread estimates the rates
 * once and sends them (typed arrays are copied by structured clone); each worker runs its
 * share with the same seeds a single-threaded run would use, so results do not depend on
 * the number of workers.
 */
import { Worker } from 'node:worker_threads';
import type { PlanOptions, Rates } from '@helhet/demografi';

/** Message sent to each worker. */
export interface TrajectoryJob {
  readonly rates: Rates;
  readonly options: PlanOptions;
  readonly first: number;
  readonly count: number;
  readonly seed: number;
}

const WORKER_URL = new URL('./trajectory-worker.ts', import.meta.url);

/**
 * Runs `count` trajectories on `workers` threads and returns municipal totals
 * `[(t * years + y) * nM + m]` in trajectory order.
 */
export async function runTrajectoriesParallel(
  rates: Rates,
  options: PlanOptions,
  count: number,
  seed: number,
  workers = 2,
): Promise<Float32Array> {
  const nM = rates.codes.length;
  const years = options.toYear - rates.baseYear + 1;
  const out = new Float32Array(count * years * nM);
  const per = Math.ceil(count / workers);
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const first = w * per;
      const n = Math.max(0, Math.min(per, count - first));
      if (n === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(WORKER_URL);
        worker.once('message', (result: Float32Array) => {
          out.set(result, first * years * nM);
          void worker.terminate();
          resolve();
        });
        worker.once('error', reject);
        worker.postMessage({ rates, options, first, count: n, seed } satisfies TrajectoryJob);
      });
    }),
  );
  return out;
}
