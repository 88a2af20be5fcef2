/**
 * The JSON request log: one line per answered request with its id, method, route, status
 * and duration, and none of what a person typed or holds (a login body, cookies, bearer and
 * CSRF tokens, tokens in the query string, the e-mail address).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHelhetServer, resolveConfig, type HelhetServer } from '../index.ts';
import { createTestStorage, eventually, type TestStorage } from '../test/harness.ts';
import { send } from '../test/http-request.ts';

const SECRETS = {
  email: 'kari.nordmann@kommune.example.no',
  password: 'Hemmelig-passord-2040!',
  cookie: 'sessiontoken0123456789abcdefSECRET',
  bearer: 'hlt_bearertoken0123456789SECRET',
  csrf: 'csrftoken0123456789SECRET',
  shareToken: 'sharelinktoken0123456789SECRET',
};

describe('request logs', () => {
  const lines: string[] = [];
  let storage: TestStorage;
  let server: HelhetServer;
  beforeAll(async () => {
    storage = createTestStorage();
    const config = resolveConfig({ port: 0 }, {}, { ...storage.overrides, logRequests: true });
    server = await createHelhetServer(config, { logStream: { write: (line) => lines.push(line) } });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await storage.dispose();
  });

  it('log one JSON line per request with id, method, route, status and duration', async () => {
    const answer = await send(`${server.url}/api/health`);
    const id = answer.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(() => lines.some((l) => l.includes(String(id))), 2000, 'the log line');
    const entry = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((e) => e.requestId === id);
    expect(entry).toMatchObject({
      level: 30,
      msg: 'request',
      method: 'GET',
      route: '/api/health',
      status: 200,
      durationMs: expect.any(Number),
    });
  });

  it('never contain a login body, cookies, tokens or personal data', async () => {
    const headers = {
      cookie: `helhet_session=${SECRETS.cookie}; __Host-helhet_session=${SECRETS.cookie}`,
      authorization: `Bearer ${SECRETS.bearer}`,
      'x-csrf-token': SECRETS.csrf,
    };
    const login = { email: SECRETS.email, password: SECRETS.password };
    const answers = [
      await send(`${server.url}/api/auth/login`, { method: 'POST', headers, body: login }),
      await send(`${server.url}/api/workspaces`, { method: 'POST', headers, body: login }),
      await send(
        `${server.url}/api/workspaces?token=${SECRETS.shareToken}&email=${SECRETS.email}`,
        {
          headers,
        },
      ),
      // A body that cannot be parsed is an error path of its own.
      await send(`${server.url}/api/workspaces`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        raw: `{"password":"${SECRETS.password}"`,
      }),
    ];
    const ids = answers.map((a) => String(a.headers['x-request-id']));
    await eventually(() => ids.every((id) => lines.some((l) => l.includes(id))), 2000, 'log lines');
    const output = lines.join('');
    for (const [what, secret] of Object.entries(SECRETS)) {
      expect(output, `${what} in the log`).not.toContain(secret);
    }
    expect(output).not.toContain('kari.nordmann');
    // The routes are there, by pattern.
    expect(output).toContain('"route":"/api/workspaces"');
  });
});
