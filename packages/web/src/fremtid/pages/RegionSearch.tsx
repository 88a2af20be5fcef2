/**
 * Find a municipality or county by name or number: Designsystemet's Combobox (an
 * accessible, keyboard-operable combobox; virtualised for the 372 options) over the 357
 * municipalities and 15 counties; picking one calls `onSelect` with its number. Memoised:
 * reconciling 372 options is the costliest part of a re-render, and the pages re-render on
 * every slider move.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from '@digdir/designsystemet-react';
import { type FremtidMeta } from '@helhet/demografi';

/** Props of {@link RegionSearch}. */
export interface RegionSearchProps {
  readonly meta: FremtidMeta;
  readonly onSelect: (code: string) => void;
  readonly label?: string;
  readonly id?: string;
}

/** The search field. */
export const RegionSearch = memo(function RegionSearch({
  meta,
  onSelect,
  label,
  id = 'region-search',
}: RegionSearchProps) {
  const { t } = useTranslation('fremtid');
  const options = useMemo(
    () =>
      [
        ...meta.municipalities.map((m) => ({ code: m.code, label: `${m.name} (${m.code})` })),
        ...meta.counties.map((c) => ({
          code: c.code,
          label: `${c.name} (${t('search.county')} ${c.code})`,
        })),
      ].sort((a, b) => a.label.localeCompare(b.label, 'nb')),
    [meta, t],
  );
  return (
    <div className="fremtid-search">
      <Combobox
        id={id}
        label={label ?? t('search.label')}
        value={[]}
        virtual
        clearButtonLabel={t('search.clear')}
        onValueChange={(values) => {
          const code = values[0];
          if (code) onSelect(code);
        }}
      >
        <Combobox.Empty>{t('search.empty')}</Combobox.Empty>
        {options.map((o) => (
          <Combobox.Option key={o.code} value={o.code} displayValue={o.label}>
            {o.label}
          </Combobox.Option>
        ))}
      </Combobox>
    </div>
  );
});
