/**
 * The worker thread of `assembler.ts`: assembles documents (`assemble.ts`) off the main
 * thread and answers each job by its id.
 */
import { parentPort } from 'node:worker_threads';
import { assembleDocument } from './assemble.ts';
import type { AssembleJob, AssembleAnswer } from './assembler.ts';

parentPort!.on('message', (job: AssembleJob) => {
  let answer: AssembleAnswer;
  try {
    answer = { id: job.id, result: assembleDocument(job.snapshot, job.updates, job.options) };
  } catch (error) {
    answer = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
