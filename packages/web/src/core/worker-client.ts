/**
 * Requests to a Web Worker as promises: the one way the app talks to its workers (the
 * Fremtid demography worker, the map's analysis and loop-search workers).
 *
 * - Every request carries an id that its answers repeat, so answers may arrive in any order.
 * - A request may be answered by several messages (the loop search streams batches): each
 *   reaches `onMessage`, and the promise settles with the one `isFinal` accepts.
 * - When the worker fails (`error`, or a message that cannot be deserialised) every pending
 *   request is rejected and the dead worker is dropped; the next request starts a new one.
 *   A worker that failed once never swallows later requests.
 * - `terminate` stops the worker (a computation cannot be interrupted otherwise) and rejects
 *   what is pending with {@link WorkerTerminatedError}.
 *
 * Free of React and DOM types beyond the `Worker` shape, so it is tested with a fake worker.
 */

/** The part of `Worker` this client uses. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

/** How a client recognises its answers. */
export interface WorkerClientOptions<Req, Res> {
  /** Makes the worker; called on the first request and on the first one after a failure. */
  create: () => WorkerLike;
  /** The id a request carries. */
  requestId: (request: Req) => string | number;
  /** The id of the request a message answers. */
  responseId: (response: Res) => string | number;
  /** Whether a message is the last answer to its request (default: every message is). */
  isFinal?: (response: Res) => boolean;
  /** The error a final message reports, if it reports one (the request is then rejected). */
  errorOf?: (response: Res) => string | null;
  /** Called when the worker has failed and been dropped (e.g. to redo a start-up handshake). */
  onFailure?: (error: Error) => void;
}

/** A request's answer messages, and how to settle it. */
interface Pending<Res> {
  resolve: (response: Res) => void;
  reject: (error: Error) => void;
  onMessage?: (response: Res) => void;
}

/** Thrown into pending requests when the client is terminated. */
export class WorkerTerminatedError extends Error {
  constructor() {
    super('the worker was stopped');
    this.name = 'WorkerTerminatedError';
  }
}

/** A client of one worker (started lazily, restarted after a failure). */
export interface WorkerClient<Req, Res> {
  /** Posts `request`; resolves with its final answer, rejects on an error answer or failure. */
  request(request: Req, onMessage?: (response: Res) => void): Promise<Res>;
  /** Posts a message that expects no answer (e.g. a cancellation); nothing if not started. */
  notify(message: unknown): void;
  /** Stops the worker and rejects what is pending; a later request starts a new worker. */
  terminate(): void;
}

/** A {@link WorkerClient} over the workers `options.create` makes. */
export function createWorkerClient<Req, Res>(
  options: WorkerClientOptions<Req, Res>,
): WorkerClient<Req, Res> {
  const isFinal = options.isFinal ?? (() => true);
  const errorOf = options.errorOf ?? (() => null);
  const pending = new Map<string | number, Pending<Res>>();
  let worker: WorkerLike | null = null;

  const rejectAll = (error: Error) => {
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(error);
  };

  const fail = (error: Error) => {
    const dead = worker;
    worker = null;
    dead?.terminate();
    rejectAll(error);
    options.onFailure?.(error);
  };

  const start = (): WorkerLike => {
    const w = options.create();
    w.onmessage = (event: MessageEvent) => {
      if (w !== worker) return; // from a worker that was dropped
      const response = event.data as Res;
      const id = options.responseId(response);
      const p = pending.get(id);
      if (!p) return;
      p.onMessage?.(response);
      if (!isFinal(response)) return;
      pending.delete(id);
      const message = errorOf(response);
      if (message !== null) p.reject(new Error(message));
      else p.resolve(response);
    };
    w.onerror = (event: ErrorEvent) => {
      // Without this the browser reports the error as uncaught as well.
      event.preventDefault?.();
      if (w === worker) fail(new Error(event.message || 'the worker failed'));
    };
    w.onmessageerror = () => {
      if (w === worker) fail(new Error('a message from the worker could not be read'));
    };
    return w;
  };

  return {
    request(request, onMessage) {
      worker ??= start();
      const target = worker;
      return new Promise<Res>((resolve, reject) => {
        const id = options.requestId(request);
        pending.set(id, { resolve, reject, onMessage });
        try {
          target.postMessage(request);
        } catch (error) {
          // e.g. a value that cannot be cloned: this request fails, the worker is fine.
          pending.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    notify(message) {
      worker?.postMessage(message);
    },
    terminate() {
      const w = worker;
      worker = null;
      w?.terminate();
      rejectAll(new WorkerTerminatedError());
    },
  };
}
