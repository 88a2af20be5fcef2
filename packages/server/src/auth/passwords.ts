/**
 * Password hashing with argon2id from `node:crypto` (Node 24, no native add-on).
 *
 * Parameters: m = 19 MiB, t = 2, p = 1, a 16-byte salt and a 32-byte tag, OWASP's Password
 * Storage Cheat Sheet minimum for argon2id (equivalent in cost to its other settings, and
 * the one with the least memory, which matters for a server that may verify several sign-ins
 * at once on a small municipal virtual machine). A hash takes about 50–100 ms on one core.
 * Hashes are stored as PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$salt$tag`), so the
 * parameters can be raised later and old hashes still verify.
 */
import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

/** The parameters new hashes use. */
export const ARGON2_PARAMETERS = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 };

function derive(
  password: string,
  salt: Buffer,
  p: { memory: number; passes: number; parallelism: number; tagLength: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    argon2(
      'argon2id',
      { message: Buffer.from(password, 'utf8'), nonce: salt, ...p },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/** Hashes a password for storage. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const tag = await derive(password, salt, ARGON2_PARAMETERS);
  const { memory, passes, parallelism } = ARGON2_PARAMETERS;
  return `$argon2id$v=19$m=${memory},t=${passes},p=${parallelism}$${salt.toString('base64url')}$${tag.toString('base64url')}`;
}

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** True when `password` matches `stored` (compared in constant time); false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PHC.exec(stored);
  if (!match) return false;
  const [, m, t, p, salt, tag] = match;
  const expected = Buffer.from(tag!, 'base64url');
  const actual = await derive(password, Buffer.from(salt!, 'base64url'), {
    memory: Number(m),
    passes: Number(t),
    parallelism: Number(p),
    tagLength: expected.length,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;

/**
 * A hash of no one's password, verified when the e-mail is unknown so that an unknown
 * account costs the same work and time as a wrong password (no account enumeration).
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
