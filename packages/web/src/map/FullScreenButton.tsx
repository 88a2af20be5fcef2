/**
 * The canvas's full-screen switch, at the end of the toolbar's row so it stays where a
 * facilitator expects it in both modes. Escape also leaves the mode (when no dialog or text
 * field has the key).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@digdir/designsystemet-react';
import { setFullScreen, useFullScreen } from './canvas-room.ts';
import { isEditingText } from './useUndo.ts';

/** Enters or leaves full-screen mode. */
export function FullScreenButton() {
  const { t } = useTranslation();
  const on = useFullScreen();
  useEffect(() => {
    if (!on) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isEditingText(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      setFullScreen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [on]);
  // Leaving the map (another page) leaves the mode.
  useEffect(() => () => setFullScreen(false), []);
  return (
    <Button
      variant="secondary"
      data-size="sm"
      className="full-screen-button"
      aria-pressed={on}
      onClick={() => setFullScreen(!on)}
    >
      {on ? t('map.fullScreen.leave') : t('map.fullScreen.enter')}
    </Button>
  );
}
