/**
 * Runs {@link assembleDocument} on a worker thread, so that merging and encoding a big
 * document (0.2–0.6 s of CPU for a 1.7 MB map) does not stall every other connection on the
 * event loop. One worker, started on first use and restarted when it dies; jobs queue in
 * order. Small documents are assembled in place: copying them to the worker costs more than
 * the work.
 */
import { Worker } from 'node:worker_threads';
import {
  assembleDocument,
  type AssembleOptions,
  type AssembledDocument,
  type StoredUpdate,
} from './assemble.ts';

/** A job for the worker. */
export interface AssembleJob {
  id: number;
  snapshot: Uint8Array | undefined;
  updates: readonly StoredUpdate[];
  options: AssembleOptions;
}

/** The worker's answer to a job. */
export type AssembleAnswer =
  { id: number; result: AssembledDocument } | { id: number; error: string };

/** Documents smaller than this (stored bytes) are assembled on the calling thread. */
export const IN_PLACE_BYTES = 64 * 1024;

const WORKER_URL = new URL('./assemble-worker.ts', import.meta.url);

interface Waiter {
  resolve: (result: AssembledDocument) => void;
  reject: (error: Error) => void;
}

/** Assembles documents on a worker thread. */
export class Assembler {
  #worker: Worker | null = null;
  #nextId = 1;
  readonly #waiting = new Map<number, Waiter>();
  readonly #inPlaceBytes: number;

  constructor(inPlaceBytes = IN_PLACE_BYTES) {
    this.#inPlaceBytes = inPlaceBytes;
  }

  /** {@link assembleDocument}, on the worker unless the document is small. */
  assemble(
    snapshot: Uint8Array | undefined,
    updates: readonly StoredUpdate[],
    options: AssembleOptions = {},
  ): Promise<AssembledDocument> {
    const bytes =
      (snapshot?.byteLength ?? 0) + updates.reduce((n, u) => n + u.update.byteLength, 0);
    if (bytes < this.#inPlaceBytes) {
      try {
        return Promise.resolve(assembleDocument(snapshot, updates, options));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    const id = this.#nextId++;
    return new Promise<AssembledDocument>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#thread().postMessage({ id, snapshot, updates, options } satisfies AssembleJob);
    });
  }

  /** Stops the worker; jobs still waiting are refused. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    this.#failAll('the document assembler was closed');
    await worker?.terminate();
  }

  #failAll(message: string): void {
    for (const waiter of this.#waiting.values()) waiter.reject(new Error(message));
    this.#waiting.clear();
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER_URL);
    worker.unref(); // never what keeps the process alive
    worker.on('message', (answer: AssembleAnswer) => {
      const waiter = this.#waiting.get(answer.id);
      this.#waiting.delete(answer.id);
      if (!waiter) return;
      if ('result' in answer) waiter.resolve(answer.result);
      else waiter.reject(new Error(answer.error));
    });
    const fail = (message: string) => {
      if (this.#worker !== worker) return;
      this.#worker = null; // the next job starts a new one
      this.#failAll(message);
    };
    worker.on('error', (e) => fail(`the document assembler failed: ${e.message}`));
    worker.on('exit', (code) => fail(`the document assembler stopped (exit code ${code})`));
    this.#worker = worker;
    return worker;
  }
}
