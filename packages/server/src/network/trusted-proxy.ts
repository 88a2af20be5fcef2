/**
 * Which TCP peers are trusted reverse proxies (`HELHET_TRUST_PROXY`). Only their forwarding
 * headers (`X-Forwarded-For`, `-Proto`, `-Host`, `X-Request-Id`) are believed: anyone else
 * could write any client address into `X-Forwarded-For` and so dodge per-address rate limits
 * or pose as loopback.
 */
import { BlockList, isIP } from 'node:net';
import { PROXY_RANGES } from '../config.ts';

/** Decides whether a peer address is one of the configured proxies. */
export type ProxyTrust = (address: string | undefined) => boolean;

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is checked as `10.0.0.1`. */
function unmapped(address: string): string {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return isIP(v4) === 4 ? v4 : address;
}

/** Compiles the trusted-proxy list (addresses, CIDR ranges, named ranges) once. */
export function compileProxyTrust(entries: readonly string[]): ProxyTrust {
  if (entries.length === 0) return () => false;
  const trusted = new BlockList();
  for (const entry of entries.flatMap((e) => PROXY_RANGES[e] ?? [e])) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) trusted.addAddress(address, type);
    else trusted.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    if (!address) return false;
    const plain = unmapped(address);
    return trusted.check(plain, isIP(plain) === 6 ? 'ipv6' : 'ipv4');
  };
}
