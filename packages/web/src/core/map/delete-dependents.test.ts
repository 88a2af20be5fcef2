import { describe, expect, it } from 'vitest';
import { createDemoProgrammeMap, createDemoWorkspaceContent } from '@helhet/model';
import { deletionDependents, hasDependents } from './delete-dependents.ts';

const map = createDemoProgrammeMap();
const content = createDemoWorkspaceContent('m-1');
const titles = (d: { title: string }[]) => d.map((x) => x.title);

describe('deletionDependents', () => {
  it('names the insight, innovation area and kept loop an element is part of', () => {
    const d = deletionDependents(map, content, 'm-1', ['e-ensomhet']);
    // Evidence for the element itself and for its link l-1.
    expect(titles(d.insights)).toEqual(['Unge forteller om ensomhet før fraværet starter']);
    // Through the kept loop the area was made from.
    expect(titles(d.innovationAreas)).toEqual(['Helhetlige insentiver rundt barn og unge']);
    expect(titles(d.keptLoops)).toEqual(['Utenforskap forsterker seg selv (eksempel)']);
    expect(hasDependents(d)).toBe(true);
  });

  it('counts evidence for a link that goes with the element', () => {
    const linkOnly = {
      ...content,
      insights: content.insights.map((i) =>
        i.id === 'i-ensomhet'
          ? { ...i, evidenceFor: [{ mapId: 'm-1', kind: 'link' as const, id: 'l-1' }] }
          : i,
      ),
    };
    // e-fravaer is the other end of l-1.
    expect(titles(deletionDependents(map, linkOnly, 'm-1', ['e-fravaer']).insights)).toEqual([
      'Unge forteller om ensomhet før fraværet starter',
    ]);
  });

  it('lists every record once, sorted by title, for several elements', () => {
    const d = deletionDependents(map, content, 'm-1', ['e-silo', 'e-nav']);
    expect(titles(d.insights)).toEqual([
      'Budsjetter belønner reparasjon fremfor forebygging',
      'Tjenestene møter den unge én og én',
    ]);
    expect(titles(d.innovationAreas)).toEqual(['Helhetlige insentiver rundt barn og unge']);
    expect(d.keptLoops).toEqual([]);
  });

  it('finds nothing for an element nobody refers to, or for records of another map', () => {
    expect(hasDependents(deletionDependents(map, content, 'm-1', ['e-okonomi']))).toBe(false);
    const other = deletionDependents({ links: [], loops: [] }, content, 'm-2', ['e-silo']);
    expect(hasDependents(other)).toBe(false);
  });

  it('still knows the kept loops when the process is not at hand', () => {
    const d = deletionDependents(map, null, 'm-1', ['e-utenfor']);
    expect(titles(d.keptLoops)).toEqual(['Utenforskap forsterker seg selv (eksempel)']);
    expect(d.insights).toEqual([]);
  });

  it('names the kept loop, its innovation area and the evidence for a link deleted alone', () => {
    const onLink = {
      ...content,
      insights: content.insights.map((i) =>
        i.id === 'i-ensomhet'
          ? { ...i, evidenceFor: [{ mapId: 'm-1', kind: 'link' as const, id: 'l-1' }] }
          : i,
      ),
    };
    const d = deletionDependents(map, onLink, 'm-1', [], ['l-1']);
    expect(titles(d.keptLoops)).toEqual(['Utenforskap forsterker seg selv (eksempel)']);
    expect(titles(d.innovationAreas)).toEqual(['Helhetlige insentiver rundt barn og unge']);
    expect(titles(d.insights)).toEqual(['Unge forteller om ensomhet før fraværet starter']);
  });
});
