/**
 * Preloaded into the benchmark's server process (`--expose-gc --import`): SIGUSR2 runs a
 * full garbage collection and then writes `process.memoryUsage()` as JSON to the file named
 * by `HELHET_BENCH_MEMORY_FILE`, so the soak stage can tell memory the server still holds
 * (heap, buffers) from memory V8 freed but the process has not given back.
 */
import { writeFileSync } from 'node:fs';

process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  setTimeout(() => {
    gc?.();
    const file = process.env.HELHET_BENCH_MEMORY_FILE;
    if (file) writeFileSync(file, JSON.stringify(process.memoryUsage()));
  }, 200);
});
