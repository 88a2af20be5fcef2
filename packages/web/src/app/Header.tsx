/**
 * The page header: app name (link home), language switch (saved to the account when one is
 * signed in) and the account menu (or, signed out, the presence identity and a sign-in link).
 */
import { useTranslation } from 'react-i18next';
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { AppLink } from './AppLink.tsx';
import { LANGUAGES, type Language } from '../i18n/i18n.ts';
import { chooseLanguage } from '../auth/account-preferences.ts';
import { AccountMenu } from '../auth/AccountMenu.tsx';

/** App header. */
export function Header() {
  const { t, i18n } = useTranslation();
  return (
    <header className="header">
      <AppLink to="/" className="header__brand">
        Helhet
      </AppLink>
      <AppLink to="/fremtid">
        {t('nav.fremtid', { ns: 'fremtid', defaultValue: 'Fremtid 2040' })}
      </AppLink>
      <div className="header__tools">
        <Field className="header__language">
          <Label htmlFor="language-select">{t('app.language')}</Label>
          <Select
            id="language-select"
            width="auto"
            data-size="sm"
            value={i18n.language}
            onChange={(e) =>
              // The page switches at once; a failed save to the account leaves it switched on
              // this device (the account menu is where a failed save is shown).
              void chooseLanguage(e.target.value as Language).catch(() => undefined)
            }
          >
            {LANGUAGES.map((lng) => (
              <Select.Option key={lng} value={lng} lang={lng}>
                {t(`languages.${lng}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <AccountMenu />
      </div>
    </header>
  );
}
