/**
 * Preloaded into the benchmark's server process (`--expose-gc --import`): SIGUSR2 runs a
 * full garbage collection, so the soak stage reads the memory the server really keeps
 * rather than garbage that V8 has not collected yet.
 */
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  setTimeout(() => gc?.(), 200);
});
