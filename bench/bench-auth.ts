/**
 * Signing the benchmarks in: the servers they start get an administrator through
 * `HELHET_ADMIN_EMAIL` / `HELHET_ADMIN_PASSWORD` (who owns the demo workspace), and
 * {@link benchToken} signs in once and makes a personal API token for requests and
 * collaboration clients, as a script against a real installation would.
 */

/** The administrator of the benchmark servers. */
export const BENCH_ADMIN = { email: 'bench@helhet.test', password: 'bench-admin-password' };

/** Environment that makes a started server create {@link BENCH_ADMIN}. */
export const BENCH_ADMIN_ENV = {
  HELHET_ADMIN_EMAIL: BENCH_ADMIN.email,
  HELHET_ADMIN_PASSWORD: BENCH_ADMIN.password,
};

/** Signs in on `url` and returns a personal API token (`hlt_…`). */
export async function benchToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const made = await fetch(`${url}/api/account/tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!,
      origin: url,
      'x-csrf-token': csrfToken,
    },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (!made.ok) throw new Error(`token refused: ${made.status} ${await made.text()}`);
  return ((await made.json()) as { token: string }).token;
}
