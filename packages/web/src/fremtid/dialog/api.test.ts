import { afterEach, describe, expect, it, vi } from 'vitest';
import { participantToken, results, resultsToken } from './api.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('participantToken', () => {
  it('joins once when asked twice at the same moment, and keeps the token for the page', async () => {
    const joins: string[] = [];
    const devices = new Set<string>();
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      joins.push(`${init.method} ${url}`);
      devices.add((JSON.parse(String(init.body)) as { deviceId: string }).deviceId);
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
    // Another dialogue is another participant, joined from the same device.
    expect(await participantToken('d2')).toBe('token-2');
    expect(devices.size).toBe(1);
    expect([...devices][0]).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });

  it('reads results with the participant token, and asks for none it does not have', async () => {
    const sent: (string | null)[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      sent.push(new Headers(init.headers).get('authorization'));
      return new Response(JSON.stringify({ error: { message: 'no', problems: [] } }), {
        status: 401,
        headers: { 'content-type': 'application/json' },
      });
    });
    expect(resultsToken('never-joined')).toBeNull();
    await expect(results('never-joined')).rejects.toMatchObject({ status: 401 });
    // 'd1' was joined in the test above (the token lasts for the page).
    expect(resultsToken('d1')).toBe('token-1');
    await expect(results('d1')).rejects.toMatchObject({ status: 401 });
    expect(sent).toEqual([null, 'Bearer token-1']);
  });
});
