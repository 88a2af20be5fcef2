import cliProgress from 'cli-progress';

/** A progress bar on stderr (silent when stderr is not a terminal, so pipes stay clean). */
export interface ProgressBar {
  update(done: number, total: number): void;
  stop(): void;
}

/** Starts a labelled progress bar on stderr. */
export function progressBar(label: string): ProgressBar {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {value}/{total}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * Writes text to a stream, waiting for it to drain so large outputs do not pile up in memory.
 * A reader that stops early (`helhet project | head`) closes the pipe; that ends the command
 * quietly instead of with an EPIPE stack trace.
 */
export async function writeChunk(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (stream === process.stdout && !guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
  if (!stream.write(text))
    await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}
