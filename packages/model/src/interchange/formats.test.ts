import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { createDemoMap } from '../map/demo.ts';
import { describeProblems } from '../validation.ts';
import { buildCausalGraph } from '../analysis/graph.ts';
import { findLoops } from '../analysis/loops.ts';
import { detectFormat, exportMap, importMap } from './formats.ts';
import type { ImportResult } from './result.ts';

function value(result: ImportResult) {
  if (!result.ok) throw new Error(describeProblems(result.problems));
  return result.value;
}

describe('Kumu blueprints as Kumu documents them', () => {
  it('connects elements by label, reads types, tags and mutual connections', () => {
    const map = value(
      importMap(
        'kumu',
        JSON.stringify({
          elements: [
            { label: 'A', type: 'Letter', description: 'This is A', tags: ['one', 'two'] },
            { label: 'B', 'Favorite Dessert': 'shave ice' },
          ],
          connections: [
            { from: 'A', to: 'B', type: '-' },
            { from: 'B', to: 'A', direction: 'mutual' },
          ],
        }),
      ),
    );
    expect(map.elements.map((e) => [e.label, e.kind, e.tags])).toEqual([
      ['A', 'factor', ['one', 'two', 'Letter']],
      ['B', 'factor', []],
    ]);
    expect(map.links.map((l) => [l.from, l.to, l.polarity])).toEqual([
      ['e-1', 'e-2', '-'],
      ['e-2', 'e-1', '?'],
      ['e-1', 'e-2', '?'],
    ]);
  });

  it('reads project backups with attributes and loops', () => {
    const map = value(
      importMap(
        'kumu',
        JSON.stringify({
          elements: [
            { _id: 'elem-1', attributes: { label: 'Trust' } },
            { _id: 'elem-2', attributes: { label: 'Use' } },
          ],
          connections: [
            { _id: 'conn-1', from: 'elem-1', to: 'elem-2', attributes: { type: '+' } },
            { _id: 'conn-2', from: 'elem-2', to: 'elem-1', attributes: { type: '+' } },
          ],
          loops: [
            {
              _id: 'loop-1',
              attributes: { label: 'R1 Trust', description: 'More use, more trust' },
              connections: ['conn-1', 'conn-2'],
            },
          ],
        }),
      ),
    );
    expect(map.loops).toEqual([
      {
        id: 'loop-1',
        name: 'R1 Trust',
        linkIds: ['conn-1', 'conn-2'],
        narrative: 'More use, more trust',
      },
    ]);
    expect(findLoops(buildCausalGraph(map.elements, map.links)).loops[0]!.polarity).toBe('R');
  });

  it('reports every problem with its path and imports nothing', () => {
    const result = importMap(
      'kumu',
      JSON.stringify({
        elements: [{ label: 'A' }, { label: '' }, { label: 'A' }],
        connections: [
          { from: 'A', to: 'Nobody' },
          { from: 'X', to: 'A', polarity: 'sideways' },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ path: 'elements[1].label', message: 'must not be empty' }]);
    const second = importMap(
      'kumu',
      JSON.stringify({
        elements: [{ label: 'A' }, { label: 'A' }, { label: 'B' }],
        connections: [
          { from: 'A', to: 'Nobody' },
          { from: 'B', to: 'B', polarity: 'sideways' },
        ],
      }),
    );
    expect(second.ok ? [] : second.problems.map((p) => p.path)).toEqual([
      'connections[0].from',
      'connections[0].to',
      'connections[1].polarity',
    ]);
  });
});

describe('CSV', () => {
  it('reads semicolon files from Norwegian spreadsheets and names lines in problems', () => {
    const elements =
      'Label;Kind;Tags\r\nFrafall;event;skole|ungdom\r\n"Lav ""mestring""";experience;\r\n';
    const links = 'from;to;polarity\r\nFrafall;Lav "mestring";+\r\n';
    const map = value(importMap('csv', { elements, links }));
    expect(map.elements.map((e) => e.label)).toEqual(['Frafall', 'Lav "mestring"']);
    expect(map.links[0]).toMatchObject({ from: 'e-1', to: 'e-2', polarity: '+' });

    const bad = importMap('csv', {
      elements: 'label,kind,x\nA,factor,1\nB,planet,y\n',
      links: 'from,to,polarity\nA,B,+\nA,C,maybe\n',
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => [p.line, p.path])).toEqual([
      [3, 'elements.csv line 3 (kind)'],
      [3, 'elements.csv line 3 (x)'],
      [3, 'links.csv line 3 (to)'],
      [3, 'links.csv line 3 (polarity)'],
    ]);
  });

  it('says which column is missing and where a quote is left open', () => {
    const missing = importMap('csv', { elements: 'name\nA\n', links: 'from,to\n' });
    expect(missing.ok ? null : missing.problems[0]).toMatchObject({
      line: 1,
      message: 'missing the column "label"',
    });
    const open = importMap('csv', { elements: 'label\n"A\nB\n', links: 'from,to\n' });
    expect(open.ok ? null : open.problems[0]).toMatchObject({ line: 2 });
  });
});

describe('GraphML', () => {
  it('reads files with d0-style keys (networkx, Gephi) by attribute name', () => {
    const text = `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="edge" attr.name="sign" attr.type="int"/>
  <graph edgedefault="directed">
    <node id="n0"><data key="d0">Arbeid</data></node>
    <node id="n1"/>
    <edge source="n0" target="n1"><data key="d1">-1</data></edge>
  </graph>
</graphml>`;
    const map = value(importMap('graphml', text));
    expect(map.elements.map((e) => e.label)).toEqual(['Arbeid', 'n1']);
    expect(map.links).toMatchObject([{ from: 'n0', to: 'n1', polarity: '-' }]);
  });

  it('names the line of malformed XML and the path of a bad edge', () => {
    const broken = importMap('graphml', '<graphml>\n<graph>\n<node id="a">\n</graph></graphml>');
    expect(broken.ok ? null : broken.problems[0]).toMatchObject({ line: 4 });
    const dangling = importMap(
      'graphml',
      '<graphml><graph><node id="a"/><edge source="a" target="b"/></graph></graphml>',
    );
    expect(dangling.ok ? null : dangling.problems).toEqual([
      { path: 'graph.edge[0].@target', message: 'unknown node "b"' },
    ]);
  });
});

describe('hostile XML', () => {
  it('refuses entity expansion bombs without hanging or throwing', () => {
    const entities = [
      '<!ENTITY a0 "xxxxxxxxxx">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`),
    ];
    const text = `<?xml version="1.0"?><!DOCTYPE graphml [${entities.join('')}]><graphml><graph><node id="n"><data key="label">&a9;</data></node></graph></graphml>`;
    const started = Date.now();
    const result = importMap('graphml', text);
    expect(Date.now() - started).toBeLessThan(2000);
    if (result.ok) expect(result.value.elements[0]!.label.length).toBeLessThanOrEqual(200);
    else expect(result.problems.length).toBeGreaterThan(0);
  });
});

describe('XMILE export', () => {
  it('writes well-formed XMILE with one aux per element and a connector per link', () => {
    const demo = createDemoMap();
    const [file] = exportMap(demo, 'xmile');
    expect(XMLValidator.validate(file!.text)).toBe(true);
    expect(file!.text.match(/<aux name=/g)).toHaveLength(demo.elements.length * 2);
    expect(file!.text.match(/<connector /g)).toHaveLength(demo.links.length);
    expect(file!.text).toContain('xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"');
  });

  it('makes clashing names unique and escapes markup', () => {
    const demo = createDemoMap();
    const map = {
      ...demo,
      elements: [
        { ...demo.elements[0]!, id: 'a', label: 'Tillit <og> "tro"' },
        { ...demo.elements[1]!, id: 'b', label: 'Tillit <og> "tro"' },
      ],
      links: [],
      loops: [],
    };
    const [file] = exportMap(map, 'xmile');
    expect(file!.text).toContain('name="Tillit &lt;og&gt; &quot;tro&quot;"');
    expect(file!.text).toContain('name="Tillit &lt;og&gt; &quot;tro&quot; (2)"');
  });
});

describe('LOOPY links', () => {
  // A LOOPY 1.1 share link: quotes written as %22, labels URI-encoded twice, last ] as %5D.
  const link =
    'https://ncase.me/loopy/v1.1/?data=[[[1,403,223,1,%22rabbits%22,0],[2,405,591,1,%22foxes%2520and%2520more%22,1]],[[2,1,94,-1,0],[1,2,89,1,0]],[],2%5D';

  it('imports nodes, labels and edge signs from a share link', () => {
    const map = value(importMap('loopy', link));
    expect(map.elements.map((e) => [e.id, e.label, e.x, e.y])).toEqual([
      ['n1', 'rabbits', 403, 223],
      ['n2', 'foxes and more', 405, 591],
    ]);
    expect(map.links.map((l) => [l.from, l.to, l.polarity])).toEqual([
      ['n2', 'n1', '-'],
      ['n1', 'n2', '+'],
    ]);
    expect(findLoops(buildCausalGraph(map.elements, map.links)).loops[0]!.polarity).toBe('B');
  });

  it('reads the readable JSON of LOOPY 2 and refuses compressed links clearly', () => {
    const map = value(
      importMap(
        'loopy',
        JSON.stringify({
          nodes: [{ id: 0, x: 1, y: 2, label: 'a' }],
          edges: [{ from: 0, to: 0, strength: -1 }],
        }),
      ),
    );
    expect(map.links[0]).toMatchObject({ from: 'n0', to: 'n0', polarity: '-' });
    const compressed = importMap('loopy', 'https://ncase.me/loopy/v2/?data=XQAAAAISAAAAAAAAAAAt');
    expect(compressed.ok ? '' : compressed.problems[0]!.message).toMatch(/compressed LOOPY 2/);
  });

  it('names a bad edge by its place in the data', () => {
    const bad = importMap('loopy', '[[[1,0,0,1,"a",0]],[[1,9,0,1,0]],[],1]');
    expect(bad.ok ? null : bad.problems).toEqual([
      { path: 'data[1][0][1]', message: 'unknown node 9' },
    ]);
  });
});

describe('format detection', () => {
  it('recognises each single-file format', () => {
    const demo = createDemoMap();
    expect(detectFormat('x.json', exportMap(demo, 'native')[0]!.text)).toBe('native');
    expect(detectFormat('x.json', exportMap(demo, 'kumu')[0]!.text)).toBe('kumu');
    expect(detectFormat('x.xml', exportMap(demo, 'graphml')[0]!.text)).toBe('graphml');
    expect(detectFormat('link.txt', 'https://ncase.me/loopy/v1.1/?data=[[]]')).toBe('loopy');
    expect(detectFormat('notes.txt', 'hello')).toBeNull();
  });
});
