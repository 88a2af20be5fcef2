/** Worker side of `trajectory-pool.ts`: runs the chunks it is given and posts their totals back. */
import { parentPort } from 'node:worker_threads';
// Only the stochastic module: the package index loads every parser and schema, which
// would add more than 0.1 s to each worker's start.
import { runTrajectories } from '@helhet/demografi/trajectories';
import type { TrajectoryJob, TrajectoryResult, TrajectorySetup } from './trajectory-pool.ts';

let setup: TrajectorySetup | undefined;

parentPort?.on('message', (job: TrajectoryJob) => {
  if (job.type === 'setup') {
    setup = job;
    return;
  }
  if (!setup) throw new Error('trajectory chunk before setup');
  const totals = runTrajectories(setup.rates, setup.options, job.first, job.count, setup.seed);
  parentPort!.postMessage({ first: job.first, totals } satisfies TrajectoryResult, [
    totals.buffer as ArrayBuffer,
  ]);
});
