import { describe, expect, it } from 'vitest';
import { createWorkerClient, WorkerTerminatedError, type WorkerLike } from './worker-client.ts';

type Req = { id: number; ask: string };
type Res = { id: number; type: 'part' | 'answer' | 'error'; text: string };

/** A worker-shaped object whose answers the test sends by hand. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly received: unknown[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    if (this.terminated) return; // a dead worker swallows messages, as a real one does
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(data: Res): void {
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

function setUp() {
  const workers: FakeWorker[] = [];
  const failures: string[] = [];
  const client = createWorkerClient<Req, Res>({
    create: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    requestId: (r) => r.id,
    responseId: (r) => r.id,
    isFinal: (r) => r.type !== 'part',
    errorOf: (r) => (r.type === 'error' ? r.text : null),
    onFailure: (e) => failures.push(e.message),
  });
  return { client, workers, failures };
}

describe('createWorkerClient', () => {
  it('starts the worker on the first request and routes answers by id, in any order', async () => {
    const { client, workers } = setUp();
    expect(workers).toHaveLength(0);
    const a = client.request({ id: 1, ask: 'a' });
    const b = client.request({ id: 2, ask: 'b' });
    expect(workers).toHaveLength(1);
    workers[0]!.answer({ id: 2, type: 'answer', text: 'B' });
    workers[0]!.answer({ id: 1, type: 'answer', text: 'A' });
    expect((await a).text).toBe('A');
    expect((await b).text).toBe('B');
  });

  it('passes every streamed message on and settles with the final one', async () => {
    const { client, workers } = setUp();
    const parts: string[] = [];
    const done = client.request({ id: 1, ask: 'a' }, (m) => parts.push(m.text));
    workers[0]!.answer({ id: 1, type: 'part', text: 'x' });
    workers[0]!.answer({ id: 1, type: 'part', text: 'y' });
    workers[0]!.answer({ id: 1, type: 'answer', text: 'z' });
    expect((await done).text).toBe('z');
    expect(parts).toEqual(['x', 'y', 'z']);
  });

  it('rejects on an error answer and keeps the worker', async () => {
    const { client, workers } = setUp();
    const bad = client.request({ id: 1, ask: 'a' });
    workers[0]!.answer({ id: 1, type: 'error', text: 'no such region' });
    await expect(bad).rejects.toThrow('no such region');
    const good = client.request({ id: 2, ask: 'b' });
    workers[0]!.answer({ id: 2, type: 'answer', text: 'B' });
    expect((await good).text).toBe('B');
    expect(workers).toHaveLength(1);
  });

  it('after the worker fails, rejects what was pending and answers later requests from a new worker', async () => {
    const { client, workers, failures } = setUp();
    const a = client.request({ id: 1, ask: 'a' });
    const b = client.request({ id: 2, ask: 'b' });
    workers[0]!.crash('out of memory');
    await expect(a).rejects.toThrow('out of memory');
    await expect(b).rejects.toThrow('out of memory');
    expect(failures).toEqual(['out of memory']);
    expect(workers[0]!.terminated).toBe(true);

    const later = client.request({ id: 3, ask: 'c' });
    expect(workers).toHaveLength(2);
    expect(workers[1]!.received).toEqual([{ id: 3, ask: 'c' }]);
    workers[1]!.answer({ id: 3, type: 'answer', text: 'C' });
    expect((await later).text).toBe('C');
  });

  it('terminate stops the worker, rejects what is pending, and a later request starts afresh', async () => {
    const { client, workers } = setUp();
    const a = client.request({ id: 1, ask: 'a' });
    client.notify({ type: 'cancel' });
    expect(workers[0]!.received).toEqual([{ id: 1, ask: 'a' }, { type: 'cancel' }]);
    client.terminate();
    await expect(a).rejects.toBeInstanceOf(WorkerTerminatedError);
    expect(workers[0]!.terminated).toBe(true);
    const b = client.request({ id: 2, ask: 'b' });
    workers[1]!.answer({ id: 2, type: 'answer', text: 'B' });
    expect((await b).text).toBe('B');
  });

  it('a request whose message cannot be posted fails alone', async () => {
    const { client, workers } = setUp();
    void client.request({ id: 1, ask: 'a' }).catch(() => {});
    workers[0]!.postMessage = () => {
      throw new Error('could not be cloned');
    };
    await expect(client.request({ id: 2, ask: 'b' })).rejects.toThrow('could not be cloned');
  });
});
