/**
 * The process seen from the map editor (mounted with one line in the map's side panel):
 * for the selected element, its evidence, the innovation areas and the projects that address
 * it; and a link that makes an innovation area from the selected elements. The cards' own
 * evidence badges are the canvas's (map/useEvidenceCounts.ts).
 */
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { mapContext, readWorkspace, traceElement, workspaceDocumentName } from '@helhet/model';
import type * as Y from 'yjs';
import { api } from '../../api/client.ts';
import { useAsync } from '../../api/useAsync.ts';
import { AppLink } from '../../app/AppLink.tsx';
import { parseRoute, usePathname } from '../../app/router.ts';
import { useSharedDocument } from '../../collab/documentRegistry.ts';
import { useMapEditor } from '../../map/MapContext.ts';
import { selectionQuery } from '../../core/innovation/prefill.ts';
import { registerProcessCoreTexts } from '../i18n/core.ts';
import { processPath } from '../../core/process/paths.ts';
import { useDocValue } from '../useWorkspaceProcess.ts';

/** Process information for the map page; renders nothing outside a workspace. */
export function ProcessInMap() {
  registerProcessCoreTexts();
  const route = parseRoute(usePathname());
  const mapId = route.page === 'map' ? route.mapId : '';
  const { state } = useAsync(() => (mapId ? api.getMap(mapId) : Promise.resolve(null)), [mapId]);
  if (state.status !== 'ready' || !state.value) return null;
  return <ProcessInMapView mapId={mapId} workspaceId={state.value.workspaceId} />;
}

const readContent = (doc: Y.Doc) => readWorkspace(doc).content;

function ProcessInMapView({ mapId, workspaceId }: { mapId: string; workspaceId: string }) {
  const collab = useSharedDocument(workspaceDocumentName(workspaceId));
  if (!collab?.synced) return null;
  return <Panel doc={collab.doc} mapId={mapId} workspaceId={workspaceId} />;
}

function Panel({ doc, mapId, workspaceId }: { doc: Y.Doc; mapId: string; workspaceId: string }) {
  const { t } = useTranslation('process');
  const { snapshot, selection } = useMapEditor();
  const content = useDocValue(doc, readContent);
  const selected = selection.elements.length === 1 ? selection.elements[0]! : null;
  const trace = selected
    ? traceElement(content, [mapContext(mapId, snapshot)], mapId, selected)
    : null;
  return (
    <section className="stack" aria-labelledby="process-in-map" data-testid="process-in-map">
      <Heading id="process-in-map" level={2} data-size="2xs">
        {t('inMap.title')}
      </Heading>
      {trace && (
        <>
          <Paragraph data-size="sm" data-testid="element-evidence">
            {trace.insights.length === 0
              ? t('inMap.noEvidence')
              : t('inMap.evidence', {
                  count: trace.insights.length,
                  titles: trace.insights.map((i) => i.title).join(', '),
                })}
          </Paragraph>
          <Paragraph data-size="sm" data-testid="element-projects">
            {trace.projects.length === 0
              ? t('inMap.noProjects')
              : t('inMap.projects', { names: trace.projects.map((p) => p.name).join(', ') })}
          </Paragraph>
          {trace.innovationAreas.length > 0 && (
            <Paragraph data-size="sm">
              {t('inMap.areas', { names: trace.innovationAreas.map((a) => a.title).join(', ') })}
            </Paragraph>
          )}
        </>
      )}
      {selection.elements.length > 0 && (
        <Paragraph data-size="sm">
          <AppLink
            to={`${processPath(workspaceId, 'innovation')}${selectionQuery({ mapId, elementIds: selection.elements, loopIds: [] })}`}
          >
            {t('inMap.makeArea', { count: selection.elements.length })}
          </AppLink>
        </Paragraph>
      )}
      <Paragraph data-size="sm">
        <AppLink to={processPath(workspaceId)}>{t('inMap.toProcess')}</AppLink>
      </Paragraph>
    </section>
  );
}
