/**
 * Which browser origins and `Host` names Helhet answers, for every HTTP request and the
 * WebSocket upgrade of `/collab`:
 *
 * - Cross-site requests: a browser sends `Origin` with every cross-origin request and with
 *   every WebSocket handshake (WebSockets are not subject to CORS, so without this check any
 *   page could open `/collab`: cross-site WebSocket hijacking). Only the public origin is
 *   accepted, or, on the embedded default (loopback, no public URL), this server's own
 *   loopback origin on its own port; another program on another loopback port is foreign.
 * - DNS rebinding: `evil.example` re-resolves to Helhet's address, so the attacker's page
 *   talks to Helhet *same-origin*, without an `Origin`, with `Host: evil.example`. Refused:
 *   the `Host` must be the public host, a loopback name or an IP literal (an IP cannot be
 *   rebound; it is also how health probes and the proxy reach an instance).
 *
 * Requests without `Origin` (curl, the CLI, probes) are allowed: only browsers send it.
 * Served on a non-loopback address without a public URL (own TLS, or `--insecure-http`),
 * the origin must be the request's own (`scheme://Host`), the usual same-origin rule.
 */
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost, type HelhetConfig } from './config.ts';
import type { ProxyTrust } from './network/trusted-proxy.ts';

/** What the origin rule reads of the configuration. */
export type OriginConfig = Pick<HelhetConfig, 'host' | 'port' | 'publicUrl' | 'tlsCert'>;

function hostnameOf(hostHeader: string): string | null {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return null;
  }
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

/** `http://127.0.0.1:4321`, `http://localhost:4321`, `http://[::1]:4321` (https with TLS). */
function ownLoopbackOrigins(config: OriginConfig): string[] {
  const scheme = config.tlsCert === null ? 'http' : 'https';
  return ['127.0.0.1', 'localhost', '[::1]'].map(
    (name) => new URL(`${scheme}://${name}:${config.port}`).origin,
  );
}

/**
 * True when a browser page at `origin` may talk to this server. `requestHost` (the `Host`
 * the request was sent to, as forwarded by a trusted proxy) is needed only when Helhet
 * listens on the network without a public URL. The CSRF check of cookie-authenticated writes
 * uses this same rule.
 */
export function originAllowed(origin: string, config: OriginConfig, requestHost?: string): boolean {
  const normalised = originOf(origin);
  if (normalised === null) return false;
  if (config.publicUrl !== null) return normalised === config.publicUrl;
  if (isLoopbackHost(config.host)) return ownLoopbackOrigins(config).includes(normalised);
  if (requestHost === undefined) return false;
  const scheme = config.tlsCert === null ? 'http' : 'https';
  return normalised === originOf(`${scheme}://${requestHost}`);
}

/** True when `hostHeader` may be the `Host` of a request to this server (DNS rebinding). */
export function hostAllowed(hostHeader: string | undefined, config: OriginConfig): boolean {
  if (!hostHeader) return false;
  const hostname = hostnameOf(hostHeader);
  if (hostname === null) return false;
  if (isLoopbackHost(hostname)) return true;
  if (config.publicUrl !== null) {
    if (hostname === new URL(config.publicUrl).hostname) return true;
    return isIP(hostname.replace(/^\[(.*)\]$/, '$1')) !== 0;
  }
  // On loopback only loopback names reach it; on the network without a public URL there is
  // no name to compare with (own TLS cannot be rebound; --insecure-http is the operator's).
  return !isLoopbackHost(config.host);
}

/** The first value of a (possibly repeated, comma-joined) forwarding header. */
function firstForwarded(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(',')[0]?.trim() || undefined;
}

/**
 * The `Host` the client addressed: `X-Forwarded-Host` when a trusted proxy sent the request,
 * else the `Host` header.
 */
export function addressedHost(request: IncomingMessage, trust: ProxyTrust): string | undefined {
  if (trust(request.socket.remoteAddress)) {
    const forwarded = firstForwarded(request.headers['x-forwarded-host']);
    if (forwarded) return forwarded;
  }
  return request.headers.host;
}

/**
 * Why a request (or WebSocket upgrade) is refused by the host and origin rules, or `null`
 * when it is accepted.
 */
export function refusedAddress(
  request: IncomingMessage,
  config: OriginConfig,
  trust: ProxyTrust,
): string | null {
  const host = addressedHost(request, trust);
  if (!hostAllowed(host, config)) return 'Helhet does not answer requests addressed to this host';
  const origin = request.headers.origin;
  if (origin !== undefined && !originAllowed(origin, config, host)) {
    return 'Helhet does not answer requests from this origin';
  }
  return null;
}
