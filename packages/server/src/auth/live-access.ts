/**
 * Which principal each live-document connection belongs to, so that losing access (a role
 * change, a removal, signing out everywhere, a revoked share link) closes that principal's
 * connections to the workspace's documents at once. A closed connection that reconnects is
 * authorised again from scratch, with its new role.
 */
import type { Connection } from '@hocuspocus/server';

/** What a connection was authorised as. */
export interface ConnectionGrant {
  /** `user:<id>` or `guest:<id>` (`principalKey`). */
  principal: string;
  /** The principal's id: the owner of the records it writes (dot votes). */
  author: string;
  workspaceId: string;
  /** The session's hash when a session token authorised it (cookie or provider token). */
  sessionHash: string | null;
}

/** Which connections to close: every criterion given must match. */
export interface RevokeFilter {
  principals?: readonly string[];
  workspaceId?: string;
  sessionHash?: string;
}

/** The registry of open, authorised connections. */
export class LiveAccess {
  readonly #connections = new Map<Connection, ConnectionGrant>();

  /** Remembers an authorised connection until it closes. */
  add(connection: Connection, grant: ConnectionGrant): void {
    this.#connections.set(connection, grant);
  }

  /** Forgets a closed connection. */
  remove(connection: Connection): void {
    this.#connections.delete(connection);
  }

  /** Number of open connections (for tests and metrics). */
  get size(): number {
    return this.#connections.size;
  }

  /** Closes every connection matching `filter`; returns how many. */
  revoke(filter: RevokeFilter): number {
    let closed = 0;
    for (const [connection, grant] of this.#connections) {
      if (filter.principals && !filter.principals.includes(grant.principal)) continue;
      if (filter.workspaceId && filter.workspaceId !== grant.workspaceId) continue;
      if (filter.sessionHash && filter.sessionHash !== grant.sessionHash) continue;
      this.#connections.delete(connection);
      connection.close({ code: 4403, reason: 'access-revoked' });
      closed++;
    }
    return closed;
  }
}
