/**
 * The choice of presence colour (the cursor and name label others see), shared by the
 * presence dialog and the account menu.
 */
import { useTranslation } from 'react-i18next';
import { PRESENCE_COLOURS, type PresenceColour } from '@helhet/model';

/** Radio buttons, one per presence colour. */
export function PresenceColours({
  value,
  onChange,
}: {
  value: string;
  onChange: (color: PresenceColour) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="color-choices">
      <legend>{t('profile.color')}</legend>
      {PRESENCE_COLOURS.map((c, i) => (
        <label key={c} className="color-choice">
          <input
            type="radio"
            name="presence-color"
            value={c}
            checked={value === c}
            onChange={() => onChange(c)}
          />
          <span className="swatch" style={{ background: c }} aria-hidden="true" />
          {t('profile.colorN', { n: i + 1 })}
        </label>
      ))}
    </fieldset>
  );
}
