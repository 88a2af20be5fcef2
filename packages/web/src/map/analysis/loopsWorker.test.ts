/**
 * The loop worker host, run in Node with its global scope standing in for a worker's
 * (`self.onmessage` in, `self.postMessage` out): the same module the browser loads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoMap, type FoundLoop } from '@helhet/model';
import { mapStructure } from '../../core/map/analysis/graph-input.ts';
import {
  decodeLoops,
  type EncodedLoopWorkerResponse,
} from '../../core/map/analysis/loop-messages.ts';

const sent: EncodedLoopWorkerResponse[] = [];
const scope = globalThis as unknown as {
  self?: unknown;
  onmessage?: (event: { data: unknown }) => void;
};
let send: (data: unknown) => void;

beforeAll(async () => {
  scope.self = {
    postMessage: (m: EncodedLoopWorkerResponse) => sent.push(m),
    set onmessage(handler: (event: { data: unknown }) => void) {
      send = (data) => handler({ data });
    },
  };
  await import('./loops.worker.ts');
});
afterAll(() => {
  delete scope.self;
});

async function settle(requestId: string) {
  for (let i = 0; i < 200; i++) {
    if (sent.some((m) => m.requestId === requestId && m.type !== 'batch')) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no end for ${requestId}`);
}

function loopsOf(requestId: string): FoundLoop[] {
  return sent.flatMap((m) =>
    m.type === 'batch' && m.requestId === requestId ? decodeLoops(m) : [],
  );
}

describe('loop worker host', () => {
  const graph = mapStructure(createDemoMap()).input;

  it('streams the loops of a start request and then a summary', async () => {
    send({ type: 'start', requestId: 'a', graph, budgets: { maxLength: 8 } });
    await settle('a');
    expect(
      loopsOf('a')
        .map((l) => l.polarity)
        .sort(),
    ).toEqual(['B', 'B', 'R']);
    const done = sent.find((m) => m.requestId === 'a' && m.type === 'done');
    expect(done).toMatchObject({
      type: 'done',
      cancelled: false,
      summary: { count: 3, truncated: false },
    });
  });

  it('reports a budget that left loops out', async () => {
    send({ type: 'start', requestId: 'b', graph, budgets: { maxLength: 3 } });
    await settle('b');
    expect(loopsOf('b')).toHaveLength(1);
    expect(sent.find((m) => m.requestId === 'b' && m.type === 'done')).toMatchObject({
      summary: { truncated: true, reason: 'maxLength' },
    });
  });

  it('answers an invalid request with an error naming the problem, and keeps working', async () => {
    send({ type: 'start', requestId: 'c', graph: { elementIds: ['bad id'], links: [] } });
    await settle('c');
    const error = sent.find((m) => m.requestId === 'c');
    expect(error?.type).toBe('error');
    send({ type: 'start', requestId: 'd', graph, budgets: {} });
    await settle('d');
    expect(loopsOf('d')).toHaveLength(3);
  });

  it('stops a cancelled search: it ends as cancelled without its remaining loops', async () => {
    // A complete graph on 9 elements has far more loops than one batch.
    const ids = Array.from({ length: 9 }, (_, i) => `n${i}`);
    const links = ids.flatMap((from, i) =>
      ids
        .filter((_, j) => j !== i)
        .map((to) => ({ id: `${from}-${to}`, from, to, polarity: '+' as const })),
    );
    send({
      type: 'start',
      requestId: 'e',
      graph: { elementIds: ids, links },
      batchSize: 10,
      sliceMs: 1,
    });
    send({ type: 'cancel', requestId: 'e' });
    await settle('e');
    const done = sent.find((m) => m.requestId === 'e' && m.type === 'done');
    expect(done).toMatchObject({ cancelled: true });
    expect(loopsOf('e').length).toBeLessThan(100);
  });
});
