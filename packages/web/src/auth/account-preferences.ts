/**
 * Choosing the interface language and the presence colour. Signed in with an account, the
 * choice is shown at once and saved to the account (PATCH /api/account), so every device
 * where the person signs in gets it; a share-link guest or someone not signed in keeps it in
 * this browser only (a guest is not an account).
 */
import type { AccountPreferencesPatch, PresenceColour, Principal } from '@helhet/model';
import { api } from '../api/client.ts';
import { setAccountColour, setPresenceColour } from '../app/user.ts';
import { setLanguage, type Language } from '../i18n/i18n.ts';
import { acceptAccountPreferences, currentSession } from './session.ts';

/** The signed-in account (not a guest), or null. */
function signedInAccount(): Extract<Principal, { kind: 'user' }> | null {
  const session = currentSession();
  if (session.status !== 'signed-in') return null;
  return session.info.principal.kind === 'user' ? session.info.principal : null;
}

async function saveToAccount(patch: AccountPreferencesPatch): Promise<void> {
  acceptAccountPreferences(await api.updateAccount(patch));
}

/**
 * Switches the UI to `language` on this device and, for an account, saves it to the account.
 * Rejects when saving failed (the device keeps the language).
 */
export async function chooseLanguage(language: Language): Promise<void> {
  setLanguage(language);
  if (signedInAccount()) await saveToAccount({ language });
}

/**
 * Makes `colour` the presence colour: saved to the account when one is signed in, else kept
 * in this browser. Rejects when saving failed (the account's saved colour is shown again).
 */
export async function choosePresenceColour(colour: PresenceColour): Promise<void> {
  const account = signedInAccount();
  if (!account) {
    setPresenceColour(colour);
    return;
  }
  setAccountColour(colour);
  try {
    await saveToAccount({ presenceColour: colour });
  } catch (error) {
    // Back to what the account has saved, so the screen does not claim an unsaved choice.
    setAccountColour(account.presenceColour);
    throw error;
  }
}
