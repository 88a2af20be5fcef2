import { describe, expect, it } from 'vitest';
import { canvasKeyAction, MOVE_STEP, MOVE_STEP_LARGE, type KeyPress } from './canvas-keys.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('canvasKeyAction', () => {
  it('moves a focused element a small step, with Shift a large one', () => {
    expect(canvasKeyAction(press('ArrowRight'), 'element', true)).toEqual({
      type: 'move',
      dx: MOVE_STEP,
      dy: 0,
    });
    expect(canvasKeyAction(press('ArrowUp', { shiftKey: true }), 'element', true)).toEqual({
      type: 'move',
      dx: 0,
      dy: -MOVE_STEP_LARGE,
    });
    expect(MOVE_STEP_LARGE).toBeGreaterThan(MOVE_STEP);
  });

  it('lets viewers move focus and open, but not move or delete', () => {
    expect(canvasKeyAction(press('ArrowRight'), 'element', false)).toBeNull();
    expect(canvasKeyAction(press('Delete'), 'element', false)).toBeNull();
    expect(canvasKeyAction(press('Enter'), 'element', false)).toEqual({ type: 'open' });
    expect(canvasKeyAction(press('Tab'), 'element', false)).toEqual({ type: 'focus', step: 1 });
    expect(canvasKeyAction(press('?'), 'canvas', false)).toEqual({ type: 'shortcuts' });
  });

  it('leaves arrows on links and the bare canvas to React Flow (panning)', () => {
    expect(canvasKeyAction(press('ArrowLeft'), 'link', true)).toBeNull();
    expect(canvasKeyAction(press('ArrowLeft'), 'canvas', true)).toBeNull();
    expect(canvasKeyAction(press('Enter'), 'canvas', true)).toBeNull();
  });

  it('zooms with + and − on the canvas, an element or a link, for viewers too', () => {
    for (const target of ['canvas', 'element', 'link'] as const) {
      expect(canvasKeyAction(press('+'), target, false)).toEqual({ type: 'zoom', direction: 1 });
      expect(canvasKeyAction(press('+', { shiftKey: true }), target, true)).toEqual({
        type: 'zoom',
        direction: 1,
      });
      expect(canvasKeyAction(press('='), target, true)).toEqual({ type: 'zoom', direction: 1 });
      expect(canvasKeyAction(press('-'), target, false)).toEqual({ type: 'zoom', direction: -1 });
    }
    // Ctrl/Cmd with them is the browser's page zoom.
    expect(canvasKeyAction(press('+', { ctrlKey: true }), 'canvas', true)).toBeNull();
    expect(canvasKeyAction(press('-', { metaKey: true }), 'canvas', true)).toBeNull();
  });

  it('asks to delete (through the warning) on Delete and Backspace', () => {
    expect(canvasKeyAction(press('Delete'), 'link', true)).toEqual({ type: 'delete' });
    expect(canvasKeyAction(press('Backspace'), 'element', true)).toEqual({ type: 'delete' });
  });

  it('leaves browser and app shortcuts alone', () => {
    expect(canvasKeyAction(press('Tab', { ctrlKey: true }), 'element', true)).toBeNull();
    expect(canvasKeyAction(press('ArrowRight', { altKey: true }), 'element', true)).toBeNull();
    expect(canvasKeyAction(press('Tab', { shiftKey: true }), 'link', true)).toEqual({
      type: 'focus',
      step: -1,
    });
  });
});
