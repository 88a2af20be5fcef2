/**
 * Scenariofabrikken: sliders for fertility, life expectancy, migration, care coverage,
 * productivity and employment; every move is recomputed in the worker and redrawn. The
 * state lives in the URL (a permalink that reproduces it exactly), named scenarios are
 * saved on this device, and up to four are compared side by side.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { AppLink } from '../../app/AppLink.tsx';
import { ChartFrame } from '../charts/ChartFrame.tsx';
import { LineChart } from '../charts/LineChart.tsx';
import { COLORS } from '../charts/palette.ts';
import { useFormat } from '../format.ts';
import { KeyFigures } from '../pages/KeyFigures.tsx';
import { valueIn } from '../pages/narrative.ts';
import { RegionSearch } from '../pages/RegionSearch.tsx';
import { useRegion } from '../pages/useRegion.ts';
import { SCENARIO_PATH, kommunePath } from '../../core/fremtid/routes.ts';
import { fetchRegion } from '../worker/client.ts';
import {
  MAIN_SCENARIO,
  paramsFromQuery,
  paramsToQuery,
  type ScenarioParams,
} from '../../core/fremtid/params.ts';
import { type FremtidMeta, type RegionReport } from '@helhet/demografi';
import { MAX_COMPARED, loadSaved, newSaved, storeSaved, type SavedScenario } from './saved.ts';
import { ScenarioSliders } from './Sliders.tsx';
import { FremtidPage, FremtidSection } from '../FremtidRegion.tsx';

const REGION = /^(\d{4}|\d{2}|0)$/;

function initialState(meta: FremtidMeta): {
  code: string;
  params: ScenarioParams;
  problems: string[];
} {
  const query = new URLSearchParams(location.search);
  const k = query.get('k') ?? '0';
  const known =
    k === '0' ||
    meta.municipalities.some((m) => m.code === k) ||
    meta.counties.some((c) => c.code === k);
  const { params, problems } = paramsFromQuery(query);
  return {
    code: REGION.test(k) && known ? k : '0',
    params,
    problems: known ? problems : [...problems, `k=${k}`],
  };
}

/** The page. */
export default function ScenarioPage({ meta }: { readonly meta: FremtidMeta }) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const [initial] = useState(() => initialState(meta));
  const [code, setCode] = useState(initial.code);
  const [params, setParams] = useState<ScenarioParams>(initial.params);
  const [saved, setSaved] = useState<SavedScenario[]>(loadSaved);
  const [compared, setCompared] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [copied, setCopied] = useState(false);
  const linkId = useId();
  const { report, pending } = useRegion(code, params);
  const { report: main, pending: mainPending } = useRegion(code, {
    ...MAIN_SCENARIO,
    threshold: params.threshold,
  });

  const query = paramsToQuery(params, new URLSearchParams(code === '0' ? '' : `k=${code}`));
  const search = query.toString();
  const link = `${location.origin}${SCENARIO_PATH}${search ? `?${search}` : ''}`;
  useEffect(() => {
    history.replaceState(null, '', `${SCENARIO_PATH}${search ? `?${search}` : ''}`);
    setCopied(false);
  }, [search]);

  const change = (next: ScenarioParams) => {
    // Start the worker on the new scenario now; the render below picks up the same request.
    void fetchRegion(code, next).catch(() => {});
    setParams(next);
  };

  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const list = [...saved.filter((s) => s.name !== trimmed), newSaved(trimmed, params)];
    setSaved(list);
    storeSaved(list);
    setName('');
  };
  const remove = (id: string) => {
    const list = saved.filter((s) => s.id !== id);
    setSaved(list);
    storeSaved(list);
    setCompared((c) => c.filter((x) => x !== id));
  };

  return (
    <FremtidPage name="scenario" title={t('scenario.title')}>
      <Paragraph>{t('scenario.intro')}</Paragraph>
      {initial.problems.length > 0 && (
        <Alert data-color="warning">
          <Paragraph>{t('scenario.badLink', { values: initial.problems.join(', ') })}</Paragraph>
        </Alert>
      )}
      <div className="fremtid-scenario">
        <div className="fremtid-scenario__controls">
          <RegionSearch
            meta={meta}
            onSelect={setCode}
            label={t('scenario.region')}
            id="scenario-region"
          />
          <Paragraph data-size="sm" data-testid="scenario-region-name">
            {t('scenario.showing', { name: report?.name ?? '' })}{' '}
            {code !== '0' && <AppLink to={kommunePath(code)}>{t('scenario.toKommune')}</AppLink>}
          </Paragraph>
          <ScenarioSliders params={params} meta={meta} onChange={change} />
          <Button variant="secondary" data-size="sm" onClick={() => setParams(MAIN_SCENARIO)}>
            {t('scenario.reset')}
          </Button>
        </div>
        <div
          className="fremtid-scenario__results"
          aria-live="off"
          aria-busy={pending || mainPending}
        >
          {report && main && (
            <ScenarioResults report={report} main={main} threshold={params.threshold} />
          )}
        </div>
      </div>

      <FremtidSection name="share" title={t('scenario.shareTitle')}>
        <Textfield
          label={t('scenario.link')}
          id={linkId}
          readOnly
          value={link}
          data-testid="permalink"
        />
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {t('scenario.copy')}
        </Button>
        <span role="status" className="fremtid-hint">
          {copied ? t('scenario.copied') : ''}
        </span>
        <form
          className="fremtid-save"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Textfield
            label={t('scenario.name')}
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
          />
          <Button type="submit" data-size="sm" disabled={!name.trim()}>
            {t('scenario.save')}
          </Button>
        </form>
        {saved.length > 0 && (
          <ul className="fremtid-saved" aria-label={t('scenario.saved')}>
            {saved.map((s) => (
              <li key={s.id}>
                <Checkbox
                  label={t('scenario.compareOne', { name: s.name })}
                  checked={compared.includes(s.id)}
                  disabled={!compared.includes(s.id) && compared.length >= MAX_COMPARED}
                  onChange={(e) =>
                    setCompared((c) =>
                      e.target.checked ? [...c, s.id] : c.filter((x) => x !== s.id),
                    )
                  }
                />
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => setParams(s.params)}
                  aria-label={t('scenario.useOne', { name: s.name })}
                >
                  {t('scenario.use')}
                </Button>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  onClick={() => remove(s.id)}
                  aria-label={t('scenario.deleteOne', { name: s.name })}
                >
                  {t('scenario.delete')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {compared.length > 0 && (
          <CompareScenarios code={code} scenarios={saved.filter((s) => compared.includes(s.id))} />
        )}
      </FremtidSection>
      <p className="fremtid-source">{t('source')}</p>
      <span hidden>{f.locale}</span>
    </FremtidPage>
  );
}

function ScenarioResults({
  report,
  main,
  threshold,
}: {
  readonly report: RegionReport;
  readonly main: RegionReport;
  readonly threshold: number;
}) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const years = report.years.filter((y) => y >= report.baseYear);
  const from = report.years.indexOf(report.baseYear);
  const cut = (v: readonly number[]) => v.slice(from);
  const popSummary = t('scenario.popSummary', {
    name: report.name,
    scenario: f.int(valueIn(report, report.total, 2050)),
    main: f.int(valueIn(main, main.total, 2050)),
  });
  const careSummary = t('scenario.careSummary', {
    scenario: f.pct(report.care.share.at(-1)!, 1),
    main: f.pct(main.care.share.at(-1)!, 1),
    year: report.care.thresholdYear ?? '–',
  });
  return (
    <>
      <KeyFigures
        report={report}
        idPrefix="scn"
        caption={t('scenario.figures', { name: report.name })}
      />
      <Paragraph
        data-size="sm"
        data-testid="scn-crossing"
        data-year={report.care.thresholdYear ?? ''}
      >
        {report.care.thresholdYear === null
          ? t('care.never', { threshold: f.pct(threshold, 1), to: report.care.years.at(-1) })
          : t('care.year', { threshold: f.pct(threshold, 1), year: report.care.thresholdYear })}
      </Paragraph>
      <ChartFrame
        title={t('scenario.popTitle')}
        summary={popSummary}
        filename={`scenario-folketall-${report.code}`}
        table={{
          columns: [t('table.year'), t('scenario.thisScenario'), t('scenario.main')],
          rows: years.map((y, i) => [
            y,
            Math.round(report.total[from + i]!),
            Math.round(main.total[from + i]!),
          ]),
        }}
      >
        <LineChart
          years={years}
          series={[
            {
              key: 's',
              label: t('scenario.thisScenario'),
              values: cut(report.total),
              color: COLORS.helhet,
            },
            {
              key: 'm',
              label: t('scenario.main'),
              values: cut(main.total),
              color: COLORS.ssb,
              dashed: true,
            },
          ]}
          summary={popSummary}
          format={f.int}
        />
      </ChartFrame>
      <ChartFrame
        title={t('scenario.careTitle')}
        summary={careSummary}
        filename={`scenario-omsorg-${report.code}`}
        table={{
          columns: [t('table.year'), t('scenario.thisScenario'), t('scenario.main')],
          rows: report.care.years.map((y, i) => [
            y,
            Number(report.care.share[i]!.toFixed(4)),
            Number(main.care.share[i]!.toFixed(4)),
          ]),
        }}
      >
        <LineChart
          years={report.care.years}
          series={[
            {
              key: 's',
              label: t('scenario.thisScenario'),
              values: report.care.share,
              color: COLORS.helhet,
            },
            {
              key: 'm',
              label: t('scenario.main'),
              values: main.care.share,
              color: COLORS.ssb,
              dashed: true,
            },
            {
              key: 't',
              label: t('care.threshold'),
              values: report.care.years.map(() => threshold),
              color: COLORS.threshold,
              dashed: true,
            },
          ]}
          summary={careSummary}
          format={(v) => f.pct(v, 1)}
          zero
        />
      </ChartFrame>
    </>
  );
}

function CompareScenarios({
  code,
  scenarios,
}: {
  readonly code: string;
  readonly scenarios: readonly SavedScenario[];
}) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const [reports, setReports] = useState<Record<string, RegionReport>>({});
  const key = `${code}|${scenarios.map((s) => s.id).join(',')}`;
  useEffect(() => {
    let live = true;
    void Promise.all(
      scenarios.map((s) => fetchRegion(code, s.params).then((r) => [s.id, r] as const)),
    ).then((pairs) => live && setReports(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names code and scenarios
  }, [key]);
  const rows: { label: string; value: (r: RegionReport) => string }[] = [
    {
      label: t('scenario.row.total', { year: 2040 }),
      value: (r) => f.int(valueIn(r, r.total, 2040)),
    },
    {
      label: t('scenario.row.total', { year: 2050 }),
      value: (r) => f.int(valueIn(r, r.total, 2050)),
    },
    {
      label: t('scenario.row.ab', { year: 2040 }),
      value: (r) => f.dec(valueIn(r, r.indicators.aldersbaereevne, 2040)),
    },
    {
      label: t('scenario.row.old80', { year: 2040 }),
      value: (r) => f.pct(valueIn(r, r.indicators.andel80, 2040)),
    },
    {
      label: t('scenario.row.care', { year: 2040 }),
      value: (r) => f.pct(r.care.share[r.care.years.indexOf(2040)]!),
    },
    { label: t('scenario.row.crossing'), value: (r) => String(r.care.thresholdYear ?? '–') },
  ];
  return (
    <div
      className="fremtid-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('scenario.compareTitle')}
    >
      <Table data-size="sm" zebra data-testid="scenario-compare">
        <caption>{t('scenario.compareTitle')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('figures.measure')}</Table.HeaderCell>
            {scenarios.map((s) => (
              <Table.HeaderCell key={s.id}>{s.name}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.label}>
              <Table.HeaderCell scope="row">{row.label}</Table.HeaderCell>
              {scenarios.map((s) => (
                <Table.Cell key={s.id} className="fremtid-num">
                  {reports[s.id] ? row.value(reports[s.id]!) : '…'}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
