/**
 * How an identity a provider vouched for becomes a signed-in account: the account linked to
 * its issuer and subject; else, when the provider vouches for the e-mail address, the account
 * with that address, or a new one (no password) when the provider lets new users join, and
 * the identity is linked to it; then the same session start as every other way of signing in
 * (`startUserSession`). An address the provider does not vouch for links and makes nothing
 * (`email-not-verified`): it could be anyone's, and would take over that person's account, or
 * their invitations.
 */
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthContext } from '../context.ts';
import { startUserSession } from '../sign-in.ts';
import { createUser, findUserByEmail, findUserById, type UserRow } from '../users.ts';
import type { SignInCompleter } from './completer.ts';
import { findLinkedUser, linkIdentity } from './linked-identities.ts';

/** The {@link SignInCompleter} over Helhet's accounts and sessions. */
export function accountSignIn(ctx: AuthContext): SignInCompleter {
  /** The account with the identity's address, made when there is none and it may be. */
  const byEmail = async (
    identity: Parameters<SignInCompleter['findOrCreateUser']>[0],
    provider: Parameters<SignInCompleter['findOrCreateUser']>[1],
  ): Promise<UserRow | 'new-users-not-allowed'> => {
    const existing = await findUserByEmail(ctx.db, identity.email);
    if (existing) return existing;
    if (!provider.allowNewUsers) return 'new-users-not-allowed';
    try {
      const user = await createUser(ctx.db, {
        email: identity.email,
        name: identity.name,
        passwordHash: null,
      });
      await recordAudit(ctx.db, {
        action: 'user-created',
        actor: `user:${user.id}`,
        details: { method: 'oidc', provider: provider.id },
      });
      return user;
    } catch (error) {
      // Two first sign-ins at once: the unique e-mail lets one create, the other finds it.
      const user = await findUserByEmail(ctx.db, identity.email);
      if (!user) throw error;
      return user;
    }
  };

  return {
    async findOrCreateUser(identity, provider) {
      const linkedId = await findLinkedUser(ctx.db, identity);
      let user: UserRow | undefined = linkedId ? await findUserById(ctx.db, linkedId) : undefined;
      if (!user) {
        if (!identity.emailVerified) return { refused: 'email-not-verified' };
        const found = await byEmail(identity, provider);
        if (found === 'new-users-not-allowed') return { refused: found };
        if (found.active !== 1) return { refused: 'account-inactive' };
        const owner = await linkIdentity(ctx.db, identity, found.id, provider.id);
        if (owner === found.id)
          await recordAudit(ctx.db, {
            action: 'identity-linked',
            actor: `user:${found.id}`,
            details: { method: 'oidc', provider: provider.id },
          });
        user = owner === found.id ? found : await findUserById(ctx.db, owner);
        if (!user) throw new Error(`account ${owner} vanished during sign-in`);
      }
      if (user.active !== 1) return { refused: 'account-inactive' };
      return { userId: user.id };
    },
    async startSession(request, reply, userId) {
      const user = await findUserById(ctx.db, userId);
      if (!user) throw new Error(`account ${userId} vanished during sign-in`);
      await startUserSession(ctx, request, reply, user, 'oidc');
    },
    async refused(request, refusal, providerId) {
      await recordAudit(ctx.db, {
        action: 'sign-in-failed',
        actor: null,
        details: { method: 'oidc', provider: providerId, reason: refusal },
        address: request.ip,
      });
    },
  };
}
