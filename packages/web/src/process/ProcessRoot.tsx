/**
 * The process of a workspace (steps one and three of the method, around the map), loaded
 * lazily by the app shell for every path under `/workspaces/:id/process`: opens the
 * workspace's live process document and its maps, and shows the home or a section.
 */
import { lazy, Suspense, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Spinner } from '@digdir/designsystemet-react';
import { workspaceDocumentName } from '@helhet/model';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ActionFeedback } from '../app/ActionFeedback.tsx';
import { AppLink } from '../app/AppLink.tsx';
import { useActionRunner } from '../app/useActionRunner.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { workspacePath } from '../app/router.ts';
import { useSharedDocument } from '../collab/documentRegistry.ts';
import type { CollabDoc } from '../collab/connection.ts';
import { registerProcessTexts } from './i18n/register.ts';
import {
  parseSection,
  processPath,
  PROCESS_SECTIONS,
  type ProcessSection,
} from '../core/process/paths.ts';
import { ProcessStateContext, type ProcessState } from './ProcessContext.ts';
import { useSession } from '../auth/session.ts';
import { useLiveMaps, useWorkspaceContent } from './useWorkspaceProcess.ts';
import { ProcessHome } from './ProcessHome.tsx';
import './process.css';

registerProcessTexts();

const ChallengesPage = lazy(() => import('../challenges/ChallengesPage.tsx'));
const InsightPage = lazy(() => import('../insight/InsightPage.tsx'));
const InnovationPage = lazy(() => import('../innovation/InnovationPage.tsx'));
const PortfolioPage = lazy(() => import('../portfolio/PortfolioPage.tsx'));

/** Route component for `/workspaces/:id/process/...`. */
export default function ProcessRoot({
  workspaceId,
  parts,
}: {
  workspaceId: string;
  parts: string[];
}) {
  const { t } = useTranslation('process');
  const collab = useSharedDocument(workspaceDocumentName(workspaceId));
  const { state } = useAsync(
    () => Promise.all([api.getWorkspace(workspaceId), api.listMaps(workspaceId)]),
    [workspaceId],
  );
  if (state.status === 'error')
    return (
      <section className="page">
        <Alert data-color="danger">{t('loadFailed', { message: state.error.message })}</Alert>
      </section>
    );
  if (collab?.failed)
    return (
      <section className="page">
        <Alert data-color="danger">{t('refused', { reason: collab.failed })}</Alert>
      </section>
    );
  if (!collab?.synced || state.status !== 'ready')
    return (
      <section className="page">
        <Spinner aria-label={t('connecting')} />
      </section>
    );
  const [workspace, maps] = state.value;
  return (
    <ProcessView
      collab={collab}
      workspaceId={workspaceId}
      workspaceName={workspace.name}
      maps={maps.map((m) => ({ id: m.id, title: m.title }))}
      section={parseSection(parts)}
    />
  );
}

function ProcessView({
  collab,
  workspaceId,
  workspaceName,
  maps,
  section,
}: {
  collab: CollabDoc;
  workspaceId: string;
  workspaceName: string;
  maps: { id: string; title: string }[];
  section: ProcessSection | null | 'notFound';
}) {
  const { t } = useTranslation('process');
  usePageTitle(
    section === 'notFound' ? t('notFound') : t(section === null ? 'nav.home' : `nav.${section}`),
    workspaceName,
  );
  const content = useWorkspaceContent(collab.doc);
  const liveMaps = useLiveMaps(maps);
  const origin = useRef({ source: 'process-page' }).current;
  const runner = useActionRunner();
  const { perform: change, announce } = runner;
  // Dot votes are the signed-in person's (account or guest): the server refuses a vote
  // under anyone else's id (`checkDocumentUpdate`'s authored records).
  const session = useSession();
  const participantId = session.status === 'signed-in' ? session.info.principal.id : '';
  const value = useMemo<ProcessState>(
    () => ({
      workspaceId,
      workspaceName,
      doc: collab.doc,
      content,
      maps: liveMaps,
      origin,
      participantId,
      change,
      announce,
    }),
    [
      workspaceId,
      workspaceName,
      collab.doc,
      content,
      liveMaps,
      origin,
      participantId,
      change,
      announce,
    ],
  );
  return (
    <ProcessStateContext.Provider value={value}>
      <section className="page stack process">
        <nav aria-label={t('breadcrumbs')} className="process-breadcrumbs">
          <AppLink to={workspacePath(workspaceId)}>{workspaceName}</AppLink>
        </nav>
        <nav aria-label={t('nav.label')} className="process-nav">
          <ul>
            <li aria-current={section === null ? 'page' : undefined}>
              <AppLink to={processPath(workspaceId)}>{t('nav.home')}</AppLink>
            </li>
            {PROCESS_SECTIONS.map((s) => (
              <li key={s} aria-current={section === s ? 'page' : undefined}>
                <AppLink to={processPath(workspaceId, s)}>{t(`nav.${s}`)}</AppLink>
              </li>
            ))}
          </ul>
        </nav>
        {collab.status !== 'connected' && (
          <Alert data-color="warning" data-size="sm">
            {t('offline')}
          </Alert>
        )}
        <ActionFeedback runner={runner} />
        {/* Viewers and commenters get a read-only connection: every control is disabled. */}
        <fieldset disabled={collab.scope === 'readonly'} className="plain-fieldset stack">
          <Suspense fallback={<Spinner aria-label={t('connecting')} />}>
            {section === null && <ProcessHome />}
            {section === 'challenges' && <ChallengesPage />}
            {section === 'insight' && <InsightPage />}
            {section === 'innovation' && <InnovationPage />}
            {section === 'portfolio' && <PortfolioPage />}
            {section === 'notFound' && (
              <Heading level={1} data-size="lg">
                {t('notFound')}
              </Heading>
            )}
          </Suspense>
        </fieldset>
      </section>
    </ProcessStateContext.Provider>
  );
}
