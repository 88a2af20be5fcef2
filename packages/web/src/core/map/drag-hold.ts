/**
 * Dragging elements over the parts of the canvas that are not the map (the minimap and the
 * zoom controls float above it): there the pointer points at the overlay, not at a spot on
 * the map, so the dragged elements stay where the pointer last was over the map and a drop
 * there leaves them at that spot (or where the drag started).
 */

/** A point in flow coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** A screen rectangle, as `getBoundingClientRect` gives it. */
export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Whether the screen point (`clientX`, `clientY`) is inside any of `rects`. */
export function insideAny(
  point: { clientX: number; clientY: number },
  rects: Iterable<ScreenRect>,
): boolean {
  for (const r of rects)
    if (
      point.clientX >= r.left &&
      point.clientX <= r.right &&
      point.clientY >= r.top &&
      point.clientY <= r.bottom
    )
      return true;
  return false;
}

/** The part of a React Flow node change the hold looks at. */
interface PositionLike {
  type: string;
  id?: string;
  position?: Point;
}

/**
 * The positions of one drag at a time. {@link DragHold.start} records where the dragged
 * elements are; {@link DragHold.filter} passes their moves while the pointer is over the map
 * and holds them at their last position on the map while it is over an overlay;
 * {@link DragHold.end} gives where they are dropped and forgets the drag.
 */
export class DragHold {
  private last = new Map<string, Point>();

  /** A drag of `nodes` begins (their positions before the drag). */
  start(nodes: readonly { id: string; position: Point }[]): void {
    this.last = new Map(nodes.map((n) => [n.id, { ...n.position }]));
  }

  /**
   * Position changes with the dragged elements held while `overOverlay`; every other change
   * (and every change outside a drag, such as a move with the arrow keys) passes unchanged.
   */
  filter<C extends PositionLike>(changes: C[], overOverlay: boolean): C[] {
    if (this.last.size === 0) return changes;
    return changes.map((c) => {
      if (c.type !== 'position' || !c.position || c.id === undefined) return c;
      const held = this.last.get(c.id);
      if (!held) return c;
      if (overOverlay) return { ...c, position: { ...held } };
      this.last.set(c.id, { ...c.position });
      return c;
    });
  }

  /**
   * Where the dragged `nodes` are dropped: as React Flow has them when the pointer is over the
   * map, held at their last spot on the map when over an overlay. Ends the drag.
   */
  end<N extends { id: string; position: Point }>(nodes: readonly N[], overOverlay: boolean): N[] {
    const dropped = nodes.map((n) => {
      const held = this.last.get(n.id);
      return overOverlay && held ? { ...n, position: { ...held } } : n;
    });
    this.last = new Map();
    return dropped;
  }
}
