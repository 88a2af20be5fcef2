import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  forgetParticipantToken,
  hasParticipantToken,
  idportenAvailable,
  participantToken,
  results,
  resultsToken,
  takeSignedInToken,
} from './api.ts';

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

describe('a dialogue that requires ID-porten', () => {
  it('takes the token a sign-in left once, uses it without joining, and forgets it when replaced', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push(`${init.method} ${url}`);
      await new Promise((r) => setTimeout(r, 10));
      return new Response(JSON.stringify({ participantToken: 'signed-in-token' }), {
        headers: { 'content-type': 'application/json' },
      });
    });
    expect(hasParticipantToken('verified')).toBe(false);
    // A page that mounts twice asks once.
    expect(
      await Promise.all([takeSignedInToken('verified'), takeSignedInToken('verified')]),
    ).toEqual([true, true]);
    expect(calls).toEqual(['POST /api/fremtid/dialogues/verified/verification/token']);
    expect(hasParticipantToken('verified')).toBe(true);
    expect(await participantToken('verified')).toBe('signed-in-token');
    forgetParticipantToken('verified');
    expect(hasParticipantToken('verified')).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('offers the option only when the instance lists a provider of kind idporten', async () => {
    const answer = (providers: unknown[]) =>
      vi.stubGlobal(
        'fetch',
        async () =>
          new Response(JSON.stringify({ providers }), {
            headers: { 'content-type': 'application/json' },
          }),
      );
    answer([{ id: 'kommune', kind: 'entra', displayName: 'Kommunen' }]);
    expect(await idportenAvailable()).toBe(false);
    answer([
      { id: 'kommune', kind: 'entra', displayName: 'Kommunen' },
      { id: 'idporten', kind: 'idporten', displayName: 'ID-porten' },
    ]);
    expect(await idportenAvailable()).toBe(true);
    vi.stubGlobal('fetch', async () => new Response('nope', { status: 404 }));
    expect(await idportenAvailable()).toBe(false);
  });
});
