/**
 * The start page: every workspace, with create, rename and delete.
 */
import { DeleteButton } from '../app/DeleteButton.tsx';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ActionFeedback } from '../app/ActionFeedback.tsx';
import { AppLink } from '../app/AppLink.tsx';
import { useActionRunner } from '../app/useActionRunner.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { workspacePath } from '../app/router.ts';
import { CreateForm } from './CreateForm.tsx';
import { InlineRename } from './InlineRename.tsx';
import { LoadState } from './LoadState.tsx';
import { ImportWorkspace } from '../process/WorkspaceTransfer.tsx';

/** Start page. */
export function StartPage() {
  const { t } = useTranslation();
  const { state, reload } = useAsync(() => api.listWorkspaces(), []);
  usePageTitle(t('start.title'));
  const runner = useActionRunner(reload);
  const run = runner.performAsync;

  return (
    <section className="page stack">
      <Heading level={1} data-size="lg">
        {t('start.title')}
      </Heading>
      <Paragraph>{t('start.intro')}</Paragraph>
      <ActionFeedback runner={runner} />
      <Heading level={2} data-size="md">
        {t('start.workspaces')}
      </Heading>
      <LoadState state={state} retry={reload} />
      {state.status === 'ready' &&
        (state.value.length === 0 ? (
          <Paragraph>{t('start.none')}</Paragraph>
        ) : (
          <Table zebra border>
            <caption className="visually-hidden">{t('start.workspaces')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('common.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {state.value.map((w) => (
                <Table.Row key={w.id}>
                  <Table.Cell>
                    <AppLink to={workspacePath(w.id)}>{w.name}</AppLink>
                  </Table.Cell>
                  <Table.Cell>
                    <div className="row-actions">
                      <InlineRename
                        value={w.name}
                        label={t('start.newName', { name: w.name })}
                        buttonLabel={t('start.renameNamed', { name: w.name })}
                        onRename={(name) =>
                          run(() => api.renameWorkspace(w.id, name), t('start.renamed', { name }))
                        }
                      />
                      <DeleteButton
                        aria-label={t('start.deleteNamed', { name: w.name })}
                        confirmText={t('start.confirmDelete', { name: w.name })}
                        onConfirm={() =>
                          void run(
                            () => api.deleteWorkspace(w.id),
                            t('start.deleted', { name: w.name }),
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
        ))}
      <Heading level={2} data-size="md">
        {t('start.create')}
      </Heading>
      <CreateForm
        label={t('start.nameLabel')}
        submitLabel={t('start.createButton')}
        onCreate={(name) => run(() => api.createWorkspace(name), t('start.created', { name }))}
      />
      <ImportWorkspace onImported={reload} />
    </section>
  );
}
