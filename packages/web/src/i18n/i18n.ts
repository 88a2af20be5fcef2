/**
 * Languages of the UI: Norwegian bokmål (default), nynorsk and English. The choice is kept
 * in localStorage (a signed-in account's own choice is applied and kept there too, so the
 * next page on this device opens in it) and mirrored to `<html lang>` so screen readers
 * pronounce the text right (WCAG 2.1 SC 3.1.1 Language of Page).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from './nb.json';
import nn from './nn.json';
import en from './en.json';
import { UI_LANGUAGES, type UiLanguage } from '@helhet/model';

/** Languages the UI is translated into (the model's list, which the server also accepts). */
export const LANGUAGES = UI_LANGUAGES;
/** One of {@link LANGUAGES}. */
export type Language = UiLanguage;

const STORAGE_KEY = 'helhet.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen earlier on this device, or bokmål. */
export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'nb';
  } catch {
    return 'nb';
  }
}

/** Switches the UI language, remembers it and updates `<html lang>`. */
export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** The language the UI is shown in now. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'nb';
}

let initialised = false;

/**
 * Initialises i18next once, synchronously (all three bundles are small and bundled). Also
 * runs when this module is first evaluated, so feature modules that add their own
 * namespaces at import time (`addResourceBundle`) always find i18next ready: `main.tsx`
 * imports this module before the app.
 */
export function initI18n(): void {
  if (initialised) return;
  initialised = true;
  const language = storedLanguage();
  document.documentElement.lang = language;
  void i18next.use(initReactI18next).init({
    resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
    lng: language,
    fallbackLng: 'nb',
    // React escapes text itself; user text is never rendered as HTML.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
}

initI18n();
