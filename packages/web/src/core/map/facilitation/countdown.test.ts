import { describe, expect, it } from 'vitest';
import {
  bestOffset,
  clockOffset,
  countdownAt,
  formatCountdown,
  pauseTimer,
  resumeTimer,
  startTimer,
} from './countdown.ts';

const FIVE_MIN = 5 * 60_000;

describe('the exercise countdown', () => {
  it('counts down from its end time and stops at zero', () => {
    const timer = startTimer(FIVE_MIN, 'Idémyldring', 1_000_000);
    expect(countdownAt(timer, 1_000_000)).toEqual({
      remainingMs: FIVE_MIN,
      running: true,
      finished: false,
    });
    expect(countdownAt(timer, 1_000_000 + 61_500).remainingMs).toBe(FIVE_MIN - 61_500);
    expect(countdownAt(timer, 1_000_000 + FIVE_MIN)).toEqual({
      remainingMs: 0,
      running: false,
      finished: true,
    });
    expect(countdownAt(timer, 1_000_000 + FIVE_MIN + 9999).remainingMs).toBe(0);
  });

  it('keeps what was left while paused, and resumes from there', () => {
    const timer = startTimer(FIVE_MIN, '', 0);
    const paused = pauseTimer(timer, 100_400);
    expect(paused.endsAt).toBeNull();
    expect(paused.remainingMs).toBe(FIVE_MIN - 100_000); // 199.6 s left, shown as 200 s
    expect(countdownAt(paused, 9_999_999)).toEqual({
      remainingMs: 200_000,
      running: false,
      finished: false,
    });
    const resumed = resumeTimer(paused, 500_000);
    expect(resumed).toMatchObject({ endsAt: 700_000, remainingMs: null });
    expect(countdownAt(resumed, 600_000).remainingMs).toBe(100_000);
    expect(pauseTimer(paused, 1)).toBe(paused);
    expect(resumeTimer(resumed, 1)).toBe(resumed);
  });

  it('shows two clients the same time despite their own clocks', () => {
    const timer = startTimer(FIVE_MIN, '', 2_000_000);
    // One client's clock is 90 s fast, the other's 40 s slow; each corrects by its offset.
    const fast = clockOffset(2_090_000, 2_000_050, 2_090_100);
    const slow = clockOffset(1_960_000, 2_000_050, 1_960_100);
    expect(countdownAt(timer, 2_090_100 + fast).remainingMs).toBe(
      countdownAt(timer, 1_960_100 + slow).remainingMs,
    );
    expect(
      bestOffset([
        { offset: 5, roundTripMs: 300 },
        { offset: 7, roundTripMs: 20 },
      ]),
    ).toBe(7);
    // Stamped halfway through a 100 ms round trip: the server is 4 s ahead.
    expect(clockOffset(1000, 5050, 1100)).toBe(4000);
    expect(bestOffset([])).toBe(0);
  });

  it('stores whole milliseconds even from a fractional clock offset', () => {
    const timer = startTimer(FIVE_MIN, '', 1000.5);
    expect(Number.isInteger(timer.endsAt)).toBe(true);
    const resumed = resumeTimer(pauseTimer(timer, 2000.25), 3000.75);
    expect(Number.isInteger(resumed.endsAt)).toBe(true);
  });

  it('formats minutes and seconds, rounding up', () => {
    expect(formatCountdown(FIVE_MIN)).toBe('5:00');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(59_000)).toBe('0:59');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(3_600_000 + 65_000)).toBe('1:01:05');
  });
});
