/**
 * Shortest path and all paths (bounded) between two chosen elements, each path listed and
 * shown on the canvas.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { allPaths, shortestPath, type MapPath, type PathsResult } from '@helhet/model';
import { useMapEditor } from '../MapContext.ts';
import { ANALYSIS_NS } from './i18n.ts';
import { useAnalysis } from './AnalysisContext.ts';
import { pathsEmphasis } from '../../core/map/analysis/neighbourhood-emphasis.ts';
import { ElementPicker } from './ElementPicker.tsx';

/** Budgets of "all paths": longest path and most paths. */
export const PATH_BUDGETS = { maxLength: 8, maxPaths: 200 } as const;

/** Path tools. */
export function PathTools() {
  const { t } = useTranslation(ANALYSIS_NS);
  const { selection } = useMapEditor();
  const { graph, pinned, setPinned, labelOf, elementOptions: sorted } = useAnalysis();
  const [from, setFrom] = useState(selection.elements[0] ?? '');
  const [to, setTo] = useState(selection.elements[1] ?? '');
  const [result, setResult] = useState<(PathsResult & { kind: 'shortest' | 'all' }) | null>(null);
  const ready = graph.elementIndex.has(from) && graph.elementIndex.has(to);

  const show = (kind: 'shortest' | 'all') => {
    if (!ready) return;
    const found: PathsResult =
      kind === 'shortest'
        ? (() => {
            const p = shortestPath(graph, from, to);
            return { paths: p ? [p] : [], truncated: false };
          })()
        : allPaths(graph, from, to, PATH_BUDGETS);
    setResult({ ...found, kind });
    setPinned(
      found.paths.length
        ? { key: `paths:${kind}:${from}:${to}`, ...pathsEmphasis(found.paths) }
        : null,
    );
  };
  const pin = (p: MapPath, i: number) => {
    const key = `path:${from}:${to}:${i}`;
    setPinned(pinned?.key === key ? null : { key, ...pathsEmphasis([p]) });
  };

  return (
    <section aria-labelledby="paths-title" className="stack">
      <Heading id="paths-title" level={3} data-size="2xs">
        {t('paths.title')}
      </Heading>
      <ElementPicker
        id="path-from"
        label={t('paths.from')}
        emptyLabel={t('paths.choose')}
        value={from}
        options={sorted}
        onChange={setFrom}
      />
      <ElementPicker
        id="path-to"
        label={t('paths.to')}
        emptyLabel={t('paths.choose')}
        value={to}
        options={sorted}
        onChange={setTo}
      />
      <div className="row-actions">
        <Button
          variant="secondary"
          data-size="sm"
          disabled={!ready}
          onClick={() => show('shortest')}
        >
          {t('paths.shortest')}
        </Button>
        <Button variant="secondary" data-size="sm" disabled={!ready} onClick={() => show('all')}>
          {t('paths.all', { max: PATH_BUDGETS.maxLength })}
        </Button>
      </div>
      {result && (
        <div aria-live="polite">
          {result.paths.length === 0 ? (
            <Paragraph data-size="sm">{t('paths.none')}</Paragraph>
          ) : (
            <>
              <Paragraph data-size="sm">
                {t('paths.found', { count: result.paths.length })}
              </Paragraph>
              {result.truncated && (
                <Alert data-color="warning" data-size="sm">
                  {t('paths.truncated', { count: PATH_BUDGETS.maxPaths })}
                </Alert>
              )}
              <ol className="path-list">
                {result.paths.slice(0, 50).map((p, i) => (
                  <li key={p.links.join('>')}>
                    <button
                      type="button"
                      className="path-list__button"
                      aria-pressed={pinned?.key === `path:${from}:${to}:${i}`}
                      onClick={() => pin(p, i)}
                    >
                      {t('paths.steps', { count: p.links.length })}:{' '}
                      {p.elements.map(labelOf).join(' → ')}
                    </button>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
    </section>
  );
}
