/**
 * Export of a whole workspace (on the process home) and import of one as a new workspace
 * (mounted with one line on the start page).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Label, Paragraph } from '@digdir/designsystemet-react';
import { ProblemList } from '../app/ProblemList.tsx';
import { AppLink } from '../app/AppLink.tsx';
import { downloadJson } from '../workspaces/download.ts';
import { registerProcessCoreTexts } from './i18n/core.ts';
import { processPath } from '../core/process/paths.ts';
import { useJsonFileImport } from '../app/useJsonFileImport.ts';
import { exportWorkspace, importWorkspace, workspaceFileName } from './transfer.ts';

/** Downloads the whole workspace as one file. */
export function ExportWorkspaceButton({
  workspaceId,
  name,
}: {
  workspaceId: string;
  name: string;
}) {
  const { t } = useTranslation('process');
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="stack">
      <div>
        <Button
          variant="secondary"
          onClick={() => {
            setError(null);
            exportWorkspace(workspaceId).then(
              (file) => downloadJson(file, workspaceFileName(name)),
              (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
            );
          }}
        >
          {t('transfer.export')}
        </Button>
      </div>
      {error && <Alert data-color="danger">{error}</Alert>}
    </div>
  );
}

/** File picker importing a `helhet-workspace` file as a new workspace. */
export function ImportWorkspace({ onImported }: { onImported?: () => void }) {
  registerProcessCoreTexts();
  const { t } = useTranslation('process');
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const { problems, error, onFile } = useJsonFileImport(t('transfer.notJson'), async (data) => {
    setCreated(await importWorkspace(data));
    onImported?.();
  });
  return (
    <section className="stack" aria-labelledby="import-workspace">
      <Heading id="import-workspace" level={2} data-size="md">
        {t('transfer.importTitle')}
      </Heading>
      <Label htmlFor="import-workspace-file">{t('transfer.importLabel')}</Label>
      <input
        id="import-workspace-file"
        type="file"
        accept="application/json,.json"
        onChange={(event) => {
          setCreated(null);
          void onFile(event);
        }}
      />
      <div role="status">
        {created && (
          <Paragraph>
            {t('transfer.imported', { name: created.name })}{' '}
            <AppLink to={processPath(created.id)}>
              {t('transfer.open', { name: created.name })}
            </AppLink>
          </Paragraph>
        )}
      </div>
      {error && <Alert data-color="danger">{error}</Alert>}
      <ProblemList
        summary={t('transfer.problems', { count: problems.length })}
        problems={problems}
      />
    </section>
  );
}
