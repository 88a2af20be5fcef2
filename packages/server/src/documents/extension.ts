/**
 * The one Hocuspocus extension that ties collaborative documents of every kind (maps,
 * workspace processes) to the database.
 *
 * Durability: Hocuspocus awaits `beforeSync` before it applies a client's update and before
 * it sends the sync-status acknowledgement (`MessageReceiver.readSyncMessage` in
 * @hocuspocus/server 4.x). Storing the update there means an update is committed before
 * anyone is told about it: before it is applied, broadcast to other clients or acknowledged.
 */
import type { Extension } from '@hocuspocus/server';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { parseDocumentName, roleAtLeast, roleCanEdit, type DocumentRef } from '@helhet/model';
import type { SessionCookie } from '../auth/cookies.ts';
import type { ConnectionGrant, LiveAccess } from '../auth/live-access.ts';
import {
  authenticateSessionToken,
  authenticateToken,
  principalKey,
  type Authenticated,
} from '../auth/principal.ts';
import { workspaceRole } from '../membership/memberships.ts';
import { CollabRefusal } from '../collab/refusal.ts';
import { inspectUpdate, refusalReason } from '../collab/validate-update.ts';
import type { Database } from '../db/tables.ts';
import { DOCUMENT_KINDS, documentExists } from './kinds.ts';
import type { DocumentStore } from './store.ts';

/** y-protocols sync message types carrying document content (SyncStep2 and Update). */
const CONTENT_MESSAGES = new Set([1, 2]);

/** Compact while a document is open once its log is this long (on the debounced store). */
const COMPACT_WHILE_OPEN = 100;

function notFound(documentName: string, ref: DocumentRef | null): CollabRefusal {
  return new CollabRefusal(
    `${ref?.kind ?? 'document'}-not-found`,
    ref ? `no ${ref.kind} with id "${ref.id}"` : `no document named "${documentName.slice(0, 80)}"`,
  );
}

/** Options of {@link documentsExtension}. */
export interface DocumentsExtensionOptions {
  /** Told the highest stored sequence number each document was loaded with. */
  onLoaded?(documentName: string, highestSeq: number): void;
  /** Reads the session cookie of the upgrade request. */
  cookie: SessionCookie;
  /** Where authorised connections are registered, to close them when access is lost. */
  live: LiveAccess;
}

/** What `onAuthenticate` puts in a connection's context. */
export interface AccessContext {
  grant?: ConnectionGrant;
}

function unauthenticated(): CollabRefusal {
  return new CollabRefusal('unauthenticated', 'sign in first', 4401);
}

/** The persistence extension; documents whose owner does not exist are refused. */
export function documentsExtension(
  db: Kysely<Database>,
  store: DocumentStore,
  options: DocumentsExtensionOptions,
): Extension {
  const authenticate = async (token: string, headers: Headers): Promise<Authenticated | null> => {
    // The provider's token (an API token or a session token) wins over the cookie.
    if (token) return authenticateToken(db, token);
    const cookieToken = options.cookie.read(headers.get('cookie'));
    return cookieToken ? authenticateSessionToken(db, cookieToken, 'cookie') : null;
  };
  const existing = async (documentName: string): Promise<DocumentRef> => {
    const ref = parseDocumentName(documentName);
    if (!ref || !(await documentExists(db, ref.kind, ref.id))) throw notFound(documentName, ref);
    return ref;
  };
  return {
    extensionName: 'helhet-documents',

    // Authorisation of a live document: who is asking (cookie or token), the document's
    // workspace from its kind, and the role there. No role is answered like a document that
    // does not exist, so names cannot be probed; viewers and commenters get read-only
    // connections.
    async onAuthenticate({ documentName, token, requestHeaders, connectionConfig }) {
      const auth = await authenticate(token, requestHeaders);
      if (!auth) throw unauthenticated();
      const ref = parseDocumentName(documentName);
      const workspaceId = ref ? await DOCUMENT_KINDS[ref.kind].workspaceOf(db, ref.id) : null;
      const role = workspaceId ? await workspaceRole(db, auth.principal, workspaceId) : null;
      if (!ref || !workspaceId || !role) throw notFound(documentName, ref);
      connectionConfig.readOnly = !roleCanEdit(role);
      const grant: ConnectionGrant = {
        principal: principalKey(auth.principal),
        author: auth.principal.id,
        workspaceId,
        role,
        sessionId: auth.session?.id ?? null,
      };
      return { grant } satisfies AccessContext;
    },

    async connected({ connection, context }) {
      const { grant } = context as AccessContext;
      if (!grant) return;
      options.live.add(connection, grant);
      connection.onClose(() => options.live.remove(connection));
    },

    async onLoadDocument({ documentName }) {
      const ref = parseDocumentName(documentName);
      if (!ref) throw notFound(documentName, ref);
      const loaded = await store.load(ref);
      options.onLoaded?.(documentName, loaded?.highestSeq ?? 0);
      if (loaded) return loaded.state;
      await existing(documentName);
      return undefined;
    },

    // A document saved by an earlier release is brought to the current schema as soon as it
    // is loaded, before any client syncs it; the migration is stored like any other change.
    async afterLoadDocument({ documentName, document }) {
      const ref = parseDocumentName(documentName);
      if (!ref) return;
      const before = Y.encodeStateVector(document);
      const result = DOCUMENT_KINDS[ref.kind].migrate(document);
      if (!result.ok) {
        console.error(`document ${documentName}: ${result.problem.message}`);
        return;
      }
      if (result.changed)
        await store.append(ref, Y.encodeStateAsUpdate(document, before), 'migration');
    },

    async beforeSync({ type, payload, documentName, connection, context, document }) {
      if (!CONTENT_MESSAGES.has(type)) return;
      // A read-only connection's update is never stored; Hocuspocus then neither applies nor
      // relays it and answers the sender that it was not accepted.
      if (connection.readOnly) return;
      const ref = parseDocumentName(documentName);
      if (!ref) throw notFound(documentName, ref);
      // The sender's id, so only they may change their own dot votes, and their role, so
      // only a facilitator changes a map's lock and timer (and nobody else its locked part).
      const grant = (context as AccessContext | undefined)?.grant;
      const inspection = inspectUpdate(payload, ref.kind, document, {
        author: grant?.author,
        facilitator: grant ? roleAtLeast(grant.role, 'facilitator') : false,
      });
      if (!inspection.ok)
        throw new CollabRefusal(refusalReason(inspection), inspection.problem, 4400);
      if (inspection.empty) return;
      await store.append(ref, payload, `ws:${connection.socketId}`);
    },

    async onStoreDocument({ documentName, clientsCount, document }) {
      // Every update is already stored; this debounced hook only does housekeeping.
      const ref = parseDocumentName(documentName);
      if (!ref) return;
      await store.flush();
      await DOCUMENT_KINDS[ref.kind].afterStore?.(db, ref.id, document);
      if (clientsCount === 0 || store.logLength(ref) >= COMPACT_WHILE_OPEN)
        await store.compact(ref);
    },
  };
}
