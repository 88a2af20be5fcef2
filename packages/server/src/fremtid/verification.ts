/**
 * Dialogues that require ID-porten sign-in (one verified person, one participant). The
 * participant page sends the browser to `GET /api/fremtid/dialogues/:id/verification/start`,
 * which starts the identity provider flow with the purpose `fremtid-dialogue:<id>` bound to
 * its state; the one OpenID Connect callback hands the checked ID token's issuer and subject
 * to {@link dialogueVerificationHandler}, which turns them into the participant of that
 * person in that dialogue ({@link participantIdentity}) and sends the browser back to the
 * participant page. The new participant token waits for the page in an HttpOnly cookie
 * scoped to `…/verification` for 5 minutes, and the page takes it once with
 * `POST …/verification/token`: it never appears in a URL (history, logs, `Referer`), and
 * nobody can plant their own token in someone else's browser with a crafted link (which
 * would let them read that person's answers). No account is made, no session is started,
 * and neither the subject nor any other claim is stored. Every refusal ends on the
 * participant page with a code it translates (`?error=state-mismatch`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { stringifySetCookie } from 'cookie';
import { z } from 'zod';
import {
  DIALOGUE_VERIFICATION_ERRORS,
  SignedInParticipant,
  type DialogueVerificationError,
} from '@helhet/model';
import { jsonSchema } from '../api/schemas.ts';
import { readCookie } from '../auth/cookies.ts';
import type { VerificationHandler, VerificationStarter } from '../auth/oidc/verification.ts';
import { SignInRefused } from '../auth/oidc/flow.ts';
import type { IdentityProvider } from '../auth/oidc/store.ts';
import { addressKey } from '../rate-limit/address.ts';
import { participantIdentity, type DialogueStore } from './dialogue-store.ts';
import type { DialogueLimiters } from './rate-limit.ts';

/** Kind of the purpose of a dialogue's sign-in (`fremtid-dialogue:<dialogue id>`). */
export const DIALOGUE_PURPOSE = 'fremtid-dialogue';
/** The web app's Fremtidsdialog start page. */
export const DIALOG_PAGE = '/fremtid/dialog';

/** The participant page of the dialogue with join code `code`. */
export const participantPage = (code: string) => `${DIALOG_PAGE}/${code}`;

const IdParams = z.object({ id: z.uuid() });

/** The cookie that carries a new participant token from the callback to the page. */
export const PARTICIPANT_COOKIE = 'helhet_fremtid_participant';
/** How long the token waits for the page to take it. */
const HANDOFF_S = 300;

const verificationPath = (id: string) => `/api/fremtid/dialogues/${id}/verification`;

function handoffCookie(id: string, value: string, maxAgeS: number, secure: boolean): string {
  // SameSite=Lax is enough: the page takes it with a same-origin request.
  return stringifySetCookie({
    name: PARTICIPANT_COOKIE,
    value,
    path: verificationPath(id),
    maxAge: maxAgeS,
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}

function errorCode(refusal: string): DialogueVerificationError {
  return (DIALOGUE_VERIFICATION_ERRORS as readonly string[]).includes(refusal)
    ? (refusal as DialogueVerificationError)
    : 'provider-error';
}

/**
 * The identity provider a dialogue signs its participants in with: the one chosen when it was
 * made, or, should that one have been removed since, the first of kind `idporten` (the same
 * issuer keeps the same participants). Null when the instance has none.
 */
export async function verificationProvider(
  starter: VerificationStarter,
  chosenId: string | null,
): Promise<IdentityProvider | null> {
  const chosen = chosenId ? await starter.provider(chosenId) : null;
  if (chosen?.kind === 'idporten') return chosen;
  return (await starter.providers()).find((p) => p.kind === 'idporten') ?? null;
}

/**
 * Finishes the sign-ins of dialogues (registered with the OpenID Connect callback);
 * `secure`: the cookies are `Secure` (served over HTTPS).
 */
export function dialogueVerificationHandler(
  store: DialogueStore,
  secure: boolean,
): VerificationHandler {
  const dialogueOf = async (purpose: string) => {
    const id = purpose.slice(DIALOGUE_PURPOSE.length + 1);
    return IdParams.safeParse({ id }).success ? store.get(id) : null;
  };
  const back = (reply: FastifyReply, code: string | null, error: DialogueVerificationError) =>
    reply.redirect(`${code ? participantPage(code) : DIALOG_PAGE}?error=${error}`, 303);
  return {
    async verified(_request, reply, done) {
      const dialogue = await dialogueOf(done.purpose);
      const keys = dialogue ? await store.verificationKeys(dialogue.id) : null;
      if (!dialogue || !keys) return back(reply, dialogue?.code ?? null, 'dialogue-not-found');
      const identity = participantIdentity(keys.salt, done.issuer, done.subject);
      const { participantToken } = await store.verifiedParticipant(dialogue.id, identity);
      reply.header('cache-control', 'no-store');
      reply.header('set-cookie', handoffCookie(dialogue.id, participantToken, HANDOFF_S, secure));
      return reply.redirect(participantPage(dialogue.code), 303);
    },
    async refused(reply, purpose, refusal) {
      const dialogue = await dialogueOf(purpose);
      return back(reply, dialogue?.code ?? null, errorCode(refusal));
    },
  };
}

/** Registers the start of a dialogue's ID-porten sign-in and the page's taking of its token. */
export function dialogueVerificationRoutes(
  app: FastifyInstance,
  store: DialogueStore,
  limits: DialogueLimiters,
  starter: VerificationStarter,
  secure: boolean,
): void {
  app.post(
    '/api/fremtid/dialogues/:id/verification/token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['fremtid'],
        summary:
          'Take the participant token an ID-porten sign-in left for this browser (once; null when there is none)',
        response: { 200: jsonSchema(SignedInParticipant) },
      },
    },
    async (request, reply) => {
      const params = IdParams.safeParse(request.params);
      const token = readCookie(request.headers.cookie, PARTICIPANT_COOKIE);
      reply.header('cache-control', 'no-store');
      if (!params.success || !token || !/^[A-Za-z0-9_-]{20,100}$/.test(token))
        return { participantToken: null };
      // Taken once: the cookie is gone after this answer.
      reply.header('set-cookie', handoffCookie(params.data.id, '', 0, secure));
      return { participantToken: token };
    },
  );

  app.get(
    '/api/fremtid/dialogues/:id/verification/start',
    {
      config: { access: 'public' },
      schema: {
        tags: ['fremtid'],
        summary:
          'Sign in with ID-porten to take part in a dialogue that requires it (redirects to ID-porten, then back to the participant page with a participant token)',
      },
    },
    async (request: FastifyRequest, reply) => {
      const params = IdParams.safeParse(request.params);
      const dialogue = params.success ? await store.get(params.data.id) : null;
      if (!dialogue) return reply.redirect(`${DIALOG_PAGE}?error=dialogue-not-found`, 303);
      const page = participantPage(dialogue.code);
      const keys = await store.verificationKeys(dialogue.id);
      // A dialogue joined by code has nothing to verify: its page joins as usual.
      if (!keys) return reply.redirect(page, 303);
      const back = (error: DialogueVerificationError) =>
        reply.redirect(`${page}?error=${error}`, 303);
      const left = await limits.signInPerAddress.take(`${addressKey(request.ip)}|${dialogue.id}`);
      if (!left.ok) return back('rate-limited');
      const provider = await verificationProvider(starter, keys.providerId);
      if (!provider) return back('verification-unavailable');
      try {
        return await starter.start(reply, provider, `${DIALOGUE_PURPOSE}:${dialogue.id}`, page);
      } catch (error) {
        if (!(error instanceof SignInRefused)) throw error;
        request.log.warn({ provider: provider.id, reason: error.message }, 'sign-in not started');
        return back(errorCode(error.refusal));
      }
    },
  );
}
