/**
 * Dot votes belong to the person who cast them: when the server knows who sent an update,
 * the checker refuses a write to or a deletion of someone else's vote, and a vote that names
 * another participant; deleting a focus area still takes everyone's votes on it along.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkDocumentUpdate } from './check-update.ts';
import {
  castDots,
  removeWorkspaceRecord,
  workspaceCollection,
  writeWorkspace,
} from '../workspace/ydoc.ts';
import { createDemoWorkspaceContent } from '../workspace/demo.ts';
import { voteId } from '../workspace/schema.ts';
import { toRecordMap } from '../records/collection.ts';

/** A server replica with the demo process where `ada` has voted, and a client synced from it. */
function votedPair(): { server: Y.Doc; client: Y.Doc; target: string } {
  const server = new Y.Doc();
  writeWorkspace(server, createDemoWorkspaceContent('m-1'));
  const target = [...workspaceCollection(server, 'focusAreas').keys()][0]!;
  castDots(server, 'ada', target, 2);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client, target };
}

function check(server: Y.Doc, client: Y.Doc, author: string | undefined, edit: () => void) {
  const before = Y.encodeStateVector(server);
  edit();
  const update = Y.encodeStateAsUpdate(client, before);
  return checkDocumentUpdate('workspace', server, update, author ? { author } : {});
}

const paths = (result: ReturnType<typeof checkDocumentUpdate>) =>
  result.ok ? [] : result.problems.map((p) => p.path);

describe('authored records (dot votes)', () => {
  it('lets a person cast, change and withdraw their own votes', () => {
    const { server, client, target } = votedPair();
    expect(check(server, client, 'bo', () => castDots(client, 'bo', target, 1)).ok).toBe(true);
    const again = votedPair();
    const change = () => castDots(again.client, 'ada', again.target, 1);
    expect(check(again.server, again.client, 'ada', change).ok).toBe(true);
    const withdraw = votedPair();
    const remove = () => castDots(withdraw.client, 'ada', withdraw.target, 0);
    expect(check(withdraw.server, withdraw.client, 'ada', remove).ok).toBe(true);
  });

  it("refuses changing or withdrawing someone else's vote", () => {
    const { server, client, target } = votedPair();
    const id = voteId('ada', target);
    expect(paths(check(server, client, 'bo', () => castDots(client, 'ada', target, 1)))).toEqual([
      `votes.${id}`,
    ]);
    const withdraw = votedPair();
    const remove = () => castDots(withdraw.client, 'ada', withdraw.target, 0);
    expect(paths(check(withdraw.server, withdraw.client, 'bo', remove))).toEqual([`votes.${id}`]);
    const edit = votedPair();
    const overwrite = () => workspaceCollection(edit.client, 'votes').get(id)!.set('dots', 3);
    expect(paths(check(edit.server, edit.client, 'bo', overwrite))).toEqual([`votes.${id}`]);
  });

  it('refuses a vote under your own key that names another participant', () => {
    const { server, client, target } = votedPair();
    const forged = () =>
      workspaceCollection(client, 'votes').set(
        voteId('bo', target),
        toRecordMap({ id: voteId('bo', target), participantId: 'ada', targetId: target, dots: 1 }),
      );
    expect(paths(check(server, client, 'bo', forged))).toEqual([
      `votes.${voteId('bo', target)}.participantId`,
    ]);
  });

  it('refuses an author id with ":" that could pose as a prefix of another', () => {
    const { server, client, target } = votedPair();
    expect(check(server, client, 'ada:x', () => castDots(client, 'ada:x', target, 1)).ok).toBe(
      false,
    );
  });

  it("lets deleting a focus area delete everyone's votes on it", () => {
    const { server, client, target } = votedPair();
    const result = check(server, client, 'bo', () =>
      removeWorkspaceRecord(client, 'focusAreas', target),
    );
    expect(result).toEqual({ ok: true, empty: false });
  });

  it('checks nothing about owners when the sender is not known (imports, migrations)', () => {
    const { server, client, target } = votedPair();
    expect(check(server, client, undefined, () => castDots(client, 'ada', target, 1)).ok).toBe(
      true,
    );
  });
});
