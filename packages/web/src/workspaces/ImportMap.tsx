/**
 * Imports a map file (native `helhet-map` JSON) into a workspace. The file is checked in the
 * browser first with the model's schema, so problems are listed per field before anything
 * is sent; the server validates again.
 */
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/useErrorText.ts';
import { Alert, Label, List, Paragraph } from '@digdir/designsystemet-react';
import { parseMapFile, type InputProblem } from '@helhet/model';
import { api, ApiError } from '../api/client.ts';

/** Props of {@link ImportMap}. */
export interface ImportMapProps {
  workspaceId: string;
  onImported: (title: string) => void;
}

/** File picker that imports a map. */
export function ImportMap({ workspaceId, onImported }: ImportMapProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [problems, setProblems] = useState<InputProblem[]>([]);
  const [error, setError] = useState<string | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblems([]);
    setError(null);
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      setError(t('workspace.importNotJson'));
      return;
    }
    const checked = parseMapFile(data);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    try {
      const record = await api.importMap(workspaceId, data);
      onImported(record.title);
    } catch (e) {
      if (e instanceof ApiError && e.problems.length) setProblems(e.problems);
      else setError(errorText(e));
    }
  };

  return (
    <div className="stack">
      <Label htmlFor="import-file">{t('workspace.importLabel')}</Label>
      <input id="import-file" type="file" accept="application/json,.json" onChange={onFile} />
      {error && <Alert data-color="danger">{error}</Alert>}
      {problems.length > 0 && (
        <Alert data-color="danger">
          <Paragraph>{t('workspace.importProblems', { count: problems.length })}</Paragraph>
          <List.Unordered>
            {problems.slice(0, 50).map((p, i) => (
              <List.Item key={i}>
                <code>{p.path || '/'}</code>: {p.message}
              </List.Item>
            ))}
          </List.Unordered>
        </Alert>
      )}
    </div>
  );
}
