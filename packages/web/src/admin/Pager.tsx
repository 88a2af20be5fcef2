/** Previous and next page of a long list, with where in the list the page is. */
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@digdir/designsystemet-react';

/** Props of {@link Pager}. */
export interface PagerProps {
  offset: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  total: number;
  onOffset: (offset: number) => void;
}

/** The pager; nothing when everything fits on one page. */
export function Pager({ offset, pageSize, shown, total, onOffset }: PagerProps) {
  const { t } = useTranslation('admin');
  if (total <= pageSize && offset === 0) return null;
  return (
    <nav
      className="row-actions"
      aria-label={t('users.page', { from: offset + 1, to: offset + shown, total })}
    >
      <Button
        variant="secondary"
        data-size="sm"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
      >
        {t('users.previous')}
      </Button>
      <Paragraph data-size="sm">
        {t('users.page', { from: offset + 1, to: offset + shown, total })}
      </Paragraph>
      <Button
        variant="secondary"
        data-size="sm"
        disabled={offset + shown >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        {t('users.next')}
      </Button>
    </nav>
  );
}
