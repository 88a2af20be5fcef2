import { afterEach, describe, expect, it, vi } from 'vitest';
import { participantToken } from './api.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('participantToken', () => {
  it('joins once when asked twice at the same moment, and keeps the token for the page', async () => {
    const joins: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      joins.push(`${init.method} ${url}`);
      // The join answers a little later, as over a network.
      await new Promise((r) => setTimeout(r, 10));
      return new Response(
        JSON.stringify({ participantId: 'p1', participantToken: `token-${joins.length}` }),
        { status: 201, headers: { 'content-type': 'application/json' } },
      );
    });
    // Node has no localStorage: the token must still last for the page.
    const [a, b] = await Promise.all([participantToken('d1'), participantToken('d1')]);
    expect([a, b]).toEqual(['token-1', 'token-1']);
    expect(await participantToken('d1')).toBe('token-1');
    expect(joins).toEqual(['POST /api/fremtid/dialogues/d1/participants']);
    // Another dialogue is another participant.
    expect(await participantToken('d2')).toBe('token-2');
  });
});
