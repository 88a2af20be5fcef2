/**
 * How an identity a provider vouched for becomes a signed-in account: the account with that
 * e-mail, or a new one (no password) when the provider lets new users join; then the same
 * session start as every other way of signing in (`startUserSession`).
 */
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthContext } from '../context.ts';
import { startUserSession } from '../sign-in.ts';
import { createUser, findUserByEmail, findUserById, type UserRow } from '../users.ts';
import type { SignInCompleter } from './completer.ts';

/** The {@link SignInCompleter} over Helhet's accounts and sessions. */
export function accountSignIn(ctx: AuthContext): SignInCompleter {
  return {
    async findOrCreateUser(identity, provider) {
      let user: UserRow | undefined = await findUserByEmail(ctx.db, identity.email);
      if (!user) {
        if (!provider.allowNewUsers) return { refused: 'new-users-not-allowed' };
        try {
          user = await createUser(ctx.db, {
            email: identity.email,
            name: identity.name,
            passwordHash: null,
          });
          await recordAudit(ctx.db, {
            action: 'user-created',
            actor: `user:${user.id}`,
            details: { method: 'oidc', provider: provider.id },
          });
        } catch (error) {
          // Two first sign-ins at once: the unique e-mail lets one create, the other finds it.
          user = await findUserByEmail(ctx.db, identity.email);
          if (!user) throw error;
        }
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
