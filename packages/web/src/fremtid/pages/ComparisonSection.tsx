/**
 * The municipality beside similar municipalities (same centrality class in the same
 * county), its county and the country: population now, change to 2040, and aldersbæreevne
 * now and in 2040, under the main alternative. CSV download like every other table.
 */
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { SSB_CREDIT, type ComparisonRow } from '@helhet/demografi';
import { downloadCsv } from '../charts/download.ts';
import { useFormat } from '../format.ts';
import { AppLink } from '../../app/AppLink.tsx';
import { kommunePath } from '../../core/fremtid/routes.ts';
import { FremtidSection } from '../FremtidRegion.tsx';

/** The section. */
export function ComparisonSection({
  rows,
  centrality,
}: {
  readonly rows: readonly ComparisonRow[];
  readonly centrality: number | null;
}) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const columns = [
    t('compare.region'),
    t('compare.group'),
    t('compare.totalNow'),
    t('compare.change'),
    t('compare.abNow'),
    t('compare.ab2040'),
  ];
  return (
    <FremtidSection name="compare" title={t('compare.title')}>
      <Paragraph data-size="sm">{t('compare.intro', { centrality: centrality ?? '–' })}</Paragraph>
      <div className="fremtid-scroll" tabIndex={0} role="region" aria-labelledby="compare-heading">
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              {columns.map((c) => (
                <Table.HeaderCell key={c}>{c}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={`${r.group}-${r.code}`}>
                <Table.HeaderCell scope="row">
                  {r.group === 'centrality' ? (
                    <AppLink to={kommunePath(r.code)}>{r.name}</AppLink>
                  ) : (
                    r.name
                  )}
                </Table.HeaderCell>
                <Table.Cell>{t(`compare.groups.${r.group}`)}</Table.Cell>
                <Table.Cell className="fremtid-num">{f.int(r.totalNow)}</Table.Cell>
                <Table.Cell className="fremtid-num">{f.change(r.change2040)}</Table.Cell>
                <Table.Cell className="fremtid-num">{f.dec(r.aldersbaereevneNow)}</Table.Cell>
                <Table.Cell className="fremtid-num">{f.dec(r.aldersbaereevne2040)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Button
        variant="tertiary"
        data-size="sm"
        onClick={() =>
          downloadCsv(
            {
              columns,
              rows: rows.map((r) => [
                r.name,
                r.group,
                Math.round(r.totalNow),
                Number(r.change2040.toFixed(4)),
                Number(r.aldersbaereevneNow.toFixed(3)),
                Number(r.aldersbaereevne2040.toFixed(3)),
              ]),
            },
            SSB_CREDIT,
            `sammenligning-${rows[0]?.code ?? ''}.csv`,
          )
        }
      >
        {t('chart.csv')}
      </Button>
      <p className="fremtid-source">{t('source')}</p>
    </FremtidSection>
  );
}
