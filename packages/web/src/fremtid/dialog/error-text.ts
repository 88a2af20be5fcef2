/**
 * What a participant or facilitator reads when a dialogue call fails: a refusal for going
 * too fast in their own language (with the seconds to wait), otherwise the server's message.
 */
import type { TFunction } from 'i18next';
import { DialogueApiError } from './api.ts';

/** True when `error` is the server's 429 `rate-limited`. */
export const isRateLimited = (error: unknown): error is DialogueApiError =>
  error instanceof DialogueApiError && error.code === 'rate-limited';

/** The text to show for `error` (the `fremtid` namespace's `t`). */
export function dialogueErrorText(t: TFunction, error: unknown): string {
  if (isRateLimited(error))
    return t('dialog.rateLimited', { count: Math.max(1, error.retryAfterS ?? 60) });
  return error instanceof Error ? error.message : String(error);
}
