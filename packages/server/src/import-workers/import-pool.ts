/**
 * A small pool of worker threads that parse, validate and encode import bodies (see
 * `import-job.ts`), so a 15 MB file costs the main event loop only the database writes
 * instead of seconds of JSON parsing, schema validation and Yjs encoding.
 *
 * Jobs wait in a bounded queue; each worker takes one at a time. A worker that dies (out of
 * memory, a crash) fails its job with {@link ImportWorkerError} and is replaced by the next
 * job; idle workers stop after a while so their heaps are given back.
 */
import { isMarkedAsUntransferable, Worker, type ResourceLimits } from 'node:worker_threads';
import type { ImportKind, ImportOutcome } from './import-job.ts';
import type { ImportRequest } from './import-worker.ts';

/** An import that could not be processed for a reason other than its content. */
export class ImportWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportWorkerError';
  }
}

/** The queue is full: the server is busy with other imports. */
export class ImportQueueFullError extends Error {
  constructor() {
    super('The server is busy with other imports; try again in a moment');
    this.name = 'ImportQueueFullError';
  }
}

/** How the pool is sized. */
export interface ImportPoolOptions {
  /** Worker threads at most (default 1: the machine's other core serves everyone else). */
  readonly size?: number;
  /** Jobs that may wait for a worker before new ones are refused (default 8). */
  readonly maxQueued?: number;
  /** Idle time after which a worker stops (default 30 s). */
  readonly idleMs?: number;
  /** Heap limits of each worker; a job beyond them fails instead of exhausting the server. */
  readonly resourceLimits?: ResourceLimits;
  /** The worker's entry (tests only). */
  readonly entry?: URL;
}

interface Job {
  readonly request: ImportRequest;
  readonly transfer: ArrayBuffer[];
  resolve(outcome: ImportOutcome): void;
  reject(error: Error): void;
}

/** A worker's answer: the job's outcome, or why it failed. */
type WorkerAnswer = { id: number; outcome: ImportOutcome } | { id: number; failure: string };

interface Slot {
  readonly worker: Worker;
  job: Job | null;
  idleTimer: NodeJS.Timeout | null;
}

/** Default heap limit of a worker: room for the largest accepted workspace file. */
const DEFAULT_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 2048 };

/** Parses and encodes imports on worker threads. */
export class ImportPool {
  readonly #size: number;
  readonly #maxQueued: number;
  readonly #idleMs: number;
  readonly #limits: ResourceLimits;
  readonly #entry: URL;
  readonly #slots = new Set<Slot>();
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;

  constructor(options: ImportPoolOptions = {}) {
    this.#size = Math.max(1, options.size ?? 1);
    this.#maxQueued = options.maxQueued ?? 8;
    this.#idleMs = options.idleMs ?? 30_000;
    this.#limits = options.resourceLimits ?? DEFAULT_LIMITS;
    this.#entry = options.entry ?? new URL('./import-worker.ts', import.meta.url);
  }

  /** Worker threads running now (for tests and diagnostics). */
  get workers(): number {
    return this.#slots.size;
  }

  /**
   * Runs one import job. The body's memory moves to the worker when it owns its buffer
   * whole (it must not be used afterwards); otherwise it is copied.
   */
  run(kind: ImportKind, body: Uint8Array): Promise<ImportOutcome> {
    if (this.#closed) return Promise.reject(new ImportWorkerError('The server is stopping'));
    if (this.#queue.length >= this.#maxQueued) return Promise.reject(new ImportQueueFullError());
    const owned =
      body.buffer instanceof ArrayBuffer &&
      !isMarkedAsUntransferable(body.buffer) &&
      body.byteOffset === 0 &&
      body.byteLength === body.buffer.byteLength;
    // A small Buffer is usually a view into Node's shared pool: moving that would break others.
    const bytes = owned ? body : new Uint8Array(body); // a copy (Buffer#slice would share)
    return new Promise((resolve, reject) => {
      this.#queue.push({
        request: { id: this.#nextId++, kind, body: bytes },
        transfer: [bytes.buffer as ArrayBuffer],
        resolve,
        reject,
      });
      this.#dispatch();
    });
  }

  /** Stops every worker; queued and running jobs fail. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0))
      job.reject(new ImportWorkerError('The server is stopping'));
    await Promise.all([...this.#slots].map((slot) => this.#stop(slot)));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let slot = [...this.#slots].find((s) => s.job === null);
      if (!slot && this.#slots.size < this.#size) slot = this.#spawn();
      if (!slot) return;
      const job = this.#queue.shift()!;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage(job.request, job.transfer);
    }
  }

  #spawn(): Slot {
    const worker = new Worker(this.#entry, { resourceLimits: this.#limits });
    const slot: Slot = { worker, job: null, idleTimer: null };
    this.#slots.add(slot);
    worker.on('message', (message: WorkerAnswer) => {
      const job = slot.job;
      if (!job || job.request.id !== message.id) return;
      slot.job = null;
      if ('outcome' in message) job.resolve(message.outcome);
      else job.reject(new ImportWorkerError(`The import failed: ${message.failure}`));
      this.#idle(slot);
      this.#dispatch();
    });
    let failure: Error | null = null;
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      this.#slots.delete(slot);
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      const job = slot.job;
      slot.job = null;
      if (job) {
        const reason = failure ? `${failure.name}: ${failure.message}` : `exit code ${code}`;
        job.reject(
          new ImportWorkerError(
            `The import could not be processed (its worker stopped: ${reason})`,
          ),
        );
      }
      // A replacement starts with the next job, so a crash never leaves the queue stuck.
      if (!this.#closed) this.#dispatch();
    });
    return slot;
  }

  #idle(slot: Slot): void {
    // An idle worker must not keep the process alive, and gives its memory back after a while.
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => void this.#stop(slot), this.#idleMs);
    slot.idleTimer.unref();
  }

  async #stop(slot: Slot): Promise<void> {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    this.#slots.delete(slot);
    await slot.worker.terminate();
  }
}
