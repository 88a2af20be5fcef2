/**
 * A real OpenID Provider for the tests: `oidc-provider` on a random loopback port, with its
 * development login and consent pages (any password; the login names the account), PAR
 * enabled, and accounts the test defines. An issuer with a path (Entra's
 * `/<tenant>/v2.0`) is served under that path.
 *
 * For refusals a real provider never produces (a token for another audience, an expired
 * one, another issuer, another nonce), {@link TestOpenIdProvider.tamperIdToken} rewrites
 * the ID token in the token endpoint's answer and signs it again with the provider's own
 * key, so only the named claim differs from a genuine token.
 */
import { createPrivateKey, generateKeyPairSync, sign, type JsonWebKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** Claims of an account at the test provider (besides `sub`, its key). */
export type TestAccountClaims = Record<string, unknown>;

/** A client registered at the test provider. */
export interface TestClientRegistration {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** Options of {@link startTestOpenIdProvider}. */
export interface TestOpenIdProviderOptions {
  clients: TestClientRegistration[];
  accounts: Record<string, TestAccountClaims>;
  /** Path of the issuer, e.g. `/1b6c…/v2.0` (Entra); default none. */
  issuerPath?: string;
  /** Refuse authorisation requests that were not pushed (ID-porten's rule). */
  requirePar?: boolean;
}

/** A running test provider. */
export interface TestOpenIdProvider {
  issuer: string;
  provider: Provider;
  /** Accounts by subject; change them between sign-ins. */
  accounts: Record<string, TestAccountClaims>;
  /** Rewrites the next ID tokens' claims (`null`: leave tokens as issued). */
  tamperIdToken: ((claims: Record<string, unknown>) => Record<string, unknown>) | null;
  /** Authorisation requests the provider received through PAR and directly. */
  requests: { pushed: number; direct: number };
  stop(): Promise<void>;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** Starts a provider on 127.0.0.1 with a random port. */
export async function startTestOpenIdProvider(
  options: TestOpenIdProviderOptions,
): Promise<TestOpenIdProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: 'test-key',
    alg: 'RS256',
    use: 'sig',
  };
  const signingKey = createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
  const resign = (
    idToken: string,
    change: (c: Record<string, unknown>) => Record<string, unknown>,
  ) => {
    const [header, payload] = idToken.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const input = `${header}.${base64url(JSON.stringify(change(claims)))}`;
    return `${input}.${base64url(sign('sha256', Buffer.from(input), signingKey))}`;
  };

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuerPath = options.issuerPath ?? '';
  const issuer = `http://127.0.0.1:${port}${issuerPath}`;

  const handle: TestOpenIdProvider = {
    issuer,
    provider: undefined as unknown as Provider,
    accounts: options.accounts,
    tamperIdToken: null,
    requests: { pushed: 0, direct: 0 },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };

  const configuration: Configuration = {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [c.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    jwks: { keys: [jwk] },
    async findAccount(_ctx, sub) {
      const claims = handle.accounts[sub];
      if (!claims) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...claims }) };
    },
    claims: {
      openid: ['sub', 'tid', 'groups', 'roles'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    },
    // The ID token carries the scope's claims, as Entra's does (not only the UserInfo answer).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      pushedAuthorizationRequests: {
        enabled: true,
        requirePushedAuthorizationRequests: options.requirePar ?? false,
      },
    },
    cookies: { keys: ['test-provider-cookie-key'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  };
  const provider = new Provider(issuer, configuration);
  handle.provider = provider;
  provider.use(async (ctx, next) => {
    if (ctx.method === 'POST' && ctx.path === '/request') handle.requests.pushed++;
    if (ctx.method === 'GET' && ctx.path === '/auth' && !ctx.query.request_uri)
      handle.requests.direct++;
    await next();
    const tamper = handle.tamperIdToken;
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (tamper && ctx.path === '/token' && typeof body?.id_token === 'string')
      body.id_token = resign(body.id_token, tamper);
  });
  const callback = provider.callback();
  server.on('request', (request, response) => {
    const url = request.url ?? '/';
    if (issuerPath && !url.startsWith(issuerPath)) {
      response.writeHead(404).end();
      return;
    }
    // Mounted under the issuer's path: oidc-provider reads the mount path from originalUrl.
    (request as { originalUrl?: string }).originalUrl = url;
    request.url = url.slice(issuerPath.length) || '/';
    void callback(request, response);
  });
  return handle;
}
