/**
 * The server's clock as this browser sees it: the exercise timer's end time is stored on the
 * server's clock, and each participant's own clock may be off by minutes. The offset is
 * measured once per page from a few `GET /api/health` exchanges (the shortest round trip
 * wins) and kept; until it is known, this clock is taken as it is.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { bestOffset, clockOffset } from '../../core/map/facilitation/countdown.ts';

const SAMPLES = 3;
let offset = 0;
let measuring: Promise<void> | null = null;

function measure(): Promise<void> {
  measuring ??= (async () => {
    const samples: { offset: number; roundTripMs: number }[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const sentAt = Date.now();
      const { serverTime } = await api.health();
      const receivedAt = Date.now();
      samples.push({
        offset: clockOffset(sentAt, serverTime, receivedAt),
        roundTripMs: receivedAt - sentAt,
      });
    }
    offset = bestOffset(samples);
  })().catch(() => {
    // Unmeasured: this clock stands in for the server's; a later page load tries again.
  });
  return measuring;
}

/** Now on the server's clock (ms since the epoch), as well as it is known. */
export function serverNow(): number {
  return Date.now() + offset;
}

/**
 * Now on the server's clock, updated every `everyMs` while `active` (and once when the
 * offset is measured).
 */
export function useServerNow(active: boolean, everyMs = 250): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    let live = true;
    void measure().then(() => live && setNow(serverNow()));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!active) return;
    setNow(serverNow());
    const timer = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}
