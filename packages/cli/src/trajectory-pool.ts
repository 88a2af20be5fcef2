/**
 * Runs stochastic trajectories on `node:worker_threads`. The main thread estimates the rates
 * once and sends them to each worker once (typed arrays are copied by structured clone);
 * then it hands out the trajectories in small chunks, each to whichever worker is free, so
 * that a worker slowed down by other work on the machine does not hold up the rest. Every
 * trajectory keeps the seed a single-threaded run would give it, so results do not depend
 * on the number of workers or on which worker ran what.
 */
import { Worker } from 'node:worker_threads';
import type { PlanOptions, Rates } from '@helhet/demografi';

/** First message to each worker: what every trajectory shares. */
export interface TrajectorySetup {
  readonly type: 'setup';
  readonly rates: Rates;
  readonly options: PlanOptions;
  readonly seed: number;
}

/** A chunk of trajectories `first … first + count − 1` for a worker to run. */
export interface TrajectoryChunk {
  readonly type: 'chunk';
  readonly first: number;
  readonly count: number;
}

/** Message sent to a worker. */
export type TrajectoryJob = TrajectorySetup | TrajectoryChunk;

/** A worker's answer to a chunk: municipal totals `[(t * years + y) * nM + m]` of its trajectories. */
export interface TrajectoryResult {
  readonly first: number;
  readonly totals: Float32Array;
}

const WORKER_URL = new URL('./trajectory-worker.ts', import.meta.url);

/** Chunks per worker: small enough to balance uneven workers, large enough to cost little. */
const CHUNKS_PER_WORKER = 16;

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
  const threads = Math.max(0, Math.min(workers, count));
  if (threads === 0) return out;
  const chunk = Math.max(1, Math.ceil(count / (threads * CHUNKS_PER_WORKER)));
  let next = 0;
  const pool = Array.from({ length: threads }, () => new Worker(WORKER_URL));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = (): void => {
              if (next >= count) {
                resolve();
                return;
              }
              const first = next;
              next = Math.min(count, next + chunk);
              worker.postMessage({
                type: 'chunk',
                first,
                count: next - first,
              } satisfies TrajectoryJob);
            };
            worker.on('message', (result: TrajectoryResult) => {
              out.set(result.totals, result.first * years * nM);
              give();
            });
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (next < count || code !== 0)
                reject(new Error(`trajectory worker exited (${code})`));
            });
            worker.postMessage({ type: 'setup', rates, options, seed } satisfies TrajectoryJob);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out;
}
