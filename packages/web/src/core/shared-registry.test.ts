import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSharedRegistry, type Lease } from './shared-registry.ts';

/** A registry whose timers the test runs by hand, recording every open and close. */
function setUp(keepMs = 5000) {
  const log: string[] = [];
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextTimer = 1;
  const registry = createSharedRegistry<{ name: string; closed: boolean }>({
    open: (name) => {
      log.push(`open ${name}`);
      return { name, closed: false };
    },
    close: (value) => {
      value.closed = true;
      log.push(`close ${value.name}`);
    },
    keepMs,
    setTimer: (run, ms) => {
      const id = nextTimer++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimer: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  });
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.run();
  };
  return { registry, log, advance };
}

describe('createSharedRegistry', () => {
  it('opens one resource per name, shared by every holder', () => {
    const { registry, log } = setUp();
    const a = registry.acquire('m1');
    const b = registry.acquire('m1');
    const c = registry.acquire('m2');
    expect(a.value).toBe(b.value);
    expect(c.value).not.toBe(a.value);
    expect(log).toEqual(['open m1', 'open m2']);
  });

  it('closes only after the last holder released it and the keep time has passed', () => {
    const { registry, log, advance } = setUp();
    const a = registry.acquire('m1');
    const b = registry.acquire('m1');
    a.release();
    a.release(); // twice counts once
    advance(10_000);
    expect(log).toEqual(['open m1']);
    b.release();
    advance(4_999);
    expect(registry.openNames()).toEqual(['m1']);
    advance(1);
    expect(log).toEqual(['open m1', 'close m1']);
    expect(registry.openNames()).toEqual([]);
  });

  it('reuses a released resource acquired again within the keep time (navigation, StrictMode)', () => {
    const { registry, log, advance } = setUp();
    registry.acquire('m1').release();
    advance(3_000);
    const again = registry.acquire('m1');
    advance(10_000);
    expect(again.value.closed).toBe(false);
    expect(log).toEqual(['open m1']);
    again.release();
    advance(5_000);
    expect(log).toEqual(['open m1', 'close m1']);
    // Opened afresh after it was closed.
    expect(registry.acquire('m1').value.closed).toBe(false);
    expect(log).toEqual(['open m1', 'close m1', 'open m1']);
  });

  it('never closes a resource someone holds, and closes each one once, whatever the order', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('acquire' as const), name: fc.constantFrom('a', 'b') }),
      fc.record({ kind: fc.constant('release' as const), index: fc.nat() }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 6_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { registry, log, advance } = setUp();
        const held: Lease<{ name: string; closed: boolean }>[] = [];
        for (const s of steps) {
          if (s.kind === 'acquire') held.push(registry.acquire(s.name));
          else if (s.kind === 'release' && held.length > 0)
            held.splice(s.index % held.length, 1)[0]!.release();
          else if (s.kind === 'wait') advance(s.ms);
          for (const lease of held) expect(lease.value.closed).toBe(false);
        }
        for (const lease of held) lease.release();
        advance(5_000);
        const opens = log.filter((l) => l.startsWith('open')).length;
        const closes = log.filter((l) => l.startsWith('close')).length;
        expect(closes).toBe(opens);
        expect(registry.openNames()).toEqual([]);
      }),
    );
  });
});
