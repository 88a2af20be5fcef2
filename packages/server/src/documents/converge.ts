/**
 * Keeps open documents converging to storage when several instances share it (Redis).
 *
 * An instance stores a client's update, applies it and acknowledges it, and only then does
 * the Redis fan-out reach the other instances. An instance killed in between leaves updates
 * that are stored and acknowledged but that no other instance's live document has: its
 * clients, exports and analyses lack them until the document is reloaded. Acknowledging only
 * after publishing would not close the gap (Redis pub/sub is at-most-once: a subscriber
 * reconnecting misses what was sent meanwhile), so instead every instance reads, about once
 * a second, what was stored for each of its open documents since it last looked, and applies
 * whatever its live document lacks. Storage is the truth; the fan-out only makes it fast.
 *
 * Sequence numbers are handed out at insert and rows become visible at commit, so a row may
 * appear after one with a higher number: each look starts from where the look before the
 * last one ended, re-reading one interval's rows (applying them again changes nothing).
 */
import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseDocumentName } from '@helhet/model';
import type { DocumentStore } from './store.ts';

/** How often open documents are compared with storage. */
export const CONVERGE_INTERVAL_MS = 1000;

/** The origin of updates applied from storage (not stored again: they came from there). */
const FROM_STORAGE = { source: 'local', skipStoreHooks: true, context: { from: 'storage' } };

interface Watermark {
  /** Read rows after this sequence number next time. */
  after: number;
  /** The highest sequence number seen by the last look. */
  seen: number;
}

/** Brings open documents up to date with storage, periodically. */
export class StorageConvergence {
  readonly #store: DocumentStore;
  readonly #hocuspocus: Hocuspocus;
  readonly #watermarks = new Map<string, Watermark>();
  #timer: ReturnType<typeof setInterval> | null = null;
  #running: Promise<void> | null = null;

  constructor(store: DocumentStore, hocuspocus: Hocuspocus) {
    this.#store = store;
    this.#hocuspocus = hocuspocus;
  }

  /** Notes that `documentName` was loaded with every update up to `highestSeq`. */
  loaded(documentName: string, highestSeq: number): void {
    this.#watermarks.set(documentName, { after: highestSeq, seen: highestSeq });
  }

  /** Starts looking every `intervalMs`. */
  start(intervalMs = CONVERGE_INTERVAL_MS): void {
    this.#timer ??= setInterval(() => {
      this.#running ??= this.catchUp().finally(() => (this.#running = null));
    }, intervalMs);
    this.#timer.unref();
  }

  /** Stops looking (waits for a look in progress). */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  /** Applies to every open document what storage has and it lacks. */
  async catchUp(): Promise<void> {
    for (const name of this.#watermarks.keys())
      if (!this.#hocuspocus.documents.has(name)) this.#watermarks.delete(name);
    for (const [name, document] of this.#hocuspocus.documents) {
      const mark = this.#watermarks.get(name);
      const ref = parseDocumentName(name);
      if (!mark || !ref || document.isLoading) continue;
      try {
        const { parts, highestSeq } = await this.#store.since(ref, mark.after);
        if (parts.length > 0 && this.#hocuspocus.documents.get(name) === document) {
          const merged = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
          Y.applyUpdate(
            document,
            Y.diffUpdate(merged, Y.encodeStateVector(document)),
            FROM_STORAGE,
          );
        }
        this.#watermarks.set(name, { after: mark.seen, seen: highestSeq });
      } catch (error) {
        console.error(`document ${name} could not be brought up to date with storage`, error);
      }
    }
  }
}
