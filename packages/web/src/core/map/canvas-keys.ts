/**
 * What a key press on the map canvas means. Kept apart from the components so the whole
 * table (which key, on what, for whom) is one readable, tested function; the shortcut list
 * shown to people is built from the same constants.
 */

/** Flow-coordinate pixels an arrow key moves an element. */
export const MOVE_STEP = 10;
/** With Shift: ten small steps. */
export const MOVE_STEP_LARGE = 100;

/** What has keyboard focus on the canvas. */
export type CanvasTarget = 'canvas' | 'element' | 'link';

/** The action a key press asks for. */
export type CanvasKeyAction =
  | { type: 'focus'; step: 1 | -1 }
  | { type: 'move'; dx: number; dy: number }
  | { type: 'open' }
  | { type: 'delete' }
  | { type: 'zoom'; direction: 1 | -1 }
  | { type: 'shortcuts' };

/** The parts of a keyboard event the decision depends on. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * Zoom keys, with or without Shift ("+" is Shift+"=" on some layouts, its own key on the
 * Norwegian one and on the number pad). Ctrl/Cmd with them stays the browser's page zoom.
 */
const ZOOM_KEYS: Record<string, 1 | -1> = { '+': 1, '=': 1, '-': -1 };

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The action for `press` on `target`, or null when the key is not the canvas's (it then
 * goes on to React Flow and the browser). Viewers (`canEdit` false) can move focus, open
 * and read, but not move or delete.
 */
export function canvasKeyAction(
  press: KeyPress,
  target: CanvasTarget,
  canEdit: boolean,
): CanvasKeyAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'Tab') return { type: 'focus', step: press.shiftKey ? -1 : 1 };
  if (press.key === '?') return { type: 'shortcuts' };
  // Zooming only changes the view: viewers zoom too.
  const zoom = ZOOM_KEYS[press.key];
  if (zoom) return { type: 'zoom', direction: zoom };
  if (target === 'canvas') return null;
  if (press.key === 'Enter') return { type: 'open' };
  if (!canEdit) return null;
  if (press.key === 'Delete' || press.key === 'Backspace') return { type: 'delete' };
  const arrow = ARROWS[press.key];
  if (target === 'element' && arrow) {
    const step = press.shiftKey ? MOVE_STEP_LARGE : MOVE_STEP;
    return { type: 'move', dx: arrow[0] * step, dy: arrow[1] * step };
  }
  return null;
}
