/**
 * The one way the app re-reads a live document: after its updates, at most once per
 * animation frame, so a burst of remote updates costs one read and one render. The map
 * editor's snapshot, the process content and the process pages' maps all read through here.
 */
import type * as Y from 'yjs';

/**
 * Calls `read` on the next frame after any of `docs` changed (and once on the first frame
 * when `initial`), passing the documents that changed since the last call. Returns the
 * function that stops listening and cancels a pending frame.
 */
export function onDocFrames(
  docs: readonly Y.Doc[],
  read: (changed: ReadonlySet<Y.Doc>) => void,
  initial: readonly Y.Doc[] = docs,
): () => void {
  const changed = new Set<Y.Doc>(initial);
  let frame = 0;
  const flush = () => {
    frame = 0;
    const batch = new Set(changed);
    changed.clear();
    read(batch);
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(flush);
  };
  const listeners = docs.map((doc) => {
    const onUpdate = () => {
      changed.add(doc);
      schedule();
    };
    doc.on('update', onUpdate);
    return () => doc.off('update', onUpdate);
  });
  if (changed.size > 0) schedule();
  return () => {
    listeners.forEach((off) => off());
    if (frame) cancelAnimationFrame(frame);
  };
}
