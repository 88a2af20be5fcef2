import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import fc from 'fast-check';
import {
  addWorkspaceRecord,
  castDots,
  readWorkspace,
  removeWorkspaceRecord,
  updateWorkspaceRecord,
} from './ydoc.ts';
import { countVotes } from './votes.ts';

/** One edit a participant can make, on ids drawn from a small pool so edits collide. */
const edit = fc.oneof(
  fc.record({ op: fc.constant('addProject' as const), id: fc.constantFrom('p1', 'p2', 'p3') }),
  fc.record({
    op: fc.constant('status' as const),
    id: fc.constantFrom('p1', 'p2', 'p3'),
    status: fc.constantFrom('planned', 'active', 'completed', 'paused'),
  }),
  fc.record({
    op: fc.constant('relate' as const),
    id: fc.constantFrom('p1', 'p2', 'p3'),
    to: fc.constantFrom('p1', 'p2', 'p3'),
  }),
  fc.record({ op: fc.constant('remove' as const), id: fc.constantFrom('p1', 'p2', 'p3') }),
  fc.record({
    op: fc.constant('vote' as const),
    target: fc.constantFrom('p1', 'p2', 'p3'),
    dots: fc.integer({ min: 0, max: 3 }),
  }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(doc: Y.Doc, who: string, e: Edit): void {
  try {
    if (e.op === 'addProject') addWorkspaceRecord(doc, 'projects', { id: e.id, name: e.id });
    else if (e.op === 'status') updateWorkspaceRecord(doc, 'projects', e.id, { status: e.status });
    else if (e.op === 'relate')
      updateWorkspaceRecord(doc, 'projects', e.id, {
        relations: [{ kind: 'reinforces', projectId: e.to, reason: who }],
      });
    else if (e.op === 'remove') removeWorkspaceRecord(doc, 'projects', e.id);
    else castDots(doc, who, e.target, e.dots);
  } catch {
    // Refused locally (missing record, self-relation, over budget): nothing was written.
  }
}

describe('workspace document convergence', () => {
  it('three replicas editing concurrently read the same content after exchanging updates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(edit, { maxLength: 8 }), { minLength: 3, maxLength: 3 }),
        (editsByReplica) => {
          const docs = editsByReplica.map(() => new Y.Doc());
          editsByReplica.forEach((edits, i) => edits.forEach((e) => apply(docs[i]!, `u${i}`, e)));
          for (const a of docs)
            for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
          const [first, ...rest] = docs.map((d) => readWorkspace(d));
          for (const other of rest) expect(other.content).toEqual(first!.content);
          expect(first!.problems).toEqual([]);
          // Vote totals agree too, and never exceed the budget per participant.
          const count = countVotes(first!.content.votes, 5);
          for (const used of count.usedByParticipant.values()) expect(used).toBeLessThanOrEqual(5);
        },
      ),
      { numRuns: 60 },
    );
  });
});
