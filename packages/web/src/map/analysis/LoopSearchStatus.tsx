/**
 * Where the loop search stands: searching, how many loops were found and how fast, and —
 * clearly, as a warning — when a budget left loops out and which one.
 */
import { useTranslation } from 'react-i18next';
import { Alert, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { ANALYSIS_NS } from './i18n.ts';
import type { LoopBudgetsInput, LoopSearchState } from './useLoopSearch.ts';

/** Props of {@link LoopSearchStatus}. */
export interface LoopSearchStatusProps {
  search: LoopSearchState;
  budgets: LoopBudgetsInput;
}

/** Status line and truncation warning of the loop search. */
export function LoopSearchStatus({ search, budgets }: LoopSearchStatusProps) {
  const { t } = useTranslation(ANALYSIS_NS);
  const { summary } = search;
  return (
    <div role="status" className="loop-status" data-testid="loop-status">
      {search.running ? (
        <Paragraph data-size="sm">
          <Spinner aria-hidden="true" data-size="xs" />{' '}
          {t('status.searching', { count: search.loops.length })}
        </Paragraph>
      ) : summary ? (
        <Paragraph data-size="sm">
          {t('status.found', { count: summary.count, ms: Math.round(summary.elapsedMs) })}
        </Paragraph>
      ) : null}
      {!search.running && summary?.truncated && (
        <Alert data-color="warning" data-size="sm" data-testid="loops-truncated">
          {t('status.truncated')}{' '}
          {summary.reason === 'maxLength'
            ? t('status.reasonMaxLength', { count: budgets.maxLength })
            : summary.reason === 'maxLoops'
              ? t('status.reasonMaxLoops', { count: budgets.maxLoops })
              : t('status.reasonTime', { seconds: budgets.timeMs / 1000 })}
        </Alert>
      )}
    </div>
  );
}
