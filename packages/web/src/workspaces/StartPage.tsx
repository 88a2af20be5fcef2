/**
 * The start page: every workspace, with create, rename and delete.
 */
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ActionFeedback } from '../app/ActionFeedback.tsx';
import { useActionRunner } from '../app/useActionRunner.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { workspacePath } from '../app/router.ts';
import { CreateForm } from './CreateForm.tsx';
import { NamedListTable } from './NamedListTable.tsx';
import { LoadState } from './LoadState.tsx';
import { ImportWorkspace } from '../process/WorkspaceTransfer.tsx';
import { usePrincipal } from '../auth/session.ts';

/** Start page. */
export function StartPage() {
  const { t } = useTranslation();
  const { state, reload } = useAsync(() => api.listWorkspaces(), []);
  usePageTitle(t('start.title'));
  const runner = useActionRunner(reload);
  const run = runner.performAsync;
  // A share-link guest sees the one workspace it joined, and may not make or change any.
  const guest = usePrincipal()?.kind === 'guest';

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
          <NamedListTable
            readOnly={guest}
            caption={t('start.workspaces')}
            nameHeader={t('common.name')}
            items={state.value}
            name={(w) => w.name}
            href={(w) => workspacePath(w.id)}
            texts={(w) => ({
              renameField: t('start.newName', { name: w.name }),
              renameButton: t('start.renameNamed', { name: w.name }),
              deleteButton: t('start.deleteNamed', { name: w.name }),
              confirmDelete: t('start.confirmDelete', { name: w.name }),
            })}
            onRename={(w, name) =>
              run(() => api.renameWorkspace(w.id, name), t('start.renamed', { name }))
            }
            onDelete={(w) =>
              void run(() => api.deleteWorkspace(w.id), t('start.deleted', { name: w.name }))
            }
          />
        ))}
      {!guest && (
        <>
          <Heading level={2} data-size="md">
            {t('start.create')}
          </Heading>
          <CreateForm
            label={t('start.nameLabel')}
            submitLabel={t('start.createButton')}
            onCreate={(name) => run(() => api.createWorkspace(name), t('start.created', { name }))}
          />
          <ImportWorkspace onImported={reload} />
        </>
      )}
    </section>
  );
}
