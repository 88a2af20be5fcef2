import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import fc from 'fast-check';
import {
  addWorkspaceRecord,
  castDots,
  getWorkspaceRecord,
  readWorkspace,
  removeWorkspaceRecord,
  setProcessSettings,
  updateWorkspaceRecord,
  writeWorkspace,
} from './ydoc.ts';
import { countVotes, dotsLeft } from './votes.ts';
import { createDemoProgrammeMap, createDemoWorkspaceContent } from './demo.ts';
import { emptyWorkspaceContent, voteId, type Vote } from './schema.ts';
import { SDGS } from './sdgs.ts';

describe('workspace document', () => {
  it('adds, patches and removes records, with defaults and validation', () => {
    const doc = new Y.Doc();
    const challenge = addWorkspaceRecord(doc, 'challenges', {
      title: 'Ungt utenforskap',
      sdgs: [4],
    });
    expect(challenge.description).toBe('');
    expect(() => addWorkspaceRecord(doc, 'challenges', { title: '', sdgs: [18] })).toThrow();
    const fa = addWorkspaceRecord(doc, 'focusAreas', {
      challengeId: challenge.id,
      title: 'Overganger',
    });
    updateWorkspaceRecord(doc, 'challenges', challenge.id, { sdgs: [4, 8] });
    expect(getWorkspaceRecord(doc, 'challenges', challenge.id)?.sdgs).toEqual([4, 8]);
    expect(() => updateWorkspaceRecord(doc, 'challenges', challenge.id, { sdgs: [0] })).toThrow();
    expect(updateWorkspaceRecord(doc, 'challenges', 'missing', { title: 'x' })).toBeUndefined();
    castDots(doc, 'anne', fa.id, 2);
    removeWorkspaceRecord(doc, 'challenges', challenge.id);
    const { content, problems } = readWorkspace(doc);
    expect(problems).toEqual([]);
    // The focus area and the votes on it go with the challenge.
    expect(content.challenges).toEqual([]);
    expect(content.focusAreas).toEqual([]);
    expect(content.votes).toEqual([]);
  });

  it('removing a project removes the relations other projects had to it', () => {
    const doc = new Y.Doc();
    const a = addWorkspaceRecord(doc, 'projects', { name: 'A' });
    const b = addWorkspaceRecord(doc, 'projects', {
      name: 'B',
      relations: [{ kind: 'reinforces', projectId: a.id, reason: 'fordi' }],
    });
    removeWorkspaceRecord(doc, 'projects', a.id);
    expect(getWorkspaceRecord(doc, 'projects', b.id)?.relations).toEqual([]);
  });

  it('keeps concurrent edits of different properties of one record', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const p = addWorkspaceRecord(a, 'projects', { name: 'Frakoblingsprosessen' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateWorkspaceRecord(a, 'projects', p.id, { status: 'active' });
    updateWorkspaceRecord(b, 'projects', p.id, { goals: ['Mål'] });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const merged = getWorkspaceRecord(a, 'projects', p.id);
    expect(merged?.status).toBe('active');
    expect(merged?.goals).toEqual(['Mål']);
    expect(readWorkspace(b).content).toEqual(readWorkspace(a).content);
  });

  it('writes and reads the demo programme losslessly', () => {
    const doc = new Y.Doc();
    const content = createDemoWorkspaceContent('map-1');
    writeWorkspace(doc, content);
    const read = readWorkspace(doc);
    expect(read.problems).toEqual([]);
    expect(read.content.projects.map((p) => p.name).sort()).toEqual([
      '2040 begynner nå!',
      'En offentlig sektor for vår tid',
      'Frakoblingsprosessen',
      'Velferd er en felles oppgave',
    ]);
    expect(read.content.projects).toHaveLength(content.projects.length);
    expect(createDemoProgrammeMap().loops).toHaveLength(1);
  });

  it('leaves out and names a record that does not validate', () => {
    const doc = new Y.Doc();
    const bad = new Y.Map<unknown>();
    bad.set('title', 42);
    doc.getMap('challenges').set('c1', bad);
    const { content, problems } = readWorkspace(doc);
    expect(content.challenges).toEqual([]);
    expect(problems[0]?.path).toBe('challenges.c1.title');
  });
});

describe('dot voting', () => {
  it('refuses more dots than a participant has', () => {
    const doc = new Y.Doc();
    setProcessSettings(doc, { dotsPerParticipant: 3 });
    castDots(doc, 'anne', 'fa1', 2);
    expect(() => castDots(doc, 'anne', 'fa2', 2)).toThrow(/1 of 3 dots left/);
    castDots(doc, 'anne', 'fa2', 1);
    castDots(doc, 'anne', 'fa1', 0);
    const { votes } = readWorkspace(doc).content;
    expect(votes).toEqual([
      { id: voteId('anne', 'fa2'), participantId: 'anne', targetId: 'fa2', dots: 1 },
    ]);
    expect(dotsLeft(votes, 'anne', 3)).toBe(2);
  });

  it('sums the dots of two participants voting in two replicas', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    castDots(a, 'anne', 'fa1', 3);
    castDots(a, 'anne', 'fa2', 2);
    castDots(b, 'bjorn', 'fa1', 4);
    castDots(b, 'bjorn', 'fa3', 1);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const { content } = readWorkspace(a);
    const { tallies } = countVotes(content.votes, 5);
    expect(tallies).toEqual([
      { targetId: 'fa1', dots: 7, voters: 2 },
      { targetId: 'fa2', dots: 2, voters: 1 },
      { targetId: 'fa3', dots: 1, voters: 1 },
    ]);
  });

  it('never counts more than the budget per participant, whatever merged', () => {
    const vote = fc.record({
      participantId: fc.constantFrom('a', 'b', 'c'),
      targetId: fc.constantFrom('t1', 't2', 't3', 't4'),
      dots: fc.integer({ min: 0, max: 9 }),
    });
    fc.assert(
      fc.property(
        fc.array(vote, { maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        (raw, budget) => {
          const votes: Vote[] = raw.map((v) => ({ ...v, id: voteId(v.participantId, v.targetId) }));
          const result = countVotes(votes, budget);
          const total = result.tallies.reduce((s, t) => s + t.dots, 0);
          const given = votes.reduce((s, v) => s + v.dots, 0);
          expect(total + result.overBudget).toBe(given);
          for (const used of result.usedByParticipant.values())
            expect(used).toBeLessThanOrEqual(budget);
          // Deterministic: the same votes in another order give the same tallies.
          expect(countVotes([...votes].reverse(), budget).tallies).toEqual(result.tallies);
          // Each participant counts min(budget, what they gave).
          for (const p of ['a', 'b', 'c']) {
            const gave = votes.filter((v) => v.participantId === p).reduce((s, v) => s + v.dots, 0);
            expect(result.usedByParticipant.get(p) ?? 0).toBe(Math.min(gave, budget));
          }
        },
      ),
    );
  });
});

describe('SDGs', () => {
  it('has the 17 goals numbered in order with Norwegian and English names', () => {
    expect(SDGS.map((s) => s.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(SDGS[3]).toEqual({ number: 4, nb: 'God utdanning', en: 'Quality education' });
    expect(emptyWorkspaceContent().settings.dotsPerParticipant).toBe(5);
  });
});
