/**
 * "See a loop move": nudge an element up or down and step through how the signal travels
 * along the links with their signs, on the canvas (arrow badges, travelled links, the rest
 * faded, all through the one emphasis stylesheet) and in words (one live sentence per step).
 * Clearly labelled as an illustration: it shows direction, never size or time.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import {
  propagateAlongLoop,
  propagateFromElement,
  type LoopPolarity,
  type Nudge,
  type SignalPropagation,
  type SignalVerdict,
} from '@helhet/model';
import { SelectField } from '../../app/SelectField.tsx';
import { ANALYSIS_NS } from './i18n.ts';
import { useAnalysis } from './AnalysisContext.ts';
import { PolarityBadge, polarityKey } from './PolarityBadge.tsx';
import { signalEmphasis, signalPaint, stepNarrative } from '../../core/map/analysis/signal-view.ts';
import type { Emphasis, PaintGroup } from '../../core/map/analysis/emphasis-css.ts';

/** What to illustrate: one loop (its links in order) or everything downstream of an element. */
export type SignalRequest =
  | { kind: 'loop'; linkIds: readonly string[]; elements: readonly string[] }
  | { kind: 'element'; elementId: string };

/** Time between steps while playing. */
const STEP_MS = 1000;

/** Props of {@link SignalPanel}. */
export interface SignalPanelProps {
  request: SignalRequest;
  /** Told what the canvas should show at the current step. */
  onShow: (view: { emphasis: Emphasis; groups: PaintGroup[] } | null) => void;
  onClose: () => void;
}

/** The loop type a verdict shows, in the loop panel's own badge; none for mixed or no return. */
const VERDICT_POLARITY: Record<SignalVerdict, LoopPolarity | null> = {
  reinforcing: 'R',
  balancing: 'B',
  unknown: '?',
  mixed: null,
  none: null,
};

/** The illustration's panel, at the top of the analysis dock while it runs. */
export function SignalPanel({ request, onShow, onClose }: SignalPanelProps) {
  const { t } = useTranslation(ANALYSIS_NS);
  const { graph, labelOf } = useAnalysis();
  const [nudge, setNudge] = useState<Nudge>('up');
  const [startId, setStartId] = useState(
    request.kind === 'loop' ? request.elements[0]! : request.elementId,
  );
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const propagation = useMemo<SignalPropagation | null>(() => {
    try {
      return request.kind === 'loop'
        ? propagateAlongLoop(graph, request.linkIds, startId, nudge)
        : propagateFromElement(graph, startId, nudge);
    } catch {
      // The loop lost a link or the element was deleted while the illustration was open.
      return null;
    }
  }, [graph, request, startId, nudge]);
  const last = propagation ? propagation.steps.length - 1 : 0;
  const at = Math.min(step, last);

  useEffect(() => heading.current?.focus(), [request]);
  useEffect(() => {
    onShow(
      propagation
        ? {
            emphasis: signalEmphasis(propagation, at),
            groups: signalPaint(propagation, at, t),
          }
        : null,
    );
  }, [propagation, at, t, onShow]);
  useEffect(() => () => onShow(null), [onShow]);

  // Playing takes one step a second and stops at the end. Each step is drawn at once, never
  // animated, so it suits a person who asks for reduced motion too: nothing moves but the
  // badges and highlights from one step to the next.
  useEffect(() => {
    if (!playing) return;
    if (at >= last) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setStep(at + 1), STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, at, last]);

  const go = (next: number) => {
    setPlaying(false);
    setStep(Math.max(0, Math.min(last, next)));
  };
  const restart = (change: () => void) => {
    change();
    setPlaying(false);
    setStep(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Radios and selects use the arrow keys themselves.
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT' || target.tagName === 'SELECT') {
      if (event.key === 'Escape') onClose();
      return;
    }
    const actions: Record<string, () => void> = {
      ArrowRight: () => go(at + 1),
      ArrowDown: () => go(at + 1),
      ArrowLeft: () => go(at - 1),
      ArrowUp: () => go(at - 1),
      Home: () => go(0),
      End: () => go(last),
      Escape: onClose,
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const startLabel = labelOf(startId);
  const title =
    request.kind === 'loop'
      ? t('signal.titleLoop')
      : t('signal.titleElement', { label: startLabel });
  const told = propagation
    ? Array.from({ length: at + 1 }, (_, i) => stepNarrative(propagation, i, labelOf, t))
    : [];
  const verdictPolarity = propagation && at === last ? VERDICT_POLARITY[propagation.verdict] : null;

  return (
    <section
      className="signal-panel stack"
      aria-labelledby="signal-title"
      data-testid="signal-panel"
      onKeyDown={onKeyDown}
    >
      <Heading id="signal-title" level={2} data-size="xs" tabIndex={-1} ref={heading}>
        {title}
      </Heading>
      <p className="signal-panel__illustration" data-testid="signal-illustration-note">
        {t('signal.illustration')}
      </p>
      <Fieldset data-size="sm">
        <Fieldset.Legend>{t('signal.nudge', { label: startLabel })}</Fieldset.Legend>
        <div className="signal-panel__nudge">
          {(['up', 'down'] as const).map((n) => (
            <Radio
              key={n}
              name="signal-nudge"
              value={n}
              label={t(`signal.${n}`)}
              checked={nudge === n}
              onChange={() => restart(() => setNudge(n))}
            />
          ))}
        </div>
      </Fieldset>
      {request.kind === 'loop' && (
        <SelectField
          size="sm"
          label={t('signal.startAt')}
          value={startId}
          options={request.elements.map((id) => ({ value: id, label: labelOf(id) }))}
          onChange={(id) => restart(() => setStartId(id))}
        />
      )}
      {propagation ? (
        <>
          {/* aria-disabled, not disabled: a disabled button drops the keyboard focus at the
              end of the loop, and the arrow keys would stop working with it. */}
          <div className="signal-panel__controls">
            <Button data-size="sm" aria-disabled={at >= last} onClick={() => go(at + 1)}>
              {t('signal.forward')}
            </Button>
            <Button
              variant="secondary"
              data-size="sm"
              aria-disabled={at === 0}
              onClick={() => go(at - 1)}
            >
              {t('signal.back')}
            </Button>
            <Button
              variant="secondary"
              data-size="sm"
              aria-pressed={playing}
              aria-disabled={at >= last && !playing}
              onClick={() => (playing || at < last) && setPlaying(!playing)}
            >
              {playing ? t('signal.pause') : t('signal.play')}
            </Button>
            <Button
              variant="secondary"
              data-size="sm"
              aria-disabled={at === 0}
              onClick={() => go(0)}
            >
              {t('signal.first')}
            </Button>
          </div>
          <Paragraph data-size="sm" data-testid="signal-progress">
            {t('signal.progress', { step: at, total: last })}
          </Paragraph>
          <p className="signal-panel__current" aria-live="polite" data-testid="signal-narrative">
            {told[at]}
          </p>
          {verdictPolarity && (
            <div className="signal-panel__verdict" data-testid="signal-verdict">
              <PolarityBadge polarity={verdictPolarity} />
              <span aria-hidden="true">{t(`polarity.${polarityKey(verdictPolarity)}`)}</span>
            </div>
          )}
          {at > 0 && (
            <section aria-labelledby="signal-so-far">
              <Heading id="signal-so-far" level={3} data-size="2xs">
                {t('signal.narrative')}
              </Heading>
              <ol className="signal-panel__steps">
                {told.map((text, i) => (
                  <li key={i} aria-current={i === at ? 'step' : undefined}>
                    {text}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </>
      ) : (
        <Alert data-color="warning">{t('signal.broken')}</Alert>
      )}
      <Paragraph data-size="xs">{t('signal.keys')}</Paragraph>
      <Button variant="tertiary" data-size="sm" onClick={onClose}>
        {t('signal.close')}
      </Button>
    </section>
  );
}
