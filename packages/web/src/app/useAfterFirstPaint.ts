/**
 * False during the first render and until the browser has painted it, then true: work that is
 * not on screen at first (analysis of a whole map, say) waits, so what people came to see is
 * drawn first.
 */
import { useEffect, useState } from 'react';

/** Whether the component's first frame has been painted. */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // An animation frame callback runs just before the paint; a task queued from it runs after.
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
