import { useId } from 'react';
import { Field, Label, Select } from '@digdir/designsystemet-react';

/** One choice of a {@link SelectField}. */
export interface SelectOption<V extends string> {
  readonly value: V;
  readonly label: string;
}

/** Props of {@link SelectField}. */
export interface SelectFieldProps<V extends string> {
  readonly label: string;
  readonly value: V;
  readonly options: readonly SelectOption<V>[];
  /** Called with one of the options' values. */
  readonly onChange: (value: V) => void;
  /** The select's id, when something else refers to it; a generated one otherwise. */
  readonly id?: string;
  readonly size?: 'sm';
  readonly className?: string;
  /** `auto`: as wide as its longest option, for a select inline with other controls. */
  readonly width?: 'auto';
}

/** A select with a visible label: the one way a choice from a fixed list is asked for. */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  id,
  size,
  className,
  width,
}: SelectFieldProps<V>) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  return (
    <Field data-size={size} className={className}>
      <Label htmlFor={selectId}>{label}</Label>
      <Select
        id={selectId}
        value={value}
        width={width}
        // The select offers only the options' values.
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
