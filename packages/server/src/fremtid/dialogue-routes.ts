/**
 * Fremtidsdialog API under `/api/fremtid/dialogues`. No accounts: the facilitator gets a
 * secret token when creating a dialogue, participants get one when joining with the short
 * code; both send it as `Authorization: Bearer <token>`. Every body and parameter is
 * validated with zod (errors name the field); write routes are rate limited per client
 * address and dialogue.
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
  JoinedDialogue,
  OwnAnswers,
  ProposalInput,
  Statement,
  StatementInput,
  StatementStatusInput,
} from '@helhet/model';
import { ApiError, notFound, parseInput } from '../api/errors.ts';
import { errorResponses, jsonSchema } from '../api/schemas.ts';
import { DialogueStore, type DialogueView } from './dialogue-store.ts';
import { DEFAULT_DIALOGUE_LIMITS, TokenBuckets, type DialogueLimits } from './rate-limit.ts';
import { knownRegions } from './regions.ts';

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

/** Registers the dialogue routes. */
export function fremtidDialogueRoutes(
  app: FastifyInstance,
  store: DialogueStore,
  limits: DialogueLimits = DEFAULT_DIALOGUE_LIMITS,
): void {
  const buckets = {
    join: new TokenBuckets(limits.join),
    answer: new TokenBuckets(limits.answer),
    propose: new TokenBuckets(limits.propose),
    create: new TokenBuckets(limits.create),
  };
  const limit = (kind: keyof typeof buckets, request: FastifyRequest, id: string) =>
    buckets[kind].takeOrThrow(`${request.ip}|${id}`);

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
  const tags = ['fremtid'];
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
        },
      },
    },
    async (request, reply) => {
      buckets.create.takeOrThrow(request.ip);
      const input = parseInput(DialogueInput, request.body, 'dialogue');
      if (!knownRegions().has(input.regionCode))
        throw new ApiError(
          400,
          `Invalid dialogue:\nregionCode: unknown municipality or county "${input.regionCode}"`,
          [{ path: 'regionCode', message: `unknown municipality or county "${input.regionCode}"` }],
        );
      const created = await store.create(input);
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
        },
      },
    },
    async (request) => {
      const { code } = parseInput(CodeParams, request.params, 'path');
      const d = await store.byCode(code);
      if (!d) throw notFound('dialogue with code', code.toUpperCase());
      return { dialogue: view(d), statements: await store.statements(d.id) };
    },
  );

  app.post(
    '/api/fremtid/dialogues/:id/participants',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Join a dialogue without an account (returns a participant token)',
        response: {
          201: jsonSchema(JoinedDialogue),
        },
      },
    },
    async (request, reply) => {
      const d = await dialogueOr404(request.params);
      limit('join', request, d.id);
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
        response: { 200: jsonSchema(AnswerGiven), 400: errorResponses[400] },
      },
    },
    async (request) => {
      const { sid } = parseInput(StatementParams, request.params, 'path');
      const { dialogue, participantId } = await participant(request);
      limit('answer', request, dialogue.id);
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
        response: { 201: jsonSchema(Statement), 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { dialogue, participantId } = await participant(request);
      limit('propose', request, dialogue.id);
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
        summary:
          'Live results: approved statements with answer counts (the projector view polls this)',
        response: {
          200: jsonSchema(DialogueResults),
        },
      },
    },
    async (request, reply) => {
      const d = await dialogueOr404(request.params);
      reply.header('cache-control', 'no-store');
      return { dialogue: view(d), ...(await store.results(d.id)) };
    },
  );

  app.get(
    '/api/fremtid/dialogues/:id/results.csv',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Results as CSV (one row per statement)' },
    },
    async (request, reply) => {
      const d = await dialogueOr404(request.params);
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
