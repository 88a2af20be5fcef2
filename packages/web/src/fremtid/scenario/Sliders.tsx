/**
 * The sliders of Scenariofabrikken. Native range inputs: every browser and screen reader
 * knows them, arrow keys move them a step, and `aria-valuetext` reads the formatted value.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Fieldset, Switch } from '@digdir/designsystemet-react';
import { useFormat } from '../format.ts';
import { PARAM_RANGES, type ScenarioParams } from '../../core/fremtid/params.ts';
import { type FremtidMeta } from '@helhet/demografi';

type NumericKey = Exclude<keyof ScenarioParams, 'alignSsb'>;

function Slider(props: {
  readonly name: NumericKey;
  readonly label: string;
  readonly hint: string;
  readonly value: number;
  readonly text: string;
  readonly onChange: (v: number) => void;
}) {
  const id = useId();
  const r = PARAM_RANGES[props.name];
  return (
    <div className="fremtid-slider">
      <label htmlFor={id} className="fremtid-slider-label">
        {props.label}:{' '}
        <output htmlFor={id} data-testid={`value-${props.name}`}>
          {props.text}
        </output>
      </label>
      <input
        id={id}
        type="range"
        className="fremtid-range"
        name={props.name}
        min={r.min}
        max={r.max}
        step={r.step}
        value={props.value}
        aria-valuetext={props.text}
        aria-describedby={`${id}-hint`}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
      <span id={`${id}-hint`} className="fremtid-hint">
        {props.hint}
      </span>
    </div>
  );
}

/** Props of {@link ScenarioSliders}. */
export interface ScenarioSlidersProps {
  readonly params: ScenarioParams;
  readonly meta: FremtidMeta;
  readonly onChange: (params: ScenarioParams) => void;
}

/** All sliders. */
export function ScenarioSliders({ params, meta, onChange }: ScenarioSlidersProps) {
  const { t } = useTranslation('fremtid');
  const f = useFormat();
  const set = (key: NumericKey) => (v: number) => onChange({ ...params, [key]: v });
  const tfr = params.tfr ?? Math.round(meta.baseTfr * 20) / 20;
  const lifeGain = params.lifeGain ?? Math.round(meta.trendLifeGain * 4) / 4;
  return (
    <>
      <Fieldset>
        <Fieldset.Legend>{t('scenario.population')}</Fieldset.Legend>
        <Slider
          name="tfr"
          label={t('scenario.tfr')}
          hint={t('scenario.tfrHint', { base: f.dec(meta.baseTfr, 2) })}
          value={tfr}
          text={f.dec(params.tfr ?? meta.baseTfr, 2)}
          onChange={set('tfr')}
        />
        <Slider
          name="lifeGain"
          label={t('scenario.lifeGain')}
          hint={t('scenario.lifeGainHint', { base: f.dec(meta.trendLifeGain, 1) })}
          value={lifeGain}
          text={t('scenario.years', { value: f.dec(params.lifeGain ?? meta.trendLifeGain, 2) })}
          onChange={set('lifeGain')}
        />
        <Slider
          name="migration"
          label={t('scenario.migration')}
          hint={t('scenario.migrationHint')}
          value={params.migration}
          text={f.pct(params.migration, 0)}
          onChange={set('migration')}
        />
        <Switch
          label={t('scenario.alignSsb')}
          checked={params.alignSsb}
          onChange={(e) => onChange({ ...params, alignSsb: e.target.checked })}
        />
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('scenario.careLegend')}</Fieldset.Legend>
        <Slider
          name="coverageTrend"
          label={t('scenario.coverage')}
          hint={t('scenario.coverageHint')}
          value={params.coverageTrend}
          text={f.change(params.coverageTrend, 2)}
          onChange={set('coverageTrend')}
        />
        <Slider
          name="productivity"
          label={t('scenario.productivity')}
          hint={t('scenario.productivityHint')}
          value={params.productivity}
          text={f.pct(params.productivity, 2)}
          onChange={set('productivity')}
        />
        <Slider
          name="employmentRate"
          label={t('scenario.employment')}
          hint={t('scenario.employmentHint')}
          value={params.employmentRate}
          text={f.pct(params.employmentRate, 0)}
          onChange={set('employmentRate')}
        />
        <Slider
          name="threshold"
          label={t('care.threshold')}
          hint={t('scenario.thresholdHint')}
          value={params.threshold}
          text={f.pct(params.threshold, 1)}
          onChange={set('threshold')}
        />
      </Fieldset>
    </>
  );
}
