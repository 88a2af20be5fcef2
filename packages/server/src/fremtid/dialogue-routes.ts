/**
 * Fremtidsdialog API under `/api/fremtid/dialogues`. No accounts: the facilitator gets a
 * secret token when creating a dialogue, participants get one when joining with the short
 * code; both send it as `Authorization: Bearer <token>`, and either is needed to read the
 * results. Every body and parameter is validated with zod (errors name the field). Code
 * lookups, joins, answers, proposals and new dialogues are rate limited (`rate-limit.ts`
 * gives the figures and why); a refusal is 429 with `Retry-After` and the code
 * `rate-limited`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AnswerGiven,
  AnswerInput,
  CreatedDialogue,
  DialogueInput,
  DialogueResults,
  DialogueWithStatements,
  JoinInput,
  JoinedDialogue,
  OwnAnswers,
  ProposalInput,
  Statement,
  StatementInput,
  StatementStatusInput,
} from '@helhet/model';
import { ApiError, notFound, parseInput } from '../api/errors.ts';
import { ErrorBody, errorResponses, jsonSchema } from '../api/schemas.ts';
import { DialogueStore, type DialogueView } from './dialogue-store.ts';
import { addressKey } from '../rate-limit/address.ts';
import { rateLimited, takeOrRefuse, type RateLimiter } from '../rate-limit/limiter.ts';
import type { DialogueLimiters } from './rate-limit.ts';
import { knownRegions } from './regions.ts';
import type { VerificationStarter } from '../auth/oidc/verification.ts';
import { verificationProvider } from './verification.ts';

const IdParams = z.object({ id: z.uuid('must be a dialogue id') });
const StatementParams = IdParams.extend({ sid: z.uuid('must be a statement id') });
const CodeParams = z.object({
  code: z.string().regex(/^[A-Za-z0-9]{6}$/, 'must be the 6-character code of a dialogue'),
});

function bearer(request: FastifyRequest): string {
  const h = request.headers.authorization ?? '';
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(h);
  if (!m) throw new ApiError(401, 'This needs a token: send "Authorization: Bearer <token>"');
  return m[1]!;
}

function csvCell(v: string | number | null): string {
  const t = v === null ? '' : String(v);
  // A leading =, +, - or @ would be read as a formula by spreadsheets (CSV injection).
  const safe = /^[=+\-@]/.test(t) ? `'${t}` : t;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Registers the dialogue routes, limited by `limits`. `verification` starts ID-porten
 * sign-ins; without it no dialogue may require one.
 */
export function fremtidDialogueRoutes(
  app: FastifyInstance,
  store: DialogueStore,
  limits: DialogueLimiters,
  verification: VerificationStarter | null = null,
): void {
  const limit = (limiter: RateLimiter, key: string, message: string) =>
    takeOrRefuse(limiter, key, message);
  const address = (request: FastifyRequest) => addressKey(request.ip);

  const view = (d: DialogueView) => ({
    ...d,
    regionName: knownRegions().get(d.regionCode) ?? d.regionCode,
  });
  const dialogueOr404 = async (raw: unknown) => {
    const { id } = parseInput(IdParams, raw, 'path');
    const d = await store.get(id);
    if (!d) throw notFound('dialogue', id);
    return d;
  };
  const facilitator = async (request: FastifyRequest) => {
    const d = await dialogueOr404(request.params);
    if (!(await store.isFacilitator(d.id, bearer(request))))
      throw new ApiError(403, 'Only the facilitator of this dialogue may do this');
    return d;
  };
  const participant = async (request: FastifyRequest) => {
    const d = await dialogueOr404(request.params);
    const p = await store.participant(d.id, bearer(request));
    if (!p)
      throw new ApiError(
        403,
        'Unknown participant token for this dialogue: join again with the code',
      );
    return { dialogue: d, participantId: p };
  };
  /** Results are for the dialogue's facilitator and participants, not for anyone with its id. */
  const resultReader = async (request: FastifyRequest) => {
    const d = await dialogueOr404(request.params);
    const token = bearer(request);
    if (!(await store.isFacilitator(d.id, token)) && !(await store.participant(d.id, token)))
      throw new ApiError(
        403,
        'Only the facilitator and the participants of this dialogue may see its results',
      );
    return d;
  };
  const tags = ['fremtid'];
  const tooMany = {
    description: 'Rate limited: `Retry-After` says when to try again (code `rate-limited`)',
    ...jsonSchema(ErrorBody),
  };
  const auth = [{ bearer: [] }];

  app.post(
    '/api/fremtid/dialogues',
    {
      config: { access: 'account' },
      schema: {
        tags,
        summary: 'Create a dialogue (returns the secret facilitator token once)',
        body: jsonSchema(DialogueInput),
        response: {
          201: jsonSchema(CreatedDialogue),
          400: errorResponses[400],
          409: {
            description:
              'The dialogue asks for ID-porten sign-in, but no identity provider of kind `idporten` is configured (code `verification-unavailable`)',
            ...jsonSchema(ErrorBody),
          },
          429: tooMany,
        },
      },
    },
    async (request, reply) => {
      await limit(
        limits.createPerAddress,
        address(request),
        'Too many new dialogues from your address; wait a few minutes and try again',
      );
      const input = parseInput(DialogueInput, request.body, 'dialogue');
      if (!knownRegions().has(input.regionCode))
        throw new ApiError(
          400,
          `Invalid dialogue:\nregionCode: unknown municipality or county "${input.regionCode}"`,
          [{ path: 'regionCode', message: `unknown municipality or county "${input.regionCode}"` }],
        );
      let verificationProviderId: string | null = null;
      if (input.verification === 'idporten') {
        const provider = verification ? await verificationProvider(verification, null) : null;
        if (!provider)
          throw new ApiError(
            409,
            'This dialogue asks for ID-porten sign-in, but no identity provider of kind "idporten" is configured on this instance',
            [],
            { code: 'verification-unavailable' },
          );
        verificationProviderId = provider.id;
      }
      const created = await store.create({ ...input, verificationProviderId });
      return reply
        .status(201)
        .send({ dialogue: view(created.dialogue), facilitatorToken: created.facilitatorToken });
    },
  );

  app.get(
    '/api/fremtid/dialogues/by-code/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Find a dialogue by its join code, with its approved statements',
        response: {
          200: jsonSchema(DialogueWithStatements),
          429: tooMany,
        },
      },
    },
    async (request) => {
      const { code } = parseInput(CodeParams, request.params, 'path');
      // Only misses spend the budget (every participant's page looks its dialogue up again
      // every few seconds). It is checked before the lookup and spent after a miss: taking a
      // point first and giving it back on a hit would refuse a hall's own lookups whenever
      // more than the budget are in flight at once. The cost is that a burst of parallel
      // guesses all pass the check at the moment the budget runs out (bounded by the burst).
      const key = address(request);
      const message =
        'Too many codes that match no dialogue were tried from your address; check the code and try again in a few minutes';
      const left = await limits.lookupMisses.check(key);
      if (!left.ok) throw rateLimited(message, left.retryAfterS);
      const d = await store.byCode(code);
      if (!d) {
        await limit(limits.lookupMisses, key, message);
        throw notFound('dialogue with code', code.toUpperCase());
      }
      return { dialogue: view(d), statements: await store.statements(d.id) };
    },
  );

  app.post(
    '/api/fremtid/dialogues/:id/participants',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Join a dialogue without an account (returns a participant token); refused for a dialogue that requires ID-porten',
        body: jsonSchema(JoinInput),
        response: {
          201: jsonSchema(JoinedDialogue),
          400: errorResponses[400],
          403: {
            description:
              'The dialogue requires ID-porten sign-in (code `verification-required`): start at `…/verification/start`',
            ...jsonSchema(ErrorBody),
          },
          429: tooMany,
        },
      },
    },
    async (request, reply) => {
      const d = await dialogueOr404(request.params);
      if (d.verification !== 'none')
        throw new ApiError(
          403,
          'This dialogue requires signing in with ID-porten; the code alone is not enough',
          [],
          { code: 'verification-required' },
        );
      const { deviceId } = parseInput(JoinInput, request.body ?? {}, 'join');
      const network = `${address(request)}|${d.id}`;
      // The device's own budget first, so a device refused for itself does not also spend
      // its network's budget (shared with everyone else in the hall).
      if (deviceId)
        await limit(
          limits.joinPerDevice,
          `${deviceId}|${d.id}`,
          'This device has joined this dialogue too many times; use the answers it already has, or wait an hour',
        );
      else
        await limit(
          limits.joinWithoutDevice,
          network,
          'Too many joins without a device id from your address; wait a few minutes and try again',
        );
      await limit(
        limits.joinPerAddress,
        network,
        'Too many people have joined this dialogue from your network in the last minutes; wait a few minutes and try again',
      );
      return reply.status(201).send(await store.join(d.id));
    },
  );

  app.get(
    '/api/fremtid/dialogues/:id/me',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: auth,
        summary: "The participant's own answers",
        response: {
          200: jsonSchema(OwnAnswers),
        },
      },
    },
    async (request) => {
      const { participantId } = await participant(request);
      return { answers: await store.answersOf(participantId) };
    },
  );

  app.put(
    '/api/fremtid/dialogues/:id/statements/:sid/answer',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: auth,
        summary:
          'Answer a statement (agree, disagree or unsure); answering again changes the answer',
        body: jsonSchema(AnswerInput),
        response: { 200: jsonSchema(AnswerGiven), 400: errorResponses[400], 429: tooMany },
      },
    },
    async (request) => {
      const { sid } = parseInput(StatementParams, request.params, 'path');
      const { dialogue, participantId } = await participant(request);
      await limit(
        limits.answerPerParticipant,
        participantId,
        'You are answering faster than anyone reads; wait a moment and try again',
      );
      const { answer } = parseInput(AnswerInput, request.body, 'answer');
      if (!(await store.isOpenStatement(dialogue.id, sid))) throw notFound('statement', sid);
      await store.answer(participantId, sid, answer);
      return { answer };
    },
  );

  app.post(
    '/api/fremtid/dialogues/:id/proposals',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: auth,
        summary: 'Propose a statement; it is shown once the facilitator approves it',
        body: jsonSchema(ProposalInput),
        response: { 201: jsonSchema(Statement), 400: errorResponses[400], 429: tooMany },
      },
    },
    async (request, reply) => {
      const { dialogue, participantId } = await participant(request);
      await limit(
        limits.proposePerParticipant,
        participantId,
        'You have sent many proposals in a short time; wait a few minutes before the next',
      );
      const { text } = parseInput(ProposalInput, request.body, 'proposal');
      return reply
        .status(201)
        .send(await store.addStatement(dialogue.id, { text }, 'proposed', participantId));
    },
  );

  app.get(
    '/api/fremtid/dialogues/:id/results',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: auth,
        summary:
          'Live results: approved statements with answer counts, for the facilitator (the projector view polls this) and participants',
        response: {
          200: jsonSchema(DialogueResults),
        },
      },
    },
    async (request, reply) => {
      const d = await resultReader(request);
      reply.header('cache-control', 'no-store');
      return { dialogue: view(d), ...(await store.results(d.id)) };
    },
  );

  app.get(
    '/api/fremtid/dialogues/:id/results.csv',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: auth,
        summary: 'Results as CSV (one row per statement), for the facilitator and participants',
      },
    },
    async (request, reply) => {
      const d = await resultReader(request);
      const r = await store.results(d.id);
      const lines = [
        ['statement', 'figure', 'agree', 'disagree', 'unsure', 'answers', 'participants'],
        ...r.statements.map((s) => [
          s.text,
          s.figure,
          s.agree,
          s.disagree,
          s.unsure,
          s.agree + s.disagree + s.unsure,
          r.participants,
        ]),
      ].map((row) => row.map(csvCell).join(','));
      reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="fremtidsdialog-${d.code}.csv"`);
      return `\uFEFF${lines.join('\r\n')}\r\n`;
    },
  );

  app.get(
    '/api/fremtid/dialogues/:id/admin',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: auth,
        summary: 'Facilitator view: every statement including proposals',
        response: {
          200: jsonSchema(DialogueWithStatements),
        },
      },
    },
    async (request) => {
      const d = await facilitator(request);
      return { dialogue: view(d), statements: await store.statements(d.id, true) };
    },
  );

  app.post(
    '/api/fremtid/dialogues/:id/statements',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: auth,
        summary: 'Facilitator adds an approved statement',
        body: jsonSchema(StatementInput),
        response: { 201: jsonSchema(Statement), 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const d = await facilitator(request);
      const input = parseInput(StatementInput, request.body, 'statement');
      return reply.status(201).send(await store.addStatement(d.id, input, 'approved'));
    },
  );

  app.patch(
    '/api/fremtid/dialogues/:id/statements/:sid',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: auth,
        summary: 'Facilitator approves or rejects a statement',
        body: jsonSchema(StatementStatusInput),
        response: { 200: jsonSchema(Statement), 400: errorResponses[400] },
      },
    },
    async (request) => {
      const { sid } = parseInput(StatementParams, request.params, 'path');
      const d = await facilitator(request);
      const { status } = parseInput(StatementStatusInput, request.body, 'status');
      const s = await store.setStatus(d.id, sid, status);
      if (!s) throw notFound('statement', sid);
      return s;
    },
  );
}
