/**
 * Reading and changing documents of every kind as the API needs it: read from memory when
 * the document is open, else from storage; change it like a live collaborator (stored
 * before applied, through the same in-memory document as the open pages, so they see the
 * change at once).
 */
import type { Hocuspocus } from '@hocuspocus/server';
import type { Transaction } from 'kysely';
import * as Y from 'yjs';
import { DOCUMENT_KINDS } from './kinds.ts';
import { documentName, type DocumentRef } from '@helhet/model';
import type { Database } from '../db/tables.ts';
import { documentDepth } from './assemble.ts';
import type { DocumentStore, LoadedDocument } from './store.ts';

/** The nesting measured in the document each state of {@link encodeDocument} came from. */
const encodedDepths = new WeakMap<Uint8Array, number>();

/**
 * Encodes new content, written by `write` into an empty document, as one Yjs update. The
 * document's nesting is measured on the way (a walk over its items, far cheaper than
 * building it again), so the store can record the state as checked.
 */
export function encodeDocument(write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  try {
    write(doc);
    const state = Y.encodeStateAsUpdate(doc);
    encodedDepths.set(state, documentDepth(doc));
    return state;
  } finally {
    doc.destroy();
  }
}

/** The nesting of the document `state` was encoded from by {@link encodeDocument}, if it was. */
export function encodedDepth(state: Uint8Array): number | undefined {
  return encodedDepths.get(state);
}

/** What {@link LiveDocuments.read} passes to its reader besides the document. */
export interface ReadContext {
  /** Set when the stored document was loaded without some of its updates (see `store.ts`). */
  damage: LoadedDocument['damage'];
}

/** Live documents: the open Hocuspocus documents, backed by the store. */
export class LiveDocuments {
  readonly #store: DocumentStore;
  readonly #hocuspocus: Hocuspocus;

  constructor(store: DocumentStore, hocuspocus: Hocuspocus) {
    this.#store = store;
    this.#hocuspocus = hocuspocus;
  }

  /** The store behind the documents. */
  get store(): DocumentStore {
    return this.#store;
  }

  /** Stores a document's first state (inside the transaction that creates its owner). */
  initialize(
    trx: Transaction<Database>,
    ref: DocumentRef,
    state: Uint8Array,
    depth?: number | null,
  ): Promise<void> {
    return this.#store.initialize(trx, ref, state, depth);
  }

  /**
   * Reads the document with `reader`: the open one when it is open, else a copy built from
   * storage. Undefined when nothing is stored for it.
   */
  async read<T>(
    ref: DocumentRef,
    reader: (doc: Y.Doc, context: ReadContext) => T,
  ): Promise<T | undefined> {
    const name = documentName(ref);
    const open = this.#hocuspocus.documents.get(name);
    if (open) return reader(open, { damage: this.#store.damage(ref) });
    const loaded = await this.#store.load(ref);
    if (!loaded) return undefined;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, loaded.state);
      // Read as the current schema, like a loaded live document (nothing is stored here).
      DOCUMENT_KINDS[ref.kind].migrate(doc);
      return reader(doc, { damage: loaded.damage });
    } finally {
      doc.destroy();
    }
  }

  /**
   * Changes the document. `change` runs on a copy first: when it throws (invalid input),
   * nothing is stored or applied. Otherwise the update is stored, then applied to the live
   * document, which broadcasts it to every open page.
   */
  async edit<T>(ref: DocumentRef, change: (doc: Y.Doc) => T): Promise<T> {
    const connection = await this.#hocuspocus.openDirectConnection(documentName(ref), {
      source: 'api',
    });
    try {
      const live = connection.document;
      if (!live) throw new Error(`${ref.kind} ${ref.id} is not open`);
      const copy = new Y.Doc();
      let update: Uint8Array;
      let result: T;
      try {
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
        const before = Y.encodeStateVector(copy);
        result = change(copy);
        update = Y.encodeStateAsUpdate(copy, before);
      } finally {
        copy.destroy();
      }
      await this.#store.append(ref, update, 'api');
      await connection.transact((doc) => Y.applyUpdate(doc, update));
      return result;
    } finally {
      await connection.disconnect();
    }
  }

  /** The document's whole current state as one update (open or stored). */
  encode(ref: DocumentRef): Promise<Uint8Array | undefined> {
    return this.read(ref, (doc) => Y.encodeStateAsUpdate(doc));
  }

  /** Disconnects everyone from a deleted document and forgets what is kept about it. */
  close(ref: DocumentRef): void {
    this.#hocuspocus.closeConnections(documentName(ref));
    this.#store.forget(ref);
  }
}
