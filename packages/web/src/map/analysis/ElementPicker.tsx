/**
 * A select of every element by label. Memoised: on a map of thousands of elements its
 * options are re-rendered only when the elements or the chosen value change, not on every
 * render of the panel around it.
 */
import { memo } from 'react';
import { Field, Label, Select } from '@digdir/designsystemet-react';

/** Props of {@link ElementPicker}. */
export interface ElementPickerProps {
  id: string;
  label: string;
  /** Text of the empty choice. */
  emptyLabel: string;
  value: string;
  options: readonly { id: string; label: string }[];
  onChange: (value: string) => void;
}

function ElementPickerView({
  id,
  label,
  emptyLabel,
  value,
  options,
  onChange,
}: ElementPickerProps) {
  return (
    <Field data-size="sm">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <Select.Option value="">{emptyLabel}</Select.Option>
        {options.map((e) => (
          <Select.Option key={e.id} value={e.id}>
            {e.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

/** Element select. */
export const ElementPicker = memo(ElementPickerView);
