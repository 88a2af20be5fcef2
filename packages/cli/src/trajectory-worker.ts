/** Worker side of `trajectory-pool.ts`: runs one share of the trajectories and posts the totals back. */
import { parentPort } from 'node:worker_threads';
import { runTrajectories } from '@helhet/demografi';
import type { TrajectoryJob } from './trajectory-pool.ts';

parentPort?.once('message', (job: TrajectoryJob) => {
  const totals = runTrajectories(job.rates, job.options, job.first, job.count, job.seed);
  parentPort!.postMessage(totals, [totals.buffer as ArrayBuffer]);
});
