/**
 * How much room the canvas gets: whether the side panel is open or folded to a rail (the
 * person's choice, kept on this device; folded by default on a phone) and whether the map is in full-screen mode (the app's
 * header and the map's title bar hidden, and the browser's full screen where it allows it),
 * for a projector or a wall screen. One small store each, so the canvas, the panel and the
 * keyboard can all read and change them.
 */
import { useSyncExternalStore } from 'react';

const SIDE_PANEL_KEY = 'helhet.sidePanel';
/** Set on `<html>` while the map is in full-screen mode; the CSS hides the chrome. */
const FULL_SCREEN_ATTRIBUTE = 'data-canvas-full-screen';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Windows this narrow are phones: the canvas needs the whole width (map.css). */
const PHONE_QUERY = '(max-width: 40rem)';

/** The person's choice on this device; without one, open except on a phone. */
function storedSidePanelOpen(): boolean {
  const phone = typeof matchMedia === 'function' && matchMedia(PHONE_QUERY).matches;
  try {
    const stored = localStorage.getItem(SIDE_PANEL_KEY);
    return stored === null ? !phone : stored !== 'closed';
  } catch {
    return !phone;
  }
}

let sidePanelOpen: boolean | null = null;
let fullScreen = false;

/** Whether the side panel is open (else folded to a rail). */
export function useSidePanelOpen(): boolean {
  return useSyncExternalStore(subscribe, () => (sidePanelOpen ??= storedSidePanelOpen()));
}

/** Opens or folds the side panel, and remembers the choice on this device. */
export function setSidePanelOpen(open: boolean): void {
  sidePanelOpen = open;
  try {
    localStorage.setItem(SIDE_PANEL_KEY, open ? 'open' : 'closed');
  } catch {
    // No storage: the choice lasts for this page.
  }
  notify();
}

/** Whether the map is in full-screen mode. */
export function useFullScreen(): boolean {
  return useSyncExternalStore(subscribe, () => fullScreen);
}

/**
 * Enters or leaves full-screen mode. Entering asks the browser for full screen too (it must
 * be called from a click or key press); where the browser refuses (an embedding page, a
 * kiosk policy), the app's chrome is still hidden, which is most of the room.
 */
export function setFullScreen(on: boolean): void {
  if (on === fullScreen) return;
  fullScreen = on;
  document.documentElement.toggleAttribute(FULL_SCREEN_ATTRIBUTE, on);
  if (on && !document.fullscreenElement)
    document.documentElement.requestFullscreen?.().catch(() => {
      // Refused: the chrome stays hidden without the browser's full screen.
    });
  if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  notify();
}

// The browser's own way out (Esc, F11) leaves the mode as well.
if (typeof document !== 'undefined')
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && fullScreen) setFullScreen(false);
  });
