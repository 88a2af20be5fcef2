/**
 * The loop search's budgets: longest loop, most loops and time. A value is applied when it
 * is a whole number in range; otherwise the field says what is wrong and the search keeps
 * its previous budget.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Details, Textfield } from '@digdir/designsystemet-react';
import { z } from 'zod';
import { ANALYSIS_NS } from './i18n.ts';
import type { LoopBudgetsInput } from './useLoopSearch.ts';

const LIMITS = {
  maxLength: { min: 1, max: 50 },
  maxLoops: { min: 1, max: 100_000 },
  timeSeconds: { min: 1, max: 120 },
} as const;

type Key = keyof typeof LIMITS;

/** Props of {@link LoopBudgetsForm}. */
export interface LoopBudgetsFormProps {
  budgets: LoopBudgetsInput;
  onChange: (budgets: LoopBudgetsInput) => void;
}

/** Budget fields in a collapsible region. */
export function LoopBudgetsForm({ budgets, onChange }: LoopBudgetsFormProps) {
  const { t } = useTranslation(ANALYSIS_NS);
  const [text, setText] = useState<Record<Key, string>>({
    maxLength: String(budgets.maxLength),
    maxLoops: String(budgets.maxLoops),
    timeSeconds: String(budgets.timeMs / 1000),
  });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});

  const set = (key: Key, value: string) => {
    setText((s) => ({ ...s, [key]: value }));
    const { min, max } = LIMITS[key];
    const parsed = z.coerce
      .number()
      .int()
      .min(min)
      .max(max)
      .safeParse(value.trim() === '' ? NaN : value);
    if (!parsed.success) {
      setErrors((e) => ({ ...e, [key]: t('budgets.range', { min, max }) }));
      return;
    }
    setErrors((e) => ({ ...e, [key]: undefined }));
    if (key === 'timeSeconds') onChange({ ...budgets, timeMs: parsed.data * 1000 });
    else onChange({ ...budgets, [key]: parsed.data });
  };

  return (
    <Details data-size="sm">
      <Details.Summary>{t('budgets.title')}</Details.Summary>
      <Details.Content>
        <div className="stack">
          {(Object.keys(LIMITS) as Key[]).map((key) => (
            <Textfield
              key={key}
              label={t(`budgets.${key}`)}
              inputMode="numeric"
              value={text[key]}
              error={errors[key]}
              onChange={(e) => set(key, e.target.value)}
              data-size="sm"
            />
          ))}
        </div>
      </Details.Content>
    </Details>
  );
}
