import { describe, expect, it } from 'vitest';
import { DragHold, insideAny } from './drag-hold.ts';

const move = (id: string, x: number, y: number, dragging = true) => ({
  type: 'position' as const,
  id,
  position: { x, y },
  dragging,
});

describe('insideAny', () => {
  const minimap = { left: 1000, top: 700, right: 1220, bottom: 840 };
  it('tells a point over an overlay from one over the map', () => {
    expect(insideAny({ clientX: 1100, clientY: 770 }, [minimap])).toBe(true);
    expect(insideAny({ clientX: 995, clientY: 770 }, [minimap])).toBe(false);
    expect(insideAny({ clientX: Number.NaN, clientY: Number.NaN }, [minimap])).toBe(false);
  });
});

describe('DragHold', () => {
  it('lets moves over the map through and holds them over an overlay', () => {
    const hold = new DragHold();
    hold.start([{ id: 'a', position: { x: 1200, y: 1120 } }]);
    expect(hold.filter([move('a', 1300, 1120)], false)).toEqual([move('a', 1300, 1120)]);
    // Over the minimap the pointer means nothing on the map: the element stays put.
    expect(hold.filter([move('a', 4498, 695)], true)).toEqual([move('a', 1300, 1120)]);
    expect(hold.filter([move('a', 4498, 695, false)], true)).toEqual([
      move('a', 1300, 1120, false),
    ]);
  });

  it('drops over an overlay where the pointer last was over the map, and forgets the drag', () => {
    const hold = new DragHold();
    hold.start([
      { id: 'a', position: { x: 0, y: 0 } },
      { id: 'b', position: { x: 300, y: 0 } },
    ]);
    hold.filter([move('a', 50, 10), move('b', 350, 10)], false);
    const dropped = hold.end(
      [
        { id: 'a', position: { x: 4000, y: 700 } },
        { id: 'b', position: { x: 4300, y: 700 } },
      ],
      true,
    );
    expect(dropped.map((n) => n.position)).toEqual([
      { x: 50, y: 10 },
      { x: 350, y: 10 },
    ]);
    // After the drag, moves (arrow keys) are not held whatever the pointer is over.
    expect(hold.filter([move('a', 60, 10, false)], true)).toEqual([move('a', 60, 10, false)]);
  });

  it('drops where the drag started when the pointer never moved over the map', () => {
    const hold = new DragHold();
    hold.start([{ id: 'a', position: { x: 10, y: 20 } }]);
    hold.filter([move('a', 900, 900)], true);
    expect(hold.end([{ id: 'a', position: { x: 900, y: 900 } }], true)[0]!.position).toEqual({
      x: 10,
      y: 20,
    });
  });

  it('drops where React Flow has the elements when released over the map', () => {
    const hold = new DragHold();
    hold.start([{ id: 'a', position: { x: 10, y: 20 } }]);
    expect(hold.end([{ id: 'a', position: { x: 90, y: 20 } }], false)[0]!.position).toEqual({
      x: 90,
      y: 20,
    });
  });

  it('passes selection changes and elements outside the drag unchanged', () => {
    const hold = new DragHold();
    hold.start([{ id: 'a', position: { x: 0, y: 0 } }]);
    const select = { type: 'select' as const, id: 'a', selected: true };
    expect(hold.filter([select, move('b', 5, 5)], true)).toEqual([select, move('b', 5, 5)]);
  });
});
