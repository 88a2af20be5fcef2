/**
 * The dock beside the map's side panel: feedback loops, analysis and interchange as three
 * tabs over one shared state (the loop search runs in a worker whether or not the dock is
 * open, so loop counts and metrics are ready when it opens). Collapsible, so the canvas can
 * have the room back.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { compareNames } from '@helhet/model';
import { useTranslation } from 'react-i18next';
import { Button, Tabs } from '@digdir/designsystemet-react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { downstream } from '@helhet/model';
import { useMapEditor } from '../MapContext.ts';
import { useAfterFirstPaint } from '../../app/useAfterFirstPaint.ts';
import './i18n.ts';
import './analysis.css';
import { ANALYSIS_NS } from './i18n.ts';
import { AnalysisContext, type AnalysisState, type NamedEmphasis } from './AnalysisContext.ts';
import { graphOf, mapStructure } from '../../core/map/analysis/graph-input.ts';
import { insetsBesideCorner, viewportForElements } from '../../core/map/analysis/fit-elements.ts';
import { DEFAULT_BUDGETS, useLoopSearch, type LoopBudgetsInput } from './useLoopSearch.ts';
import { CanvasEmphasis } from './CanvasEmphasis.tsx';
import type { Emphasis, PaintGroup } from '../../core/map/analysis/emphasis-css.ts';
import { LoopPanel } from './LoopPanel.tsx';
import { AnalysisPanel } from './AnalysisPanel.tsx';
import { Legend } from './Legend.tsx';
import { SignalPanel, type SignalRequest } from './SignalPanel.tsx';
import { InterchangePanel } from '../interchange/InterchangePanel.tsx';
import { ViewsPanel } from '../views/ViewsPanel.tsx';
import { useLiveTour } from '../views/useLiveTour.ts';
import { viewEmphasis } from '../../core/map/views/view-match.ts';
import { VIEWS_NS } from '../views/i18n.ts';

const STORAGE_KEY = 'helhet.analysisDock';
/** Below this viewport width the dock starts closed, so the canvas keeps its room. */
const WIDE_VIEWPORT = 1600;

/** Whether the dock starts open: the person's last choice on this device, else wide screens only. */
function initiallyOpen(): boolean {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'open' || stored === 'closed') return stored === 'open';
  } catch {
    // Storage unavailable (private mode): fall back to the screen width.
  }
  return window.innerWidth >= WIDE_VIEWPORT;
}

function rememberOpen(open: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, open ? 'open' : 'closed');
  } catch {
    // The choice lasts for this page only.
  }
}

const NO_GROUPS: readonly PaintGroup[] = [];

/** Props of {@link AnalysisDock}. */
export interface AnalysisDockProps {
  /** Workspace of the map, for "import as a new map"; null while unknown. */
  workspaceId: string | null;
  /**
   * Told the emphasis and colouring whenever they change, for what the stylesheet cannot
   * reach: links and overview rectangles drawn on a big map's canvas.
   */
  onCanvasEmphasis?: (emphasis: Emphasis | null, groups: readonly PaintGroup[]) => void;
}

/** Loop, analysis and interchange panels beside the map. */
export function AnalysisDock({ workspaceId, onCanvasEmphasis }: AnalysisDockProps) {
  const { t } = useTranslation(ANALYSIS_NS);
  const { t: tv } = useTranslation(VIEWS_NS);
  const { snapshot: live } = useMapEditor();
  // The analyses of the whole map (structure, graph, loop search) start once the canvas is
  // on screen: on a big map they would otherwise delay its first frame.
  const painted = useAfterFirstPaint();
  const snapshot = useMemo(
    () => (painted ? live : { ...live, elements: [], links: [], loops: [] }),
    [painted, live],
  );
  const [open, setOpenState] = useState(initiallyOpen);
  const [tab, setTab] = useState('loops');
  const [budgets, setBudgets] = useState<LoopBudgetsInput>(DEFAULT_BUDGETS);
  const [pinned, setPinned] = useState<NamedEmphasis | null>(null);
  const [hovered, setHovered] = useState<NamedEmphasis | null>(null);
  const [paint, setPaint] = useState<AnalysisState['paint']>(null);
  const [signal, setSignal] = useState<SignalRequest | null>(null);
  // While the illustration runs, its step is what the canvas shows (over emphasis and colouring).
  const [signalView, setSignalView] = useState<{
    emphasis: Emphasis;
    groups: PaintGroup[];
  } | null>(null);

  const setOpen = (next: boolean) => {
    setOpenState(next);
    rememberOpen(next);
    if (!next) {
      // A hidden panel leaves the map as it is normally drawn.
      setPinned(null);
      setHovered(null);
      setPaint(null);
      setSignal(null);
    }
  };

  // "Vis i kartet" brings the shown elements into view as well as fading the rest: on a map
  // larger than the screen, fading alone leaves the loop somewhere off-screen.
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  // Read at click time, so `showInMap` (and the shared state) stays the same while dragging.
  const liveElements = useRef(live.elements);
  useEffect(() => {
    liveElements.current = live.elements;
  }, [live.elements]);
  const fitTo = useCallback(
    (ids: ReadonlySet<string>) => {
      const { width, height, minZoom, domNode } = flowStore.getState();
      const elements = liveElements.current.filter((e) => ids.has(e.id));
      // The minimap sits over the canvas's bottom-right corner: keep the loop out from under it.
      const minimap = domNode?.querySelector('.canvas-minimap')?.getBoundingClientRect();
      const frame = domNode?.getBoundingClientRect();
      const pane = { width, height };
      const insets =
        minimap?.width && frame
          ? insetsBesideCorner(pane, {
              width: frame.right - minimap.left,
              height: frame.bottom - minimap.top,
            })
          : undefined;
      const viewport = viewportForElements(elements, pane, { minZoom, insets });
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      if (viewport) void flow.setViewport(viewport, { duration: still ? 0 : 300 });
    },
    [flow, flowStore],
  );
  const showInMap = useCallback(
    (emphasis: NamedEmphasis | null) => {
      setPinned(emphasis);
      if (emphasis) fitTo(emphasis.elements);
    },
    [fitTo],
  );

  const fresh = mapStructure(snapshot);
  // Keep the same structure object while the key is unchanged, so memoised work is reused.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const structure = useMemo(() => fresh, [fresh.key]);
  const graph = useMemo(() => graphOf(structure), [structure]);
  const search = useLoopSearch(structure, budgets);
  // Labels change far less often than the snapshot (every drag frame makes a new one): keyed
  // on the labels themselves, `labelOf` stays the same object and memoised rows skip renders.
  const labelKey = snapshot.elements.map((e) => `${e.id}\u0000${e.label}`).join('\u0001');
  const labels = useMemo(
    () => new Map(snapshot.elements.map((e) => [e.id, e.label])),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [labelKey],
  );
  const labelOf = useCallback((id: string) => labels.get(id) ?? id, [labels]);
  const elementOptions = useMemo(
    () =>
      [...labels]
        .map(([id, label]) => ({ id, label }))
        .sort((a, b) => compareNames(a.label, b.label)),
    [labels],
  );

  // Closing the illustration gives focus back to the button that opened it.
  const signalOpener = useRef<HTMLElement | null>(null);
  const startSignal = useCallback(
    (request: SignalRequest) => {
      const active = document.activeElement;
      signalOpener.current = active instanceof HTMLElement ? active : null;
      setHovered(null);
      setSignal(request);
      // The whole way the signal can go in view, so the badges can be read.
      fitTo(
        new Set(
          request.kind === 'loop'
            ? request.elements
            : graph.elementIndex.has(request.elementId)
              ? [request.elementId, ...downstream(graph, request.elementId).keys()]
              : [],
        ),
      );
    },
    [fitTo, graph],
  );
  const closeSignal = useCallback(() => {
    setSignal(null);
    const opener = signalOpener.current;
    if (opener?.isConnected) requestAnimationFrame(() => opener.focus());
  }, []);

  const state = useMemo<AnalysisState>(
    () => ({
      structure,
      graph,
      search,
      budgets,
      setBudgets,
      pinned,
      setPinned,
      showInMap,
      setHovered,
      paint,
      setPaint,
      labelOf,
      elementOptions,
      startSignal,
    }),
    [
      structure,
      graph,
      search,
      budgets,
      pinned,
      showInMap,
      paint,
      labelOf,
      elementOptions,
      startSignal,
    ],
  );
  // A presentation step (one's own or the presenter's) fades the map as its view does.
  const tourView = useLiveTour()?.tourStep?.view ?? null;
  const tourEmphasis = useMemo(() => {
    if (!tourView) return null;
    const found = viewEmphasis(tourView, live, graph);
    return found ? { key: `view:${tourView.id}`, ...found } : null;
  }, [tourView, live, graph]);
  // The signal illustration, then a presentation step, then hover or pin decide what stays.
  const emphasis = signalView?.emphasis ?? (tourView ? tourEmphasis : (hovered ?? pinned));
  const groups = signalView?.groups ?? paint?.groups ?? NO_GROUPS;
  useEffect(() => {
    onCanvasEmphasis?.(emphasis, groups);
  }, [emphasis, groups, onCanvasEmphasis]);

  return (
    <AnalysisContext.Provider value={state}>
      <CanvasEmphasis emphasis={emphasis} groups={groups} />
      <aside
        className={open ? 'analysis-dock' : 'analysis-dock analysis-dock--closed'}
        aria-label={t('dock.label')}
      >
        <Button
          variant="tertiary"
          data-size="sm"
          aria-expanded={open}
          aria-controls="analysis-dock-body"
          onClick={() => setOpen(!open)}
          className="analysis-dock__toggle"
        >
          {open ? t('dock.hide') : t('dock.show')}
        </Button>
        {open && paint && !signal && (
          <Legend legend={paint.legend} onClear={() => setPaint(null)} />
        )}
        <div id="analysis-dock-body" hidden={!open} className="analysis-dock__body">
          {signal && (
            <SignalPanel
              key={signal.kind === 'loop' ? signal.linkIds.join('>') : signal.elementId}
              request={signal}
              onShow={setSignalView}
              onClose={closeSignal}
            />
          )}
          <Tabs value={tab} onChange={setTab} data-size="sm">
            <Tabs.List>
              <Tabs.Tab value="loops">{t('dock.loops')}</Tabs.Tab>
              <Tabs.Tab value="analysis">{t('dock.analysis')}</Tabs.Tab>
              <Tabs.Tab value="interchange">{t('dock.interchange')}</Tabs.Tab>
              <Tabs.Tab value="views">{tv('tab')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="loops">{tab === 'loops' && <LoopPanel />}</Tabs.Panel>
            <Tabs.Panel value="analysis">{tab === 'analysis' && <AnalysisPanel />}</Tabs.Panel>
            <Tabs.Panel value="views">{tab === 'views' && <ViewsPanel />}</Tabs.Panel>
            <Tabs.Panel value="interchange">
              {tab === 'interchange' && (
                <InterchangePanel workspaceId={workspaceId} emphasis={emphasis} />
              )}
            </Tabs.Panel>
          </Tabs>
        </div>
      </aside>
    </AnalysisContext.Provider>
  );
}
