/**
 * Small form building blocks shared by the process pages, on Designsystemet components:
 * a labelled select and a fieldset of checkboxes for choosing several records.
 */
import { useId } from 'react';
import { Checkbox, Field, Fieldset, Label, Select } from '@digdir/designsystemet-react';

/** A select with a visible label. */
export function SelectField({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

/** Checkboxes for choosing any number of `options`. */
export function CheckList({
  legend,
  options,
  selected,
  onChange,
  empty,
}: {
  legend: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** Shown instead of the boxes when there is nothing to choose. */
  empty?: string;
}) {
  return (
    <Fieldset className="process-fieldset">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {options.length === 0 && empty}
      {options.map((o) => (
        <Checkbox
          key={o.value}
          label={o.label}
          value={o.value}
          checked={selected.includes(o.value)}
          onChange={(e) =>
            onChange(
              e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value),
            )
          }
        />
      ))}
    </Fieldset>
  );
}
