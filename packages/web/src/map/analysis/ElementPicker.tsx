/**
 * A select of every element by label. Memoised: on a map of thousands of elements its
 * options are re-rendered only when the elements or the chosen value change, not on every
 * render of the panel around it.
 */
import { memo } from 'react';

import { SelectField } from '../../app/SelectField.tsx';

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
    <SelectField
      id={id}
      size="sm"
      label={label}
      value={value}
      options={[
        { value: '', label: emptyLabel },
        ...options.map((e) => ({ value: e.id, label: e.label })),
      ]}
      onChange={onChange}
    />
  );
}

/** Element select. */
export const ElementPicker = memo(ElementPickerView);
