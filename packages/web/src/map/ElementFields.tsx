/**
 * The inputs of an element form (label, kind, field, ages, description, tags), used by the
 * create dialog and the side panel. Errors are shown on the field they concern.
 */
import { useTranslation } from 'react-i18next';
import { Field, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { SelectField } from '../app/SelectField.tsx';
import type { Field as MapField } from '@helhet/model';
import { ELEMENT_KINDS, type ElementDraft } from '../core/map/element-draft.ts';

/** Props of {@link ElementFields}. */
export interface ElementFieldsProps {
  /** Prefix for element ids, unique per form on the page. */
  idPrefix: string;
  draft: ElementDraft;
  fields: readonly MapField[];
  errors: Record<string, string>;
  onChange: (draft: ElementDraft) => void;
  /** Focus the label when the form appears (dialogs). */
  autoFocusLabel?: boolean;
}

/** Element form inputs. */
export function ElementFields({
  idPrefix,
  draft,
  fields,
  errors,
  onChange,
  autoFocusLabel = false,
}: ElementFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof ElementDraft>(key: K, value: ElementDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <>
      <Textfield
        label={t('element.label')}
        value={draft.label}
        maxLength={200}
        error={errors.label}
        onChange={(e) => set('label', e.target.value)}
        autoFocus={autoFocusLabel}
      />
      <SelectField
        id={`${idPrefix}-kind`}
        label={t('element.kind')}
        value={draft.kind}
        options={ELEMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        onChange={(kind) => set('kind', kind)}
      />
      <Field>
        <Label htmlFor={`${idPrefix}-field`}>{t('element.field')}</Label>
        <Select
          id={`${idPrefix}-field`}
          value={draft.fieldId}
          onChange={(e) => set('fieldId', e.target.value)}
        >
          <Select.Option value="">{t('map.noField')}</Select.Option>
          {fields.map((f) => (
            <Select.Option key={f.id} value={f.id}>
              {f.name}
            </Select.Option>
          ))}
        </Select>
        {errors.fieldId && <ValidationMessage>{errors.fieldId}</ValidationMessage>}
      </Field>
      <div className="pair">
        {(['ageFrom', 'ageTo'] as const).map((key) => (
          <Textfield
            key={key}
            label={t(`element.${key}`)}
            inputMode="decimal"
            value={draft[key]}
            error={errors[key]}
            onChange={(e) => set(key, e.target.value)}
          />
        ))}
      </div>
      <Textfield
        label={t('element.description')}
        multiline
        rows={3}
        value={draft.description}
        error={errors.description}
        onChange={(e) => set('description', e.target.value)}
      />
      <Textfield
        label={t('element.tags')}
        description={t('element.tagsHelp')}
        value={draft.tags}
        error={errors.tags}
        onChange={(e) => set('tags', e.target.value)}
      />
    </>
  );
}
