/**
 * Table cell inputs that commit on Enter or when focus leaves, and fall back to the stored
 * value when the model rejects the input (showing why). Native inputs and selects keep the
 * whole table usable with the keyboard alone. The delete cell ends every row.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Table } from '@digdir/designsystemet-react';

/** Props of {@link TextCell}. */
export interface TextCellProps {
  label: string;
  value: string;
  /** Returns an error message, or null when saved. */
  onCommit: (value: string) => string | null;
  inputMode?: 'text' | 'decimal';
  maxLength?: number;
}

/** A text input cell. */
export function TextCell({
  label,
  value,
  onCommit,
  inputMode = 'text',
  maxLength = 200,
}: TextCellProps) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft === value) return;
    const problem = onCommit(draft);
    setError(problem);
    if (problem) setDraft(value);
  };
  return (
    <CellError error={error}>
      <input
        className="cell-input"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        inputMode={inputMode}
        maxLength={maxLength}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') setDraft(value);
        }}
      />
    </CellError>
  );
}

/** Props of {@link SelectCell}. */
export interface SelectCellProps {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onCommit: (value: string) => string | null;
}

/** A select cell (commits on change: choosing is already a deliberate act). */
export function SelectCell({ label, value, options, onCommit }: SelectCellProps) {
  const [error, setError] = useState<string | null>(null);
  return (
    <CellError error={error}>
      <select
        className="cell-input"
        aria-label={label}
        value={value}
        onChange={(e) => setError(onCommit(e.target.value))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </CellError>
  );
}

function CellError({ error, children }: { error: string | null; children: ReactNode }) {
  return (
    <>
      {children}
      {error && (
        <span className="cell-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

/** The last cell of a row: deletes its record and announces that one was deleted. */
export function DeleteCell({ label, onDelete }: { label: string; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Table.Cell>
      <Button
        variant="tertiary"
        data-color="danger"
        data-size="sm"
        aria-label={label}
        onClick={onDelete}
      >
        {t('common.delete')}
      </Button>
    </Table.Cell>
  );
}
