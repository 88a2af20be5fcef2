/**
 * A workspace: its maps, with create, rename, delete, import and export.
 */
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ActionFeedback } from '../app/ActionFeedback.tsx';
import { AppLink } from '../app/AppLink.tsx';
import { useActionRunner } from '../app/useActionRunner.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { mapPath, membersPath } from '../app/router.ts';
import { useWorkspaceRole } from '../auth/useWorkspaceRole.ts';
import { ShareDialog } from '../members/ShareDialog.tsx';
import { NewMapForm } from './NewMapForm.tsx';
import { NamedListTable } from './NamedListTable.tsx';
import { LoadState } from './LoadState.tsx';
import { ImportMap } from './ImportMap.tsx';
import { downloadJson, fileNameFor } from './download.ts';
import { ProcessLink } from '../process/ProcessLink.tsx';

/** Workspace page. */
export function WorkspacePage({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const { state, reload } = useAsync(
    () => Promise.all([api.getWorkspace(workspaceId), api.listMaps(workspaceId)]),
    [workspaceId],
  );
  usePageTitle(state.status === 'ready' ? state.value[0].name : undefined, t('workspace.title'));
  const runner = useActionRunner(reload);
  const run = runner.performAsync;
  const access = useWorkspaceRole(workspaceId);
  const { can } = access;

  const workspace = state.status === 'ready' ? state.value[0] : null;
  const maps = state.status === 'ready' ? state.value[1] : [];

  return (
    <section className="page stack">
      <nav aria-label={t('common.breadcrumbs')}>
        <AppLink to="/">{t('start.title')}</AppLink>
      </nav>
      <Heading level={1} data-size="lg">
        {workspace?.name ?? t('workspace.title')}
      </Heading>
      <ActionFeedback runner={runner} />
      <LoadState state={state} retry={reload} />
      {workspace && (
        <>
          <div className="row-actions">
            <ProcessLink workspaceId={workspaceId} />
            <AppLink to={membersPath(workspaceId)}>{t('members.link')}</AppLink>
            {can.share && <ShareDialog workspaceId={workspaceId} />}
          </div>
          {!can.edit && access.role && (
            <Alert data-color="info" data-size="sm">
              {t('readOnly.workspace', { role: t(`roles.${access.role}`).toLowerCase() })}
            </Alert>
          )}
          <Heading level={2} data-size="md">
            {t('workspace.maps')}
          </Heading>
          {maps.length === 0 ? (
            <Paragraph>{t('workspace.noMaps')}</Paragraph>
          ) : (
            <NamedListTable
              readOnly={!can.edit}
              caption={t('workspace.maps')}
              nameHeader={t('common.title')}
              items={maps}
              name={(m) => m.title}
              href={(m) => mapPath(m.id)}
              texts={(m) => ({
                renameField: t('workspace.newTitle', { title: m.title }),
                renameButton: t('workspace.renameNamed', { title: m.title }),
                deleteButton: t('workspace.deleteNamed', { title: m.title }),
                confirmDelete: t('workspace.confirmDelete', { title: m.title }),
              })}
              onRename={(m, title) =>
                run(() => api.renameMap(m.id, title), t('workspace.renamed', { title }))
              }
              onDelete={(m) =>
                void run(() => api.deleteMap(m.id), t('workspace.deleted', { title: m.title }))
              }
              actions={(m) => (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  aria-label={t('workspace.exportNamed', { title: m.title })}
                  onClick={() =>
                    void run(
                      async () => {
                        downloadJson(await api.exportMap(m.id), fileNameFor(m.title));
                      },
                      t('workspace.exported', { title: m.title }),
                    )
                  }
                >
                  {t('workspace.export')}
                </Button>
              )}
            />
          )}
          {can.edit && (
            <>
              <Heading level={2} data-size="md">
                {t('workspace.createMap')}
              </Heading>
              <NewMapForm
                onCreate={(title, template) =>
                  run(
                    () => api.createMap(workspaceId, title, template),
                    t('workspace.created', { title }),
                  )
                }
              />
              <Heading level={2} data-size="md">
                {t('workspace.import')}
              </Heading>
              <ImportMap
                workspaceId={workspaceId}
                onImported={(title) => {
                  runner.announce(t('workspace.imported', { title }));
                  reload();
                }}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
