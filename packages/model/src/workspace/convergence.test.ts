/**
 * CRDT convergence of the process document: three people edit the demo programme
 * concurrently, their updates arrive in different orders, and every replica ends with the
 * same valid content. Only typed input refusals (a self-relation, a vote over budget) are
 * tolerated; anything else fails the test, and most edits must actually be written.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import fc from 'fast-check';
import {
  addWorkspaceRecord,
  castDots,
  readWorkspace,
  removeWorkspaceRecord,
  updateWorkspaceRecord,
  writeWorkspace,
  workspaceCollection,
} from './ydoc.ts';
import { countVotes } from './votes.ts';
import { createDemoWorkspaceContent } from './demo.ts';
import { ModelInputError } from '../validation.ts';
import { voteId, type WorkspaceCollection } from './schema.ts';

const replica = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 1000 });
const title = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
const removable = fc.constantFrom<WorkspaceCollection>(
  'challenges',
  'focusAreas',
  'innovationAreas',
  'portfolios',
  'projects',
);

const edit = fc.oneof(
  fc.record({ op: fc.constant('addProject' as const), replica, name: title, portfolio: pick }),
  fc.record({
    op: fc.constant('status' as const),
    replica,
    pick,
    status: fc.constantFrom('planned', 'active', 'completed', 'paused'),
  }),
  fc.record({ op: fc.constant('rename' as const), replica, pick, name: title }),
  fc.record({ op: fc.constant('relate' as const), replica, pick, to: pick }),
  fc.record({ op: fc.constant('addFocusArea' as const), replica, challenge: pick, title }),
  fc.record({ op: fc.constant('retitleChallenge' as const), replica, pick, title }),
  fc.record({ op: fc.constant('remove' as const), replica, collection: removable, pick }),
  fc.record({
    op: fc.constant('vote' as const),
    replica,
    target: pick,
    dots: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ op: fc.constant('sync' as const), from: replica, to: replica }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** Ids of a collection in this replica, in a stable order. */
function ids(doc: Y.Doc, name: WorkspaceCollection): string[] {
  return [...workspaceCollection(doc, name).keys()].sort();
}

function pickFrom(list: string[], n: number): string | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** Counts of edits attempted, written and refused, over the whole property run. */
const tally = { attempted: 0, written: 0, refused: 0 };

/**
 * Applies one edit. A refusal must be a {@link ModelInputError} (anything else propagates
 * and fails the run); a write is checked to have happened on the local replica.
 */
function apply(docs: Y.Doc[], e: Edit): void {
  if (e.op === 'sync') {
    const to = docs[e.to]!;
    Y.applyUpdate(to, Y.encodeStateAsUpdate(docs[e.from]!, Y.encodeStateVector(to)));
    return;
  }
  const doc = docs[e.replica]!;
  // Each person votes on their own replica only: the dot budget is checked locally.
  const who = `u${e.replica}`;
  const projects = ids(doc, 'projects');
  const run = (write: () => boolean): void => {
    tally.attempted++;
    try {
      expect(write()).toBe(true);
      tally.written++;
    } catch (error) {
      if (!(error instanceof ModelInputError)) throw error;
      tally.refused++;
    }
  };
  switch (e.op) {
    case 'addProject': {
      const portfolioId = pickFrom(ids(doc, 'portfolios'), e.portfolio) ?? null;
      return run(() => {
        const p = addWorkspaceRecord(doc, 'projects', { name: e.name, portfolioId });
        return workspaceCollection(doc, 'projects').has(p.id);
      });
    }
    case 'status': {
      const id = pickFrom(projects, e.pick);
      if (!id) return;
      return run(
        () => updateWorkspaceRecord(doc, 'projects', id, { status: e.status })?.status === e.status,
      );
    }
    case 'rename': {
      const id = pickFrom(projects, e.pick);
      if (!id) return;
      return run(
        () => updateWorkspaceRecord(doc, 'projects', id, { name: e.name })?.name === e.name.trim(),
      );
    }
    case 'relate': {
      const id = pickFrom(projects, e.pick);
      const to = pickFrom(projects, e.to);
      if (!id || !to) return;
      const relations = [{ kind: 'reinforces' as const, projectId: to, reason: who }];
      return run(
        () =>
          updateWorkspaceRecord(doc, 'projects', id, { relations })?.relations[0]?.reason === who,
      );
    }
    case 'addFocusArea': {
      const challengeId = pickFrom(ids(doc, 'challenges'), e.challenge);
      if (!challengeId) return;
      return run(() => {
        const fa = addWorkspaceRecord(doc, 'focusAreas', { challengeId, title: e.title });
        return workspaceCollection(doc, 'focusAreas').has(fa.id);
      });
    }
    case 'retitleChallenge': {
      const id = pickFrom(ids(doc, 'challenges'), e.pick);
      if (!id) return;
      return run(
        () => updateWorkspaceRecord(doc, 'challenges', id, { title: e.title }) !== undefined,
      );
    }
    case 'remove': {
      const id = pickFrom(ids(doc, e.collection), e.pick);
      if (!id) return;
      return run(
        () =>
          removeWorkspaceRecord(doc, e.collection, id) &&
          !workspaceCollection(doc, e.collection).has(id),
      );
    }
    case 'vote': {
      const targets = [...ids(doc, 'focusAreas'), ...ids(doc, 'innovationAreas')];
      const target = pickFrom(targets, e.target);
      if (!target) return;
      return run(() => {
        castDots(doc, who, target, e.dots);
        const stored = workspaceCollection(doc, 'votes').get(voteId(who, target));
        return e.dots === 0 ? stored === undefined : stored?.get('dots') === e.dots;
      });
    }
  }
}

describe('workspace document convergence', () => {
  it('three replicas of the demo programme editing concurrently converge to the same valid content', () => {
    tally.attempted = tally.written = tally.refused = 0;
    const seed = new Y.Doc();
    writeWorkspace(seed, createDemoWorkspaceContent('m-demo'));
    const base = Y.encodeStateAsUpdate(seed);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 10, maxLength: 40 }), (edits) => {
        const docs = [0, 1, 2].map(() => {
          const d = new Y.Doc();
          Y.applyUpdate(d, base);
          return d;
        });
        for (const e of edits) apply(docs, e);
        // Deliver everything to everyone, in a different order per replica.
        const updates = docs.map((d) => Y.encodeStateAsUpdate(d));
        docs.forEach((d, i) => {
          for (let k = 0; k < 3; k++) Y.applyUpdate(d, updates[(i + k) % 3]!);
        });
        const [first, ...rest] = docs.map((d) => readWorkspace(d));
        for (const other of rest) expect(other.content).toEqual(first!.content);
        expect(first!.problems).toEqual([]);
        // Vote totals never exceed the budget per participant.
        const count = countVotes(first!.content.votes, first!.content.settings.dotsPerParticipant);
        for (const used of count.usedByParticipant.values())
          expect(used).toBeLessThanOrEqual(first!.content.settings.dotsPerParticipant);
      }),
      { numRuns: 80 },
    );
    // The property says something only if the edits were written: refusals are the exception.
    expect(tally.attempted).toBeGreaterThan(500);
    expect(tally.written).toBeGreaterThan(tally.attempted * 0.8);
    expect(tally.written + tally.refused).toBe(tally.attempted);
  });
});
