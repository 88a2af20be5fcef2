/**
 * Edits the life-line axis: its label and segments (age range, scale, label). Segments are
 * contiguous, so each one starts where the previous ends; the draft is validated with the
 * model's `LifeLineAxis` schema and every problem is listed with its path.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, List, Table, Textfield } from '@digdir/designsystemet-react';
import { LifeLineAxis, setAxis, validate, type InputProblem } from '@helhet/model';
import { useMapEditor } from './MapContext.ts';

interface SegmentDraft {
  toAge: string;
  unitsPerYear: string;
  label: string;
}

/** Axis editor. */
export function AxisEditor() {
  const { t } = useTranslation();
  const { doc, origin, snapshot, announce } = useMapEditor();
  const axis = snapshot.axis;
  const fromAxis = () => ({
    label: axis.label,
    start: String(axis.segments[0]?.fromAge ?? 0),
    segments: axis.segments.map<SegmentDraft>((s) => ({
      toAge: String(s.toAge),
      unitsPerYear: String(s.unitsPerYear),
      label: s.label,
    })),
  });
  const [draft, setDraft] = useState(fromAxis);
  const [problems, setProblems] = useState<InputProblem[]>([]);
  const axisKey = JSON.stringify(axis);
  // Follow remote changes of the axis (a fresh draft each time the stored axis changes).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setDraft(fromAxis()), [axisKey]);

  const setSegment = (i: number, patch: Partial<SegmentDraft>) =>
    setDraft((d) => ({
      ...d,
      segments: d.segments.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let from = Number(draft.start);
    const segments = draft.segments.map((s) => {
      const segment = {
        fromAge: from,
        toAge: Number(s.toAge),
        unitsPerYear: Number(s.unitsPerYear),
        label: s.label,
      };
      from = segment.toAge;
      return segment;
    });
    const result = validate(LifeLineAxis, { label: draft.label, originX: axis.originX, segments });
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    setAxis(doc, result.value, origin);
    announce(t('axis.saved'));
  };

  return (
    <section aria-labelledby="axis-heading">
      <form className="stack" onSubmit={submit} noValidate>
        <Heading id="axis-heading" level={3} data-size="xs">
          {t('axis.title')}
        </Heading>
        <Textfield
          label={t('axis.label')}
          data-size="sm"
          value={draft.label}
          maxLength={80}
          onChange={(e) => setDraft({ ...draft, label: e.target.value })}
        />
        <Table border data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('axis.from')}</Table.HeaderCell>
              <Table.HeaderCell>{t('axis.to')}</Table.HeaderCell>
              <Table.HeaderCell>{t('axis.scale')}</Table.HeaderCell>
              <Table.HeaderCell>{t('axis.segmentLabel')}</Table.HeaderCell>
              <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {draft.segments.map((s, i) => {
              const n = i + 1;
              const fromText = i === 0 ? draft.start : draft.segments[i - 1]!.toAge;
              return (
                <Table.Row key={i}>
                  <Table.Cell>{fromText}</Table.Cell>
                  <Table.Cell>
                    <Textfield
                      aria-label={t('axis.toOf', { n })}
                      data-size="sm"
                      inputMode="decimal"
                      value={s.toAge}
                      onChange={(e) => setSegment(i, { toAge: e.target.value })}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Textfield
                      aria-label={t('axis.scaleOf', { n })}
                      data-size="sm"
                      inputMode="decimal"
                      value={s.unitsPerYear}
                      onChange={(e) => setSegment(i, { unitsPerYear: e.target.value })}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Textfield
                      aria-label={t('axis.labelOf', { n })}
                      data-size="sm"
                      value={s.label}
                      maxLength={80}
                      onChange={(e) => setSegment(i, { label: e.target.value })}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-color="danger"
                      data-size="sm"
                      disabled={draft.segments.length === 1}
                      aria-label={t('axis.removeOf', { n })}
                      onClick={() =>
                        setDraft((d) => ({ ...d, segments: d.segments.filter((_, j) => j !== i) }))
                      }
                    >
                      {t('common.delete')}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
        {problems.length > 0 && (
          <Alert data-color="danger">
            <List.Unordered>
              {problems.map((p, i) => (
                <List.Item key={i}>
                  <code>{p.path}</code>: {p.message}
                </List.Item>
              ))}
            </List.Unordered>
          </Alert>
        )}
        <div className="row-actions">
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() =>
              setDraft((d) => ({
                ...d,
                segments: [...d.segments, { toAge: '100', unitsPerYear: '20', label: '' }],
              }))
            }
          >
            {t('axis.addSegment')}
          </Button>
          <Button type="submit" data-size="sm">
            {t('axis.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
