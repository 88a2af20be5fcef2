/**
 * Until Helhet has authentication it trusts whoever can reach its loopback port. Two
 * browser attacks could still reach it from a web page the user visits:
 *
 * - DNS rebinding: `evil.example` re-resolves to 127.0.0.1, so the page's requests reach
 *   Helhet with `Host: evil.example`. Refused: the Host must be a loopback name.
 * - Cross-site WebSocket hijacking: WebSockets are not subject to CORS, so any page could
 *   open `ws://127.0.0.1:4321/collab`. Refused: a browser's `Origin` must be loopback too.
 *
 * Requests without `Origin` (curl, the CLI, tests) are allowed: only browsers send it, and
 * they always do on cross-origin requests.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { isLoopbackHost } from './config.ts';

function hostnameOf(hostHeader: string): string | null {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return null;
  }
}

/** True when the request's Host (and Origin, if any) name this machine. */
export function requestIsLocal(headers: IncomingHttpHeaders): boolean {
  const host = headers.host;
  if (!host) return false;
  const hostname = hostnameOf(host);
  if (hostname === null || !isLoopbackHost(hostname)) return false;
  const origin = headers.origin;
  if (origin === undefined) return true;
  try {
    return isLoopbackHost(new URL(origin).hostname);
  } catch {
    return false;
  }
}
