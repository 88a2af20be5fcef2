/**
 * The `HELHET_IDENTITY_PROVIDERS` file: identity providers an operator keeps in
 * configuration management instead of the admin pages. Read once at start; a file that
 * does not parse or validate stops the start with every problem named by its path
 * (`identityProviders[0].issuer: must be a URL`).
 */
import { readFile } from 'node:fs/promises';
import { describeProblems, validate } from '@helhet/model';
import { ConfigError } from '../../config.ts';
import { IdentityProvidersFile } from '@helhet/model';
import type { IdentityProvider } from './store.ts';

/** Reads and validates the providers of `path`. */
export async function loadIdentityProvidersFile(path: string): Promise<IdentityProvider[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `HELHET_IDENTITY_PROVIDERS: cannot read ${path} (${(error as Error).message})`,
    );
  }
  return parseIdentityProvidersFile(text, path);
}

/** Parses the file's text (`path` only names it in messages). */
export function parseIdentityProvidersFile(text: string, path: string): IdentityProvider[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `HELHET_IDENTITY_PROVIDERS: ${path} is not JSON (${(error as Error).message})`,
    );
  }
  const result = validate(IdentityProvidersFile, json);
  if (!result.ok)
    throw new ConfigError(
      `HELHET_IDENTITY_PROVIDERS: ${path} is not valid:\n${describeProblems(result.problems)}`,
      result.problems,
    );
  const at = new Date(0).toISOString();
  return result.value.identityProviders.map(({ id, ...fields }) => ({
    ...fields,
    id,
    source: 'file' as const,
    createdAt: at,
    updatedAt: at,
  }));
}
