/**
 * The canvas's keyboard shortcuts, one key away: "?" (or the toolbar button, which shows the
 * key) opens a dialog listing them. Viewers see only what they can do.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { useMapEditor } from './MapContext.ts';
import { isEditingText } from './useUndo.ts';

/** Each row: the keys (as shown, joined by "/") and its text key under `map.canvasKeys`. */
const ROWS: readonly { keys: readonly string[]; text: string; edit?: boolean }[] = [
  { keys: ['Tab', 'Shift+Tab'], text: 'tab' },
  { keys: ['Enter'], text: 'enter' },
  { keys: ['Escape'], text: 'escape' },
  { keys: ['space'], text: 'space' },
  { keys: ['arrows'], text: 'arrows', edit: true },
  { keys: ['Shift+arrows'], text: 'shiftArrows', edit: true },
  { keys: ['Delete', 'Backspace'], text: 'delete', edit: true },
  { keys: ['+', '-'], text: 'zoom' },
  { keys: ['Ctrl+Z', 'Ctrl+Shift+Z'], text: 'undo', edit: true },
  { keys: ['?'], text: 'help' },
];

/** Toolbar button and dialog with the canvas's keyboard shortcuts. */
export function ShortcutsDialog() {
  const { t } = useTranslation();
  const { canEdit } = useMapEditor();
  const ref = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.defaultPrevented || isEditingText(event.target)) return;
      // Not over another dialog, and only while the canvas tab (with this button) is shown.
      if (document.querySelector('dialog[open]') || !button.current?.offsetParent) return;
      event.preventDefault();
      ref.current?.showModal();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const keyName = (k: string) =>
    k === 'arrows' || k === 'Shift+arrows' || k === 'space' ? t(`map.canvasKeys.key.${k}`) : k;
  return (
    <>
      <Button
        ref={button}
        variant="tertiary"
        data-size="sm"
        aria-keyshortcuts="?"
        onClick={() => ref.current?.showModal()}
      >
        {t('map.canvasKeys.open')} <kbd className="kbd">?</kbd>
      </Button>
      <Dialog
        ref={ref}
        closeButton={t('common.close')}
        aria-labelledby="canvas-keys-title"
        closedby="any"
        className="canvas-keys"
        data-testid="canvas-keys"
      >
        <Dialog.Block>
          <Heading id="canvas-keys-title" level={2} data-size="sm">
            {t('map.canvasKeys.title')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <table className="canvas-keys__table">
            <thead>
              <tr>
                <th scope="col">{t('map.canvasKeys.keyColumn')}</th>
                <th scope="col">{t('map.canvasKeys.actionColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.filter((r) => canEdit || !r.edit).map((r) => (
                <tr key={r.text}>
                  <td>
                    {r.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && ' / '}
                        <kbd className="kbd">{keyName(k)}</kbd>
                      </span>
                    ))}
                  </td>
                  <td>{t(`map.canvasKeys.${r.text}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
