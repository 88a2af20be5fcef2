import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Keeps a `<dialog>` open as a modal while `target` is set and closed while it is not, the
 * one way the editor's dialogs follow their state. `prepare` runs each time the target
 * changes to a new one, before the dialog is painted, so a quick typist never starts on a
 * form that is then reset. Give the returned ref to the dialog.
 */
export function useModalDialog<T>(
  target: T | null | undefined,
  prepare?: (target: T) => void,
): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (target) {
      prepare?.(target);
      if (!dialog.open) dialog.showModal();
    } else if (dialog.open) dialog.close();
    // Only when the target changes: `prepare` reads the state of that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);
  return ref;
}
