/**
 * How the account page names a session: the device ("Chrome on Windows") and the way it was
 * signed in, in the page's language. Browser and system names are product names and stay as
 * the server gives them; only the words around them are translated.
 */
import type { TFunction } from 'i18next';
import type { AccountSession } from '@helhet/model';

/** "Chrome on Windows", "Chrome", "Windows", or "Unknown browser". */
export function describeDevice(
  session: Pick<AccountSession, 'browser' | 'system'>,
  t: TFunction,
): string {
  const { browser, system } = session;
  if (browser && system) return t('account.sessions.deviceOn', { browser, system });
  return browser ?? system ?? t('account.sessions.unknownDevice');
}

/** "Password", "Sign-in service", …; "Unknown" for sessions from before it was recorded. */
export function describeMethod(session: Pick<AccountSession, 'method'>, t: TFunction): string {
  return t(`account.sessions.methods.${session.method ?? 'unknown'}`);
}
