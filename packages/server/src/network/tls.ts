/** Reads the certificate and key for serving HTTPS directly (`--tls-cert`, `--tls-key`). */
import { readFileSync } from 'node:fs';
import { ConfigError, type HelhetConfig } from '../config.ts';

/** PEM certificate (with chain) and private key. */
export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

function readPem(file: string, option: string, what: string): Buffer {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(
      `Cannot read the TLS ${what} file ${file} (${option}): ${reason}.\n` +
        `Kan ikke lese TLS-filen ${file} (${option}).`,
      [{ path: option, message: `cannot read ${file}: ${reason}` }],
    );
  }
  if (!content.toString('latin1').includes('-----BEGIN ')) {
    throw new ConfigError(
      `The TLS ${what} file ${file} (${option}) is not in PEM format (-----BEGIN …).`,
      [{ path: option, message: `${file} is not a PEM file` }],
    );
  }
  return content;
}

/** The TLS files of `config`, or `null` when it serves plain HTTP. */
export function readTlsFiles(config: Pick<HelhetConfig, 'tlsCert' | 'tlsKey'>): TlsFiles | null {
  if (config.tlsCert === null || config.tlsKey === null) return null;
  return {
    cert: readPem(config.tlsCert, '--tls-cert', 'certificate'),
    key: readPem(config.tlsKey, '--tls-key', 'key'),
  };
}
