import { describe, expect, it } from 'vitest';
import {
  createLoopSearchSession,
  LoopWorkerRequest,
  type LoopSearchStart,
} from './loops-worker-protocol.ts';

describe('loop worker protocol', () => {
  it('validates requests and names bad fields', () => {
    const bad = LoopWorkerRequest.safeParse({
      type: 'start',
      requestId: 'r1',
      graph: { elementIds: [''], links: [] },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['graph', 'elementIds', 0]);
    expect(LoopWorkerRequest.safeParse({ type: 'cancel', requestId: 'r1' }).success).toBe(true);
  });

  it('streams loops in batches and ends with the summary', () => {
    // Ten self-links: ten loops of length 1.
    const elementIds = Array.from({ length: 10 }, (_, i) => `e${i}`);
    const start = LoopWorkerRequest.parse({
      type: 'start',
      requestId: 'r1',
      graph: {
        elementIds,
        links: elementIds.map((id) => ({ id: `l-${id}`, from: id, to: id, polarity: '+' })),
      },
      batchSize: 4,
    }) as LoopSearchStart;
    const session = createLoopSearchSession(start);
    const sizes: number[] = [];
    let step = session.nextBatch();
    while (step.summary === null) {
      sizes.push(step.loops.length);
      step = session.nextBatch();
    }
    sizes.push(step.loops.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10);
    expect(sizes[0]).toBe(4);
    expect(step.summary).toMatchObject({ count: 10, truncated: false });
    expect(session.nextBatch()).toEqual({ loops: [], summary: step.summary });
  });
});
