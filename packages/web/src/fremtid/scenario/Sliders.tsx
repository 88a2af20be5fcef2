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
/** The parameters that never follow a trend (their value is never null). */
type PlainKey = Exclude<NumericKey, 'tfr' | 'lifeGain'>;

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
  // A slider whose value is the parameter itself (all but the two that follow the trend).
  const plain = (name: PlainKey, label: string, hint: string, text: string) => (
    <Slider
      name={name}
      label={t(label)}
      hint={t(hint)}
      value={params[name]}
      text={text}
      onChange={set(name)}
    />
  );
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
        {plain(
          'migration',
          'scenario.migration',
          'scenario.migrationHint',
          f.pct(params.migration, 0),
        )}
        <Switch
          label={t('scenario.alignSsb')}
          checked={params.alignSsb}
          onChange={(e) => onChange({ ...params, alignSsb: e.target.checked })}
        />
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('scenario.careLegend')}</Fieldset.Legend>
        {plain(
          'coverageTrend',
          'scenario.coverage',
          'scenario.coverageHint',
          f.change(params.coverageTrend, 2),
        )}
        {plain(
          'productivity',
          'scenario.productivity',
          'scenario.productivityHint',
          f.pct(params.productivity, 2),
        )}
        {plain(
          'employmentRate',
          'scenario.employment',
          'scenario.employmentHint',
          f.pct(params.employmentRate, 0),
        )}
        {plain('threshold', 'care.threshold', 'scenario.thresholdHint', f.pct(params.threshold, 1))}
      </Fieldset>
    </>
  );
}
