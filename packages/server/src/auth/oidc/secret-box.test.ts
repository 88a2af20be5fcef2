/**
 * Client secrets at rest: AES-256-GCM round trip, a wrong key or an altered value refused
 * with a clear error (never a wrong secret), an earlier version's plain text still read, and
 * the SQLite key file made owner-only on first need.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isSealed,
  open,
  parseSecretKey,
  seal,
  SecretBox,
  SecretKeyMissing,
  secretKeySource,
  SecretUnreadable,
  SECRET_KEY_FILE,
} from './secret-box.ts';

const KEY = randomBytes(32);
const SECRET = 'Zx8Q~client-secret-of-entra.123';

describe('sealing a client secret', () => {
  it('round-trips, in the versioned format, without the secret in it', () => {
    const stored = seal(KEY, SECRET);
    expect(stored).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain(SECRET);
    expect(isSealed(stored)).toBe(true);
    expect(open(KEY, stored)).toBe(SECRET);
    // A fresh IV each time: the same secret never looks the same twice.
    expect(seal(KEY, SECRET)).not.toBe(stored);
  });

  it('refuses another key with a clear error, not garbage', () => {
    const stored = seal(KEY, SECRET);
    expect(() => open(randomBytes(32), stored)).toThrow(SecretUnreadable);
    expect(() => open(randomBytes(32), stored)).toThrow(/HELHET_SECRET_KEY/);
  });

  it('refuses an altered ciphertext, tag or IV', () => {
    const stored = seal(KEY, SECRET);
    const [version, iv, tag, body] = stored.split(':') as [string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64');
    };
    for (const altered of [
      [version, iv, tag, flip(body)],
      [version, iv, flip(tag), body],
      [version, flip(iv), tag, body],
      [version, iv, tag],
    ])
      expect(() => open(KEY, altered.join(':'))).toThrow(SecretUnreadable);
  });

  it("reads an earlier version's plain-text secret as it is", () => {
    const box = new SecretBox({ kind: 'given', key: KEY });
    expect(box.open(SECRET)).toBe(SECRET);
    expect(box.open(box.seal(SECRET))).toBe(SECRET);
  });
});

describe('the secret key', () => {
  it('is 32 bytes in base64 or hex', () => {
    expect(parseSecretKey(KEY.toString('base64'))).toEqual(KEY);
    expect(parseSecretKey(KEY.toString('base64url'))).toEqual(KEY);
    expect(parseSecretKey(KEY.toString('hex'))).toEqual(KEY);
    expect(parseSecretKey(randomBytes(16).toString('base64'))).toBeNull();
    expect(parseSecretKey('not a key at all!')).toBeNull();
  });

  const dir = mkdtempSync(join(tmpdir(), 'helhet-secret-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('with SQLite and no HELHET_SECRET_KEY, is a key file made owner-only on first write', () => {
    const source = secretKeySource({ secretKey: null, databaseUrl: null, dataDir: dir });
    expect(source).toEqual({ kind: 'file', path: join(dir, SECRET_KEY_FILE) });
    const box = new SecretBox(source);
    // Reading a plain secret needs no key, and makes no file.
    expect(box.open(SECRET)).toBe(SECRET);
    expect(() => statSync(join(dir, SECRET_KEY_FILE))).toThrow();
    const stored = box.seal(SECRET);
    expect(statSync(join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    // A later start reads the same file.
    expect(new SecretBox(source).open(stored)).toBe(SECRET);
  });

  it('with PostgreSQL and no HELHET_SECRET_KEY, is missing: writing a secret names the variable', () => {
    const box = new SecretBox(
      secretKeySource({ secretKey: null, databaseUrl: 'postgres://x/y', dataDir: dir }),
    );
    expect(box.canSeal).toBe(false);
    expect(() => box.seal(SECRET)).toThrow(SecretKeyMissing);
    expect(() => box.seal(SECRET)).toThrow(/HELHET_SECRET_KEY/);
    expect(box.open(SECRET)).toBe(SECRET);
    expect(() => box.open(seal(KEY, SECRET))).toThrow(SecretUnreadable);
  });

  it('given, wins over the key file', () => {
    const source = secretKeySource({
      secretKey: KEY.toString('hex'),
      databaseUrl: null,
      dataDir: dir,
    });
    expect(source).toEqual({ kind: 'given', key: KEY });
  });
});
