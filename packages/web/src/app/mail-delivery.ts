/**
 * What the pages that show a new link (an invitation, a password reset link) say about the
 * e-mail that carried it: sent to whom, or that it failed and the link must be copied; nothing
 * when the installation sends no e-mail. Also the language a requested e-mail is written in.
 */
import type { TFunction } from 'i18next';
import { UiLanguage, type MailDelivery } from '@helhet/model';

/** The sentence about `delivery` to `to`, or null when there is nothing to say. */
export function mailDeliveryText(
  t: TFunction,
  delivery: MailDelivery | undefined,
  to: string | null,
): string | null {
  if (!to) return null;
  if (delivery === 'sent') return t('mailDelivery.sent', { to });
  if (delivery === 'failed') return t('mailDelivery.failed', { to });
  return null;
}

/** The interface language as the API takes it (bokmål for anything else). */
export function mailLanguage(language: string | undefined): UiLanguage {
  return UiLanguage.safeParse(language).data ?? 'nb';
}
