/**
 * The exercise timer's arithmetic, apart from React and the clock: what a stored timer
 * (`ExerciseTimer`, docs/map-document.md) shows at a moment, how the facilitator's actions
 * change it, and how this browser's clock is corrected to the server's so that every
 * participant shows the same remaining time.
 */
import type { ExerciseTimer } from '@helhet/model';

/** What a timer shows at one moment. */
export interface CountdownView {
  remainingMs: number;
  running: boolean;
  /** Zero reached (while it was running). */
  finished: boolean;
}

/** What `timer` shows at `serverNow` (the server's clock, ms since the epoch). */
export function countdownAt(timer: ExerciseTimer, serverNow: number): CountdownView {
  if (timer.endsAt === null) {
    const remainingMs = timer.remainingMs ?? 0;
    return { remainingMs, running: false, finished: remainingMs === 0 };
  }
  const remainingMs = Math.max(0, timer.endsAt - serverNow);
  return { remainingMs, running: remainingMs > 0, finished: remainingMs === 0 };
}

/** A new running timer of `durationMs` from `serverNow`. */
export function startTimer(durationMs: number, label: string, serverNow: number): ExerciseTimer {
  // Whole milliseconds: the stored end time is an integer (a measured offset need not be).
  return { label, durationMs, endsAt: Math.round(serverNow + durationMs), remainingMs: null };
}

/** The timer paused at `serverNow`, keeping what was left (whole seconds, rounded up). */
export function pauseTimer(timer: ExerciseTimer, serverNow: number): ExerciseTimer {
  if (timer.endsAt === null) return timer;
  const left = Math.max(0, timer.endsAt - serverNow);
  return {
    ...timer,
    endsAt: null,
    remainingMs: Math.min(timer.durationMs, Math.ceil(left / 1000) * 1000),
  };
}

/** The paused timer running again from `serverNow`. */
export function resumeTimer(timer: ExerciseTimer, serverNow: number): ExerciseTimer {
  if (timer.endsAt !== null) return timer;
  return {
    ...timer,
    endsAt: Math.round(serverNow + (timer.remainingMs ?? 0)),
    remainingMs: null,
  };
}

/**
 * The time shown: `m:ss`, or `h:mm:ss` from an hour. Rounded up to the second, so the
 * display reads 0:00 only when time is really up.
 */
export function formatCountdown(remainingMs: number): string {
  const total = Math.ceil(Math.max(0, remainingMs) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/**
 * This clock's offset to the server's (add it to `Date.now()`), from one exchange: the
 * request left at `sentAt` and its answer, stamped `serverTime`, came at `receivedAt` (both
 * on this clock). The server stamped it, on average, halfway through the round trip.
 */
export function clockOffset(sentAt: number, serverTime: number, receivedAt: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}

/** Of several measured offsets, the one from the shortest round trip (the least uncertain). */
export function bestOffset(samples: readonly { offset: number; roundTripMs: number }[]): number {
  let best: { offset: number; roundTripMs: number } | undefined;
  for (const s of samples) if (!best || s.roundTripMs < best.roundTripMs) best = s;
  return best?.offset ?? 0;
}
