/**
 * Which principal each live-document connection belongs to, so that losing access (a role
 * change, a removal, signing out or ending a session, a revoked share link, a deactivated or
 * erased account) closes that principal's connections to the workspace's documents at once.
 * A closed connection that reconnects is authorised again from scratch, with its new role.
 *
 * With several instances (`REDIS_URL`) the connections may be held by any of them:
 * {@link LiveAccess.revoke} closes this instance's at once and publishes the revocation to the
 * others (`revocation-channel.ts`), which close theirs.
 */
import type { Connection } from '@hocuspocus/server';
import type { WorkspaceRole } from '@helhet/model';
import { narrowsSomething, type RevocationChannel } from './revocation-channel.ts';

/** What a connection was authorised as. */
export interface ConnectionGrant {
  /** `user:<id>` or `guest:<id>` (`principalKey`). */
  principal: string;
  /** The principal's id: the owner of the records it writes (dot votes). */
  author: string;
  workspaceId: string;
  /**
   * The role the connection was authorised with: what its presence may do (lead others'
   * cameras) and whether it is held to a map's locks and may change them (facilitator or
   * owner). A role change closes the connection, so this holds while it is open.
   */
  role: WorkspaceRole;
  /** The session's opaque id when a session token authorised it (cookie or provider token). */
  sessionId: string | null;
}

/** Which connections to close: every criterion given must match; at least one is given. */
export interface RevokeFilter {
  principals?: readonly string[];
  workspaceId?: string;
  sessionId?: string;
}

/** Where a revocation the other instances could not be told of is reported. */
export type RevocationFailure = (error: Error, filter: RevokeFilter) => void;

/** The registry of open, authorised connections. */
export class LiveAccess {
  readonly #connections = new Map<Pick<Connection, 'close'>, ConnectionGrant>();
  #channel: RevocationChannel | null = null;
  #onFailure: RevocationFailure = () => {};

  /**
   * Sends every later {@link revoke} to the other instances through `channel` too; the
   * channel's incoming revocations are to be passed to {@link closeLocal}.
   */
  fanOut(channel: RevocationChannel, onFailure: RevocationFailure): void {
    this.#channel = channel;
    this.#onFailure = onFailure;
  }

  /** Resolves once revocations reach and come from the other instances (at once without). */
  ready(): Promise<void> {
    return this.#channel?.ready() ?? Promise.resolve();
  }

  /** Remembers an authorised connection until it closes. */
  add(connection: Pick<Connection, 'close'>, grant: ConnectionGrant): void {
    this.#connections.set(connection, grant);
  }

  /** Forgets a closed connection. */
  remove(connection: Pick<Connection, 'close'>): void {
    this.#connections.delete(connection);
  }

  /** Number of open connections (for tests and metrics). */
  get size(): number {
    return this.#connections.size;
  }

  /**
   * The one way to take live access away: closes the matching connections of this instance
   * at once and, with several instances, tells the others to close theirs. Resolves once the
   * others have been told (or telling them failed, which is reported and not thrown: the
   * change is made already, and their connections are refused when they reconnect).
   */
  async revoke(filter: RevokeFilter): Promise<void> {
    if (!narrowsSomething(filter)) throw new Error('A revocation must name what it revokes');
    this.closeLocal(filter);
    if (!this.#channel) return;
    try {
      await this.#channel.publish(filter);
    } catch (error) {
      this.#onFailure(error as Error, filter);
    }
  }

  /** Closes this instance's connections matching `filter`; returns how many. */
  closeLocal(filter: RevokeFilter): number {
    if (!narrowsSomething(filter)) return 0;
    let closed = 0;
    for (const [connection, grant] of this.#connections) {
      if (filter.principals && !filter.principals.includes(grant.principal)) continue;
      if (filter.workspaceId && filter.workspaceId !== grant.workspaceId) continue;
      if (filter.sessionId && filter.sessionId !== grant.sessionId) continue;
      this.#connections.delete(connection);
      connection.close({ code: 4403, reason: 'access-revoked' });
      closed++;
    }
    return closed;
  }
}
