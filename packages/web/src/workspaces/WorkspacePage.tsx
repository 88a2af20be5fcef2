/**
 * A workspace: its maps, with create, rename, delete, import and export.
 */
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ActionFeedback } from '../app/ActionFeedback.tsx';
import { AppLink } from '../app/AppLink.tsx';
import { useActionRunner } from '../app/useActionRunner.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { DeleteButton } from '../app/DeleteButton.tsx';
import { mapPath } from '../app/router.ts';
import { CreateForm } from './CreateForm.tsx';
import { InlineRename } from './InlineRename.tsx';
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
          <ProcessLink workspaceId={workspaceId} />
          <Heading level={2} data-size="md">
            {t('workspace.maps')}
          </Heading>
          {maps.length === 0 ? (
            <Paragraph>{t('workspace.noMaps')}</Paragraph>
          ) : (
            <Table zebra border>
              <caption className="visually-hidden">{t('workspace.maps')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('common.title')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {maps.map((m) => (
                  <Table.Row key={m.id}>
                    <Table.Cell>
                      <AppLink to={mapPath(m.id)}>{m.title}</AppLink>
                    </Table.Cell>
                    <Table.Cell>
                      <div className="row-actions">
                        <InlineRename
                          value={m.title}
                          label={t('workspace.newTitle', { title: m.title })}
                          buttonLabel={t('workspace.renameNamed', { title: m.title })}
                          onRename={(title) =>
                            run(() => api.renameMap(m.id, title), t('workspace.renamed', { title }))
                          }
                        />
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
                        <DeleteButton
                          aria-label={t('workspace.deleteNamed', { title: m.title })}
                          confirmText={t('workspace.confirmDelete', { title: m.title })}
                          onConfirm={() =>
                            void run(
                              () => api.deleteMap(m.id),
                              t('workspace.deleted', { title: m.title }),
                            )
                          }
                        >
                          {t('common.delete')}
                        </DeleteButton>
                      </div>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          <Heading level={2} data-size="md">
            {t('workspace.createMap')}
          </Heading>
          <CreateForm
            label={t('workspace.mapTitleLabel')}
            submitLabel={t('workspace.createMapButton')}
            onCreate={(title) =>
              run(() => api.createMap(workspaceId, title), t('workspace.created', { title }))
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
    </section>
  );
}
