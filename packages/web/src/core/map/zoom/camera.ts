/**
 * The camera shared by a presenter (or any person followed) and their followers: the part of
 * the canvas the leader sees, in flow coordinates. Followers fit that rectangle to their own
 * window, so a projector and a laptop show the same content region, not the same raw
 * pan and zoom.
 */
import { fitViewport, type Bounds, type Viewport } from './viewport-fit.ts';

/** Zoom limits a followed camera is fitted within (React Flow's own range on the map). */
export const FOLLOW_ZOOM = { minZoom: 0.02, maxZoom: 4 } as const;

/** The flow rectangle a viewport shows on a `screen` of that size. */
export function visibleRect(viewport: Viewport, screen: { width: number; height: number }): Bounds {
  const zoom = viewport.zoom > 0 ? viewport.zoom : 1;
  return {
    x: -viewport.x / zoom,
    y: -viewport.y / zoom,
    width: Math.max(1, screen.width) / zoom,
    height: Math.max(1, screen.height) / zoom,
  };
}

/** The viewport that shows all of `rect` on `screen`, centred (a wider window sees more around it). */
export function viewportShowing(rect: Bounds, screen: { width: number; height: number }): Viewport {
  return fitViewport(
    rect,
    screen,
    { top: 0, right: 0, bottom: 0, left: 0 },
    { ...FOLLOW_ZOOM, padding: 0 },
  );
}

/** Whether two viewports differ noticeably (avoids echoing sub-pixel moves to everyone). */
export function viewportMoved(a: Viewport, b: Viewport): boolean {
  return (
    Math.abs(a.x - b.x) > 0.5 || Math.abs(a.y - b.y) > 0.5 || Math.abs(a.zoom / b.zoom - 1) > 1e-3
  );
}
