/**
 * The one way a failed call or write becomes text on a page: answers the server names with a
 * code (too many imports, a file too large, a busy server) and refusals (403) are said in the
 * page's language;
 * anything else names its problems (`core/problemMessage.ts`).
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../core/problemMessage.ts';
import { ApiError } from './client.ts';

/** Translates a key of the catalogue with values (i18next's `t`). */
export type Translate = (key: string, values: Record<string, unknown>) => string;

/**
 * The text to show for `error`, with `translate` for the answers the server names by code
 * and for a refusal (403: signed in, but without the role for it), which says plainly that
 * the person has no access rather than the server's technical message.
 */
export function errorTextWith(translate: Translate, error: unknown): string {
  if (error instanceof ApiError && error.status === 403) return translate('api.forbidden', {});
  return error instanceof ApiError && error.code
    ? translate(`api.error.${error.code}`, { seconds: error.retryAfter ?? 60 })
    : problemMessage(error);
}

/** A function turning an error into the text to show, in the page's language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => errorTextWith(t, error), [t]);
}
