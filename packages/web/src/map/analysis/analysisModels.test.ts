import { describe, expect, it } from 'vitest';
import { createDemoMap, micmac, type MapSnapshot } from '@helhet/model';
import { graphOf, mapStructure } from '../../core/map/analysis/graph-input.ts';
import { keptLoopViews } from './keptLoopView.ts';
import { micmacPlot } from '../../core/map/analysis/micmac-plot.ts';
import { neighbourhoodOf, pathsEmphasis } from '../../core/map/analysis/neighbourhood-emphasis.ts';

const demo = createDemoMap();

describe('map structure key', () => {
  it('changes with the causal structure and not with positions or texts', () => {
    const key = mapStructure(demo).key;
    const moved: MapSnapshot = {
      ...demo,
      elements: demo.elements.map((e) => ({ ...e, x: e.x + 10, label: `${e.label}!` })),
    };
    expect(mapStructure(moved).key).toBe(key);
    const flipped = {
      ...demo,
      links: demo.links.map((l, i) => (i === 0 ? { ...l, polarity: '-' as const } : l)),
    };
    expect(mapStructure(flipped).key).not.toBe(key);
    const fewer = { ...demo, links: demo.links.slice(1) };
    expect(mapStructure(fewer).key).not.toBe(key);
  });

  it('leaves out links whose ends are missing (a concurrent delete)', () => {
    const dangling = {
      ...demo,
      links: [...demo.links, { ...demo.links[0]!, id: 'l-x', to: 'gone' }],
    };
    expect(mapStructure(dangling).input.links.map((l) => l.id)).not.toContain('l-x');
    expect(graphOf(mapStructure(dangling)).linkIds).toHaveLength(demo.links.length);
  });
});

describe('kept loop views', () => {
  const kept = [
    { id: 'k2', name: 'Øst', linkIds: ['l-15', 'l-10', 'l-11'], narrative: '' },
    { id: 'k1', name: 'Ensomhetsspiralen', linkIds: ['l-1', 'l-2', 'l-3', 'l-4'], narrative: 'n' },
  ];

  it('sorts by name and rebuilds the loop with its polarity when whole', () => {
    const views = keptLoopViews(kept, demo.links);
    expect(views.map((v) => v.kept.name)).toEqual(['Ensomhetsspiralen', 'Øst']);
    expect(views[0]!.loop).toEqual({
      elements: ['e-ensomhet', 'e-fravaer', 'e-frafall', 'e-utenfor'],
      links: ['l-1', 'l-2', 'l-3', 'l-4'],
      polarity: 'R',
    });
    expect(views[1]!.loop?.polarity).toBe('B');
    expect(views[1]!.loop?.elements).toEqual(['e-utenfor', 'e-losperson', 'e-nav']);
  });

  it('flags a loop whose link is gone as broken and keeps it', () => {
    const views = keptLoopViews(
      kept,
      demo.links.filter((l) => l.id !== 'l-2'),
    );
    const broken = views.find((v) => v.kept.id === 'k1')!;
    expect(broken.state).toEqual({ status: 'broken', missingLinkIds: ['l-2'] });
    expect(broken.loop).toBeNull();
    expect(broken.elementIds.sort()).toEqual(['e-ensomhet', 'e-frafall', 'e-fravaer', 'e-utenfor']);
    expect(views).toHaveLength(2);
  });

  it('tells the ends of missing links from the links beside them in the loop', () => {
    // Deleting e-ensomhet takes l-1 (ensomhet → fravær) and l-4 (utenfor → ensomhet).
    const views = keptLoopViews(
      kept,
      demo.links.filter((l) => l.from !== 'e-ensomhet' && l.to !== 'e-ensomhet'),
    );
    expect(views.find((v) => v.kept.id === 'k1')!.missingLinks).toEqual([
      { id: 'l-1', from: null, to: 'e-fravaer' },
      { id: 'l-4', from: 'e-utenfor', to: null },
    ]);
    // A link deleted on its own: both neighbours still say where it went.
    const one = keptLoopViews(
      kept,
      demo.links.filter((l) => l.id !== 'l-2'),
    );
    expect(one.find((v) => v.kept.id === 'k1')!.missingLinks).toEqual([
      { id: 'l-2', from: 'e-fravaer', to: 'e-frafall' },
    ]);
    expect(one.find((v) => v.kept.id === 'k2')!.missingLinks).toEqual([]);
  });
});

describe('neighbourhood and path emphasis', () => {
  const graph = graphOf(mapStructure(demo));

  it('finds the direct causes of an element and the links that lead to it', () => {
    const up = neighbourhoodOf(graph, 'e-ensomhet', 1, 'upstream');
    expect([...up.elements].sort()).toEqual(['e-ensomhet', 'e-fritid', 'e-utenfor', 'e-ventetid']);
    expect([...up.links].sort()).toEqual(['l-4', 'l-6', 'l-7']);
  });

  it('grows with the number of steps and follows only links away from the start downstream', () => {
    const one = neighbourhoodOf(graph, 'e-silo', 1, 'downstream');
    const two = neighbourhoodOf(graph, 'e-silo', 2, 'downstream');
    expect([...one.elements].sort()).toEqual(['e-nav', 'e-overgang', 'e-silo']);
    expect(two.elements.size).toBeGreaterThan(one.elements.size);
    expect(two.links.has('l-11')).toBe(true);
    const all = neighbourhoodOf(graph, 'e-silo', Infinity, 'downstream');
    expect(all.elements.has('e-silo')).toBe(true);
    expect(all.elements.has('e-taushetsplikt')).toBe(false);
  });

  it('collects the elements and links of paths', () => {
    const e = pathsEmphasis([
      { elements: ['a', 'b'], links: ['l1'] },
      { elements: ['a', 'c', 'b'], links: ['l2', 'l3'] },
    ]);
    expect([...e.elements]).toEqual(['a', 'b', 'c']);
    expect([...e.links]).toEqual(['l1', 'l2', 'l3']);
  });
});

describe('MICMAC plot', () => {
  const result = micmac(graphOf(mapStructure(demo)));

  it('has one point per element inside the plot area', () => {
    for (const direct of [true, false]) {
      const plot = micmacPlot(result, direct);
      expect(plot.points).toHaveLength(demo.elements.length);
      for (const p of plot.points) {
        expect(p.x).toBeGreaterThanOrEqual(plot.margin);
        expect(p.x).toBeLessThanOrEqual(plot.width - plot.margin);
        expect(p.y).toBeGreaterThanOrEqual(plot.margin);
        expect(p.y).toBeLessThanOrEqual(plot.height - plot.margin);
      }
    }
  });

  it('puts points in the sector their side of the mean lines says', () => {
    for (const direct of [true, false]) {
      const plot = micmacPlot(result, direct);
      for (const p of plot.points) {
        const high = p.y < plot.meanY; // up means more influence
        const right = p.x > plot.meanX;
        const expected = high
          ? right
            ? 'relay'
            : 'influential'
          : right
            ? 'dependent'
            : 'autonomous';
        // Points exactly on a mean line may round to either side.
        if (Math.abs(p.y - plot.meanY) > 0.2 && Math.abs(p.x - plot.meanX) > 0.2)
          expect(p.quadrant).toBe(expected);
      }
    }
  });

  it('uses direct values as they are: a source element has no dependence', () => {
    const plot = micmacPlot(result, true);
    const silo = plot.points.find((p) => p.id === 'e-silo')!;
    expect(silo.dependence).toBe(0);
    expect(silo.influence).toBe(2);
    expect(silo.quadrant).toBe('influential');
  });
});
