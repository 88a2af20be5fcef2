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

/**
 * Whether `visible` shows all of `region` centred on it (within 2 % of the region's size):
 * a leader's camera that still shows a presentation step's region, so followers can fit the
 * region itself rather than the leader's window-shaped view of it.
 */
export function centredOn(visible: Bounds, region: Bounds): boolean {
  const tol = 0.02 * Math.max(region.width, region.height);
  return (
    Math.abs(visible.x + visible.width / 2 - (region.x + region.width / 2)) <= tol &&
    Math.abs(visible.y + visible.height / 2 - (region.y + region.height / 2)) <= tol &&
    visible.width >= region.width - tol &&
    visible.height >= region.height - tol
  );
}
