/**
 * Export of a whole workspace (on the process home) and import of one as a new workspace
 * (mounted with one line on the start page).
 */
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/useErrorText.ts';
import { Alert, Button, Heading, Label, List, Paragraph } from '@digdir/designsystemet-react';
import type { InputProblem } from '@helhet/model';
import { AppLink } from '../app/AppLink.tsx';
import { downloadJson } from '../workspaces/download.ts';
import { registerProcessCoreTexts } from './i18n/core.ts';
import { processPath } from '../core/process/paths.ts';
import { ApiError } from '../api/client.ts';
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
  const errorText = useErrorText();
  const [problems, setProblems] = useState<InputProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblems([]);
    setError(null);
    setCreated(null);
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      setError(t('transfer.notJson'));
      return;
    }
    try {
      setCreated(await importWorkspace(data));
      onImported?.();
    } catch (e) {
      if (e instanceof ApiError && e.problems.length) setProblems(e.problems);
      else setError(errorText(e));
    }
  };
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
        onChange={onFile}
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
      {problems.length > 0 && (
        <Alert data-color="danger">
          <Paragraph>{t('transfer.problems', { count: problems.length })}</Paragraph>
          <List.Unordered>
            {problems.slice(0, 50).map((p, i) => (
              <List.Item key={i}>
                <code>{p.path || '/'}</code>: {p.message}
              </List.Item>
            ))}
          </List.Unordered>
        </Alert>
      )}
    </section>
  );
}
