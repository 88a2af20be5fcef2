/**
 * Entry of an import worker thread (see `import-pool.ts`): runs one import job per message
 * and answers with its outcome, moving the encoded document states rather than copying them.
 */
import { parentPort } from 'node:worker_threads';
import { runImportJob, transferablesOf, type ImportKind } from './import-job.ts';

/** A job sent by the pool. */
export interface ImportRequest {
  readonly id: number;
  readonly kind: ImportKind;
  readonly body: Uint8Array;
}

if (!parentPort) throw new Error('import-worker.ts runs as a worker thread');
const port = parentPort;
port.on('message', (request: ImportRequest) => {
  try {
    const outcome = runImportJob(request.kind, request.body);
    port.postMessage({ id: request.id, outcome }, transferablesOf(outcome));
  } catch (error) {
    // A bug, not bad input (that is an outcome): the pool fails the request and says why.
    const failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    port.postMessage({ id: request.id, failure });
  }
});
