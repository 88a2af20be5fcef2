/**
 * Identity providers' client secrets at rest. A client secret must be recovered (it is sent
 * to the provider with every token request), so it cannot be hashed like passwords and
 * tokens: it is encrypted with AES-256-GCM under the instance's secret key. The key is
 * `HELHET_SECRET_KEY` when set; with the embedded SQLite default and no such variable, a key
 * file beside the database (`secret.key`, owner-only) made the first time a secret is
 * written; with PostgreSQL and no variable there is no key, because several instances share
 * the database and must share the key too, so writing a secret is refused.
 *
 * Stored format: `v1:<iv>:<tag>:<ciphertext>`, each part base64. A value without the `v1:`
 * prefix is a plain-text secret an earlier version wrote: it is still read, and sealed when
 * a key is at hand ({@link IdentityProviderStore.sealPlainSecrets}).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Length of an AES-256 key in bytes. */
export const SECRET_KEY_BYTES = 32;
/** The key file's name inside the data folder (beside the SQLite database). */
export const SECRET_KEY_FILE = 'secret.key';
const VERSION = 'v1';
const IV_BYTES = 12;
// The key's purpose, bound into every ciphertext: a value sealed for another use (or another
// column) does not open here.
const AAD = Buffer.from('helhet:identity-provider:client-secret');

/**
 * The 32-byte key of `text` (base64, base64url or hex), or `null` when it is neither or not
 * 32 bytes long.
 */
export function parseSecretKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return null;
  const key = Buffer.from(value, 'base64');
  return key.length === SECRET_KEY_BYTES ? key : null;
}

/** A stored secret that cannot be opened with this key (another key, or altered). */
export class SecretUnreadable extends Error {
  constructor(reason: string) {
    super(
      `the stored client secret cannot be decrypted (${reason}): HELHET_SECRET_KEY (or the ` +
        `key file ${SECRET_KEY_FILE}) is not the key it was stored with, or the value was altered`,
    );
    this.name = 'SecretUnreadable';
  }
}

/** No key to seal a secret with (PostgreSQL without `HELHET_SECRET_KEY`). */
export class SecretKeyMissing extends Error {
  constructor() {
    super(
      'a client secret cannot be stored: set HELHET_SECRET_KEY (32 random bytes, base64 or ' +
        'hex, e.g. `openssl rand -base64 32`), the same on every instance sharing the database',
    );
    this.name = 'SecretKeyMissing';
  }
}

/** True when `stored` is in an encrypted format (rather than an earlier version's plain text). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(`${VERSION}:`);
}

/** Encrypts `plain` under `key` as `v1:<iv>:<tag>:<ciphertext>`. */
export function seal(key: Buffer, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(AAD);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64'));
  return [VERSION, ...parts].join(':');
}

/**
 * Decrypts a value of {@link seal}. Throws {@link SecretUnreadable} when the key is not the
 * one it was sealed with or the value was altered (GCM's tag): never a wrong secret.
 */
export function open(key: Buffer, stored: string): string {
  const [version, iv, tag, body, ...rest] = stored.split(':');
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined)
    throw new SecretUnreadable('unknown format');
  if (rest.length > 0) throw new SecretUnreadable('unknown format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SecretUnreadable('wrong key or altered value');
  }
}

/** Where the key comes from: a given one, a key file made on first need, or none. */
export type SecretKeySource =
  { kind: 'given'; key: Buffer } | { kind: 'file'; path: string } | { kind: 'none' };

/** The key source of a configuration (see the module comment for the rule). */
export function secretKeySource(options: {
  secretKey: string | null;
  databaseUrl: string | null;
  dataDir: string;
}): SecretKeySource {
  if (options.secretKey !== null) {
    const key = parseSecretKey(options.secretKey);
    // resolveConfig has checked it; a direct caller gets the same words.
    if (!key) throw new Error('HELHET_SECRET_KEY must be 32 bytes, base64 or hex');
    return { kind: 'given', key };
  }
  if (options.databaseUrl !== null) return { kind: 'none' };
  return { kind: 'file', path: join(options.dataDir, SECRET_KEY_FILE) };
}

/** Seals and opens client secrets with the key of a {@link SecretKeySource}. */
export class SecretBox {
  readonly #source: SecretKeySource;
  #key: Buffer | null;

  constructor(source: SecretKeySource) {
    this.#source = source;
    this.#key = source.kind === 'given' ? source.key : null;
  }

  /** True when a secret can be sealed (a key is given, or a key file can be made). */
  get canSeal(): boolean {
    return this.#source.kind !== 'none';
  }

  /** Encrypts `plain`; throws {@link SecretKeyMissing} when there is no key. */
  seal(plain: string): string {
    return seal(this.#keyFor('write'), plain);
  }

  /**
   * The secret of a stored value: decrypted, or as it is when an earlier version stored
   * it in plain text. Throws {@link SecretUnreadable} when it cannot be decrypted.
   */
  open(stored: string): string {
    if (!isSealed(stored)) return stored;
    return open(this.#keyFor('read'), stored);
  }

  #keyFor(use: 'read' | 'write'): Buffer {
    if (this.#key) return this.#key;
    const source = this.#source;
    if (source.kind === 'none') {
      if (use === 'write') throw new SecretKeyMissing();
      throw new SecretUnreadable('HELHET_SECRET_KEY is not set');
    }
    if (source.kind === 'given') return source.key;
    this.#key = existsSync(source.path)
      ? readKeyFile(source.path)
      : use === 'write'
        ? createKeyFile(source.path)
        : null;
    if (!this.#key) throw new SecretUnreadable(`the key file ${source.path} is missing`);
    return this.#key;
  }
}

function readKeyFile(path: string): Buffer {
  const key = parseSecretKey(readFileSync(path, 'utf8'));
  if (!key) throw new Error(`${path}: not a 32-byte key in base64 (the secret key file)`);
  return key;
}

function createKeyFile(path: string): Buffer {
  const key = randomBytes(SECRET_KEY_BYTES);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // `wx`: two starts racing do not overwrite each other's key; the loser reads the winner's.
  try {
    writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(path);
    throw error;
  }
  chmodSync(path, 0o600);
  return key;
}
