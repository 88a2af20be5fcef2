/**
 * The map page: connects to the map's live document, then shows the canvas (with toolbar
 * and side panel) and the outline view as two tabs over the same document.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Paragraph, Spinner, Tabs } from '@digdir/designsystemet-react';
import {
  readWorkspace,
  removeElements,
  removeLinks,
  workspaceDocumentName,
  type DocumentDamage,
} from '@helhet/model';
import { MapHealthNotice } from './MapHealthNotice.tsx';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './map.css';
import { isAccessRefusal, type CollabDoc } from '../collab/connection.ts';
import { useSharedDocument } from '../collab/documentRegistry.ts';
import { publishCursor, usePeers, usePublishUser } from '../collab/presence.ts';
import { useLocalUser } from '../app/user.ts';
import { useWorkspaceRole } from '../auth/useWorkspaceRole.ts';
import { ShareDialog } from '../members/ShareDialog.tsx';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { AppLink } from '../app/AppLink.tsx';
import { workspacePath } from '../app/router.ts';
import { MapEditorContext, type MapEditor, type Selection } from './MapContext.ts';
import { useMapSnapshot } from './useMapSnapshot.ts';
import { isEditingText, useUndo } from './useUndo.ts';
import { MapCanvas } from './MapCanvas.tsx';
import { Toolbar } from './Toolbar.tsx';
import { SidePanel } from './SidePanel.tsx';
import { AnalysisDock } from './analysis/AnalysisDock.tsx';
import { PresenceList } from './PresenceList.tsx';
import { LiveTourContext, useLiveTourState } from './views/useLiveTour.ts';
import { TourOverlay } from './views/TourOverlay.tsx';
import { presentationInLink } from '../core/map/views/presentation-link.ts';
import { roleCanLead } from '@helhet/model';
import { CreateElementDialog } from './CreateElementDialog.tsx';
import { DeleteWarningDialog, type PendingDeletion } from './DeleteWarningDialog.tsx';
import { FullScreenButton } from './FullScreenButton.tsx';
import { useFacilitation } from './facilitation/useFacilitation.ts';
import { FacilitatorDialog } from './facilitation/FacilitatorDialog.tsx';
import { CursorsToggle } from './facilitation/CursorsToggle.tsx';
import { ExerciseTimerDisplay } from './facilitation/ExerciseTimerDisplay.tsx';
import { lockedContent, NOTHING_LOCKED } from '../core/map/facilitation/locked-content.ts';
import { deletionDependents, hasDependents } from '../core/map/delete-dependents.ts';
import { useEvidenceCounts } from './useEvidenceCounts.ts';
import { OutlineView } from '../outline/OutlineView.tsx';
import { usePageTitle } from '../app/usePageTitle.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../core/map/geometry.ts';
import type { Emphasis, PaintGroup } from '../core/map/analysis/emphasis-css.ts';

const EMPTY_SELECTION: Selection = { elements: [], links: [] };
const NO_EMPHASIS = { emphasis: null, groups: [] };

/** Route component for `/maps/:id`. */
export default function MapPage({ mapId }: { mapId: string }) {
  const { t } = useTranslation();
  const collab = useSharedDocument(mapId);
  const { state: record } = useAsync(() => api.getMap(mapId), [mapId]);

  if (record.status === 'error')
    return (
      <section className="page">
        <Alert data-color="danger">{t('map.loadFailed', { message: record.error.message })}</Alert>
      </section>
    );
  if (collab?.failed)
    return (
      <section className="page">
        <Alert data-color="danger" data-testid="map-refused">
          {isAccessRefusal(collab.failed)
            ? t('map.noAccess')
            : t('map.refused', { reason: collab.failed })}
        </Alert>
      </section>
    );
  if (!collab || !collab.synced)
    return (
      <section className="page">
        <Spinner aria-label={t('map.connecting')} />
        <Paragraph>{t('map.connecting')}</Paragraph>
      </section>
    );
  return (
    <ReactFlowProvider>
      <MapEditorView
        mapId={mapId}
        collab={collab}
        workspaceId={record.status === 'ready' ? record.value.workspaceId : null}
        damage={record.status === 'ready' ? record.value.damage : undefined}
      />
    </ReactFlowProvider>
  );
}

function MapEditorView({
  mapId,
  collab,
  workspaceId,
  damage,
}: {
  mapId: string;
  collab: CollabDoc;
  workspaceId: string | null;
  damage: DocumentDamage | undefined;
}) {
  const { t } = useTranslation();
  const { doc, provider } = collab;
  const origin = useMemo(() => ({ editor: 'local' }), []);
  const snapshot = useMapSnapshot(doc);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [liveMessage, setLiveMessage] = useState('');
  const [tab, setTab] = useState('canvas');
  const [createAt, setCreateAt] = useState<{ x: number; y: number } | null>(null);
  const [canvasEmphasis, setCanvasEmphasis] = useState<{
    emphasis: Emphasis | null;
    groups: readonly PaintGroup[];
  }>(NO_EMPHASIS);
  const onCanvasEmphasis = useCallback(
    (emphasis: Emphasis | null, groups: readonly PaintGroup[]) =>
      setCanvasEmphasis({ emphasis, groups }),
    [],
  );
  const undo = useUndo(doc, origin);
  const me = useLocalUser();
  const peers = usePeers(provider);
  usePublishUser(provider, me);
  const flow = useReactFlow();
  const access = useWorkspaceRole(workspaceId);
  // The live connection's scope is the server's own word on it; the role hides what it
  // would refuse before the connection has said.
  const facilitation = useFacilitation(doc);
  // A facilitator's lock binds everyone below facilitator; the server refuses their changes.
  const lockedForMe = facilitation.mapLock !== null && !access.can.facilitate;
  const canEdit = access.can.edit && collab.scope !== 'readonly' && !lockedForMe;
  const locked = useMemo(
    () => (access.can.facilitate ? NOTHING_LOCKED : lockedContent(snapshot, facilitation)),
    [access.can.facilitate, snapshot, facilitation],
  );
  const tour = useLiveTourState({
    provider,
    peers,
    snapshot,
    canLead: access.role !== null && roleCanLead(access.role),
  });
  // A presentation's link (`?presentation=`) opens it once its map has it.
  const linked = useMemo(() => presentationInLink(window.location.search), []);
  const openedLink = useRef(false);
  const { present } = tour;
  useEffect(() => {
    if (openedLink.current || !linked) return;
    if (!snapshot.presentations.some((p) => p.id === linked && p.steps.length > 0)) return;
    openedLink.current = true;
    present(linked, false);
  }, [linked, snapshot.presentations, present]);

  // The workspace's process refers to the map's elements (evidence, innovation areas): it is
  // read for the cards' evidence badges and when someone deletes, to say what depends on
  // what goes. The process panel beside the
  // map holds the same shared connection.
  const workspace = useSharedDocument(workspaceId ? workspaceDocumentName(workspaceId) : null);
  const workspaceDoc = workspace?.synced ? workspace.doc : null;
  const evidence = useEvidenceCounts(workspaceDoc, mapId);
  const [pendingDelete, setPendingDelete] = useState<{
    target: Selection;
    shown: PendingDeletion;
  } | null>(null);
  const deleteNow = useCallback(
    (target: Selection) => {
      doc.transact(() => {
        removeLinks(doc, target.links, origin);
        removeElements(doc, target.elements, origin);
      }, origin);
      const gone = new Set([...target.elements, ...target.links]);
      setSelection((s) => ({
        elements: s.elements.filter((id) => !gone.has(id)),
        links: s.links.filter((id) => !gone.has(id)),
      }));
      setLiveMessage(t('map.deleted', { count: gone.size }));
    },
    [doc, origin, t],
  );
  const requestDelete = useCallback(
    (asked: Selection) => {
      // What a field lock binds stays (the server would refuse the whole change).
      const target = {
        elements: asked.elements.filter((id) => !locked.elements.has(id)),
        links: asked.links.filter((id) => !locked.links.has(id)),
      };
      if (target.elements.length + target.links.length < asked.elements.length + asked.links.length)
        setLiveMessage(t('facilitation.lock.notDeleted'));
      if (target.elements.length + target.links.length === 0) return;
      const content = workspaceDoc ? readWorkspace(workspaceDoc).content : null;
      const dependents = deletionDependents(
        snapshot,
        content,
        mapId,
        target.elements,
        target.links,
      );
      if (!hasDependents(dependents)) return deleteNow(target);
      // The canvas sends an element's links along with it; they are not counted apart.
      const elements = new Set(target.elements);
      const links = new Map(snapshot.links.map((l) => [l.id, l]));
      const ownLinks = target.links.filter((id) => {
        const l = links.get(id);
        return !l || !(elements.has(l.from) || elements.has(l.to));
      });
      const only = target.elements.length === 1 && ownLinks.length === 0;
      const onlyLink =
        target.elements.length === 0 && ownLinks.length === 1 ? links.get(ownLinks[0]!) : undefined;
      const labelOf = (id: string) => snapshot.elements.find((e) => e.id === id)?.label ?? '';
      setPendingDelete({
        target,
        shown: {
          count: target.elements.length + ownLinks.length,
          elements: target.elements.length,
          label: only
            ? (snapshot.elements.find((e) => e.id === target.elements[0])?.label ?? null)
            : null,
          link: onlyLink ? { from: labelOf(onlyLink.from), to: labelOf(onlyLink.to) } : null,
          dependents,
        },
      });
    },
    [workspaceDoc, snapshot, mapId, deleteNow, locked, t],
  );

  const editor = useMemo<MapEditor>(
    () => ({
      doc,
      origin,
      snapshot,
      selection,
      select: setSelection,
      announce: setLiveMessage,
      canEdit,
      locked,
      requestDelete,
    }),
    [doc, origin, snapshot, selection, canEdit, locked, requestDelete],
  );

  usePageTitle(snapshot.meta.title);

  // Ctrl/Cmd+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, except while typing in a field, where the
  // field's own undo applies.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!canEdit || !(event.ctrlKey || event.metaKey) || isEditingText(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') undo.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, canEdit]);

  const onPointer = useCallback(
    (p: { x: number; y: number } | null) => publishCursor(provider, p),
    [provider],
  );
  const onNewElement = useCallback(() => {
    const pane = document.querySelector('.map-canvas')?.getBoundingClientRect();
    const center = pane
      ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    setCreateAt({ x: center.x - NODE_WIDTH / 2, y: center.y - NODE_HEIGHT / 2 });
  }, [flow]);

  return (
    <MapEditorContext.Provider value={editor}>
      <LiveTourContext.Provider value={tour}>
        {/* A class, not `:has(.tour-bar--presenting)`: a :has() rule on the page makes every
            DOM change under it (a node entering the view while panning) restyle the page. */}
        <div
          className={
            tour.presenting && tour.tourStep ? 'map-page map-page--presenting' : 'map-page'
          }
        >
          <div className="map-page__head">
            <div>
              {workspaceId && (
                <nav aria-label={t('common.breadcrumbs')} className="map-page__crumbs">
                  <AppLink to={workspacePath(workspaceId)}>{t('map.backToWorkspace')}</AppLink>
                </nav>
              )}
              <Heading level={1} data-size="sm">
                {snapshot.meta.title}
              </Heading>
              {snapshot.meta.example && <Paragraph data-size="xs">{t('map.exampleMap')}</Paragraph>}
            </div>
            <p className={`conn conn--${collab.status}`}>{t(`connection.${collab.status}`)}</p>
            {workspaceId && access.can.share && <ShareDialog workspaceId={workspaceId} />}
            <PresenceList
              me={me}
              peers={peers}
              followed={tour.followed?.clientId ?? null}
              onFollow={tour.follow}
            />
          </div>
          {facilitation.mapLock && (
            <Alert
              data-color="warning"
              data-size="sm"
              className="lock-notice"
              data-testid="map-locked"
            >
              {t(
                access.can.facilitate
                  ? 'facilitation.lock.bannerFacilitator'
                  : 'facilitation.lock.banner',
                {
                  name: facilitation.mapLock.by,
                },
              )}
            </Alert>
          )}
          {!canEdit && !lockedForMe && (
            <Alert
              data-color="info"
              data-size="sm"
              className="read-only-notice"
              data-testid="read-only"
            >
              {access.role
                ? t('readOnly.map', { role: t(`roles.${access.role}`).toLowerCase() })
                : t('readOnly.mapNoRole')}
            </Alert>
          )}
          <MapHealthNotice damage={damage} invalid={snapshot.invalid} />
          <div role="status" aria-live="polite" className="visually-hidden" data-testid="live">
            {liveMessage}
          </div>
          <Tabs value={tab} onChange={setTab} data-size="sm" className="map-page__tabs">
            <Tabs.List className="map-page__tablist">
              <Tabs.Tab value="canvas">{t('tabs.canvas')}</Tabs.Tab>
              <Tabs.Tab value="outline">{t('tabs.outline')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="canvas" className="map-page__panel">
              <div className="map-page__toolbar-row">
                <Toolbar undo={undo} onNewElement={onNewElement} canEdit={canEdit} mapId={mapId} />
                {access.can.facilitate && collab.scope !== 'readonly' && (
                  <FacilitatorDialog state={facilitation} />
                )}
                <CursorsToggle />
                <FullScreenButton />
              </div>
              <div className="map-page__work">
                <section className="map-page__canvas" aria-label={t('map.canvasLabel')}>
                  <ExerciseTimerDisplay timer={facilitation.timer} />
                  <MapCanvas
                    mapId={mapId}
                    peers={peers}
                    onCreateAt={setCreateAt}
                    onPointer={onPointer}
                    emphasis={canvasEmphasis.emphasis}
                    groups={canvasEmphasis.groups}
                    evidence={evidence}
                  />
                  <TourOverlay />
                </section>
                <SidePanel />
                <AnalysisDock workspaceId={workspaceId} onCanvasEmphasis={onCanvasEmphasis} />
              </div>
            </Tabs.Panel>
            <Tabs.Panel value="outline" className="map-page__panel map-page__panel--outline">
              {tab === 'outline' && (
                // A disabled fieldset disables every control of the outline's tables at once.
                <fieldset disabled={!canEdit} className="plain-fieldset">
                  <OutlineView />
                </fieldset>
              )}
            </Tabs.Panel>
          </Tabs>
          {canEdit && <CreateElementDialog at={createAt} onClose={() => setCreateAt(null)} />}
          {canEdit && (
            <DeleteWarningDialog
              pending={pendingDelete?.shown ?? null}
              onCancel={() => setPendingDelete(null)}
              onConfirm={() => {
                if (pendingDelete) deleteNow(pendingDelete.target);
                setPendingDelete(null);
              }}
            />
          )}
        </div>
      </LiveTourContext.Provider>
    </MapEditorContext.Provider>
  );
}
