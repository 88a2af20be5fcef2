import { describe, expect, it } from 'vitest';
import type { MapLink } from '@helhet/model';
import {
  drawLayer,
  drawsSame,
  visibleRect,
  type LayerContext,
  type LayerScene,
} from './drawLayer.ts';
import { linkCurve } from '../../core/map/linkLayer/link-geometry.ts';
import { FADED_OPACITY } from '../../core/map/analysis/emphasis-css.ts';

/** A 2D context double that records strokes with the state they were drawn in. */
function recordingContext() {
  const strokes: { color: string; alpha: number; moves: number }[] = [];
  const fills: { color: string; alpha: number }[] = [];
  const texts: string[] = [];
  let moves = 0;
  const ctx = {
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    font: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    lineJoin: 'miter',
    setTransform() {},
    clearRect() {},
    beginPath() {
      moves = 0;
    },
    moveTo() {
      moves++;
    },
    lineTo() {},
    bezierCurveTo() {},
    closePath() {},
    rect() {
      moves++;
    },
    stroke() {
      strokes.push({ color: String(ctx.strokeStyle), alpha: ctx.globalAlpha, moves });
    },
    fill() {
      fills.push({ color: String(ctx.fillStyle), alpha: ctx.globalAlpha });
    },
    setLineDash() {},
    fillText(text: string) {
      texts.push(text);
    },
    strokeText() {},
  };
  return { ctx: ctx as unknown as LayerContext, strokes, fills, texts };
}

const link = (id: string, polarity: MapLink['polarity'], delay = false): MapLink => ({
  id,
  from: 'a',
  to: 'b',
  polarity,
  delay,
  label: '',
  description: '',
  example: false,
});
const view = { x: 0, y: 0, zoom: 1, width: 1000, height: 600, pixelRatio: 1 };
const near = (l: MapLink, dy = 0) => linkCurve(l, { x: 0, y: 100 + dy }, { x: 600, y: 200 + dy });
const far = (l: MapLink) => linkCurve(l, { x: 5000, y: 5000 }, { x: 6000, y: 5200 });

function scene(patch: Partial<LayerScene>): LayerScene {
  return {
    curves: [],
    skip: new Set(),
    elements: null,
    emphasis: null,
    fontFamily: 'sans-serif',
    ...patch,
  };
}

describe('drawing the link layer', () => {
  it('draws the links in view, not those outside it or drawn as SVG edges', () => {
    const { ctx, texts } = recordingContext();
    const drawn = drawLayer(
      ctx,
      scene({
        curves: [
          near(link('l1', '+')),
          near(link('l2', '-', true), 40),
          far(link('l3', '+')),
          near(link('l4', '?'), 80),
        ],
        skip: new Set(['l4']),
      }),
      view,
      'full',
    );
    expect(drawn).toBe(2);
    // Marks for both links and the delay mark of l2.
    expect(texts.sort()).toEqual(['+', '‖', '−']);
  });

  it('draws arrowheads and marks only for links that end in view', () => {
    const { ctx, texts } = recordingContext();
    // Crosses the view, but starts and ends far outside it.
    const crossing = linkCurve(link('l1', '+', true), { x: -3000, y: 300 }, { x: 4000, y: 300 });
    expect(drawLayer(ctx, scene({ curves: [crossing] }), view, 'full')).toBe(1);
    // Its delay mark half way is in view; its polarity mark by the arrowhead is not.
    expect(texts).toEqual(['‖']);
  });

  it('fades links outside the emphasis', () => {
    const { ctx, strokes } = recordingContext();
    drawLayer(
      ctx,
      scene({
        curves: [near(link('l1', '+')), near(link('l2', '+'), 40)],
        emphasis: { elements: new Set(), links: new Set(['l2']) },
      }),
      view,
      'full',
    );
    const lines = strokes.filter((s) => s.color === '#1d5fa8');
    expect(lines.map((s) => s.alpha)).toEqual([FADED_OPACITY, 1]);
  });

  it('draws straight lines without marks when zoomed out, and elements as rectangles', () => {
    const { ctx, texts, fills } = recordingContext();
    drawLayer(
      ctx,
      scene({
        curves: [near(link('l1', '+'))],
        elements: [
          { id: 'a', x: 0, y: 100, color: '#0062ba' },
          { id: 'b', x: 99_999, y: 0, color: '#ff0000' },
        ],
      }),
      { ...view, zoom: 0.2 },
      'overview',
    );
    expect(texts).toEqual([]);
    // Only the element in view is drawn.
    expect(fills.map((f) => f.color)).toEqual(['#0062ba']);
  });

  it('knows which part of the map is in view', () => {
    expect(
      visibleRect({ x: -200, y: 100, zoom: 2, width: 800, height: 400, pixelRatio: 1 }),
    ).toEqual({
      minX: 100,
      minY: -50,
      maxX: 500,
      maxY: 150,
    });
  });

  it('keeps the bitmap while only links left to SVG edges move (an element being dragged)', () => {
    const a = link('l1', '+');
    const b = link('l2', '-');
    const before = scene({ curves: [near(a), near(b)], skip: new Set(['l2']) });
    const draggedB = { ...before, curves: [before.curves[0]!, near(b, 40)] };
    expect(drawsSame(before, draggedB)).toBe(true);
    // The skip set may be a new set with the same links.
    expect(drawsSame(before, { ...draggedB, skip: new Set(['l2']) })).toBe(true);
    // A canvas-drawn link that moves, a link that stops being an SVG edge, a new emphasis,
    // a link more or less: the bitmap is stale.
    expect(drawsSame(before, { ...before, curves: [near(a, 40), before.curves[1]!] })).toBe(false);
    expect(drawsSame(before, { ...draggedB, skip: new Set() })).toBe(false);
    expect(
      drawsSame(before, { ...before, emphasis: { elements: new Set(), links: new Set() } }),
    ).toBe(false);
    expect(drawsSame(before, { ...before, curves: [before.curves[0]!] })).toBe(false);
    expect(drawsSame(before, { ...before, elements: [] })).toBe(false);
  });
});
