/**
 * The coverage matrix: innovation areas and kept loops (system challenges) × projects, and
 * what no project addresses yet. A real table with row and column headers, so screen readers
 * announce "row, project" for every cell.
 */
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { coverageMatrix } from '@helhet/model';
import { useProcess } from '../process/ProcessContext.ts';

/** Coverage matrix section. */
export function CoverageMatrix() {
  const { t } = useTranslation('portfolio');
  const { content, maps } = useProcess();
  const matrix = coverageMatrix(content, maps);
  return (
    <section className="stack" aria-labelledby="coverage-heading" data-testid="coverage">
      <Heading id="coverage-heading" level={2} data-size="md">
        {t('coverage.title')}
      </Heading>
      <Paragraph data-testid="uncovered-summary">
        {matrix.uncovered.length === 0
          ? t('coverage.allCovered')
          : t('coverage.uncovered', {
              count: matrix.uncovered.length,
              names: matrix.uncovered.map((r) => r.label).join(', '),
            })}
      </Paragraph>
      {matrix.rows.length > 0 && (
        <div
          className="process-table-wrap"
          tabIndex={0}
          role="region"
          aria-labelledby="coverage-heading"
        >
          <Table border className="process-matrix">
            <caption className="visually-hidden">{t('coverage.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('coverage.challenge')}</Table.HeaderCell>
                {matrix.projects.map((p) => (
                  <Table.HeaderCell key={p.id} scope="col">
                    {p.name}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {matrix.rows.map((row) => (
                <Table.Row
                  key={`${row.kind}-${row.mapId}-${row.id}`}
                  className={row.projectIds.length === 0 ? 'uncovered' : undefined}
                  data-testid="coverage-row"
                >
                  <Table.HeaderCell scope="row">
                    {t(`coverage.kind.${row.kind}`)}: {row.label}
                    {row.projectIds.length === 0 && ` (${t('coverage.none')})`}
                  </Table.HeaderCell>
                  {matrix.projects.map((p) =>
                    row.projectIds.includes(p.id) ? (
                      <Table.Cell key={p.id} className="covered">
                        <span aria-hidden="true">✓</span>
                        <span className="visually-hidden">{t('coverage.yes')}</span>
                      </Table.Cell>
                    ) : (
                      <Table.Cell key={p.id} className="uncovered-cell">
                        <span className="visually-hidden">{t('coverage.no')}</span>
                      </Table.Cell>
                    ),
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
