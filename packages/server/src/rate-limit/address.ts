/**
 * The key a network address is counted under. An IPv4 address is one key; an IPv6 address
 * is counted by its /64 network, since one household or phone is usually given a whole /64
 * and could otherwise take a fresh address for every request. IPv4 written in IPv6 form
 * (`::ffff:192.0.2.1`) counts as the IPv4 address.
 */
import { isIPv6 } from 'node:net';

/** `ip` as a rate-limit key (`request.ip`, made the client's real address by `trustProxy`). */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
