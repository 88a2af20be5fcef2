/**
 * Web Worker that enumerates a map's feedback loops off the main thread, so the canvas
 * stays responsive on maps of thousands of elements. It hosts the model's
 * `createLoopSearchSession` exactly as `loops-worker-protocol.ts` describes: validate the
 * request, hand out loops in time-sliced batches, and yield to the event loop between
 * batches so a `cancel` (or a newer `start`) is seen promptly. Batches travel as JSON text
 * (see `loop-messages.ts`).
 */
import { createLoopSearchSession, LoopWorkerRequest, type LoopSearchSession } from '@helhet/model';
import type { EncodedLoopWorkerResponse } from '../../core/map/analysis/loop-messages.ts';

let current: LoopSearchSession | null = null;

function post(message: EncodedLoopWorkerResponse): void {
  self.postMessage(message);
}

async function run(session: LoopSearchSession): Promise<void> {
  let total = 0;
  try {
    for (;;) {
      if (current !== session) {
        post({
          type: 'done',
          requestId: session.requestId,
          summary: { count: total, truncated: true, reason: null, elapsedMs: 0 },
          cancelled: true,
        });
        return;
      }
      const step = session.nextBatch();
      total += step.loops.length;
      if (step.loops.length > 0)
        post({
          type: 'batch',
          requestId: session.requestId,
          loopsJson: JSON.stringify(step.loops),
        });
      if (step.summary) {
        post({
          type: 'done',
          requestId: session.requestId,
          summary: step.summary,
          cancelled: false,
        });
        if (current === session) current = null;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve));
    }
  } catch (e) {
    post({ type: 'error', requestId: session.requestId, message: (e as Error).message });
    if (current === session) current = null;
  }
}

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = LoopWorkerRequest.safeParse(event.data);
  if (!parsed.success) {
    const requestId =
      typeof (event.data as { requestId?: unknown })?.requestId === 'string'
        ? (event.data as { requestId: string }).requestId
        : '';
    post({
      type: 'error',
      requestId,
      message: parsed.error.issues[0]?.message ?? 'invalid request',
    });
    return;
  }
  const request = parsed.data;
  if (request.type === 'cancel') {
    if (current?.requestId === request.requestId) current = null;
    return;
  }
  try {
    const session = createLoopSearchSession(request);
    current = session;
    void run(session);
  } catch (e) {
    post({ type: 'error', requestId: request.requestId, message: (e as Error).message });
  }
};
