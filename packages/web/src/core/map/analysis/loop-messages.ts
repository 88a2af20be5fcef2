/**
 * What the loop worker sends the page: the model's `LoopWorkerResponse`, except that a
 * batch carries its loops as JSON text.
 *
 * Why: the page must deserialise every message on the main thread. A batch as an array of
 * objects of string arrays is cloned object by object (structured clone), which measured
 * close to a second of main-thread time for 60,000 loops on a 2,000-element map; one string
 * per batch is copied in one piece and `JSON.parse` builds the same objects much faster.
 */
import type { FoundLoop, LoopDoneMessage, LoopErrorMessage } from '@helhet/model';

/** A batch of loops as JSON text of `FoundLoop[]`. */
export interface EncodedLoopBatchMessage {
  type: 'batch';
  requestId: string;
  loopsJson: string;
}

/** Every message the web app's loop worker sends. */
export type EncodedLoopWorkerResponse =
  EncodedLoopBatchMessage | LoopDoneMessage | LoopErrorMessage;

/** The loops of a batch; the text comes from our own worker, so it is trusted to be `FoundLoop[]`. */
export function decodeLoops(message: EncodedLoopBatchMessage): FoundLoop[] {
  return JSON.parse(message.loopsJson) as FoundLoop[];
}
