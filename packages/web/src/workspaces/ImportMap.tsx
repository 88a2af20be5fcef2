/**
 * Imports a map file (native `helhet-map` JSON) into a workspace. The file is checked in the
 * browser first with the model's schema, so problems are listed per field before anything
 * is sent; the server validates again.
 */
import { useTranslation } from 'react-i18next';
import { Alert, Label } from '@digdir/designsystemet-react';
import { ProblemList } from '../app/ProblemList.tsx';
import { parseMapFile } from '@helhet/model';
import { api } from '../api/client.ts';
import { useJsonFileImport } from '../app/useJsonFileImport.ts';

/** Props of {@link ImportMap}. */
export interface ImportMapProps {
  workspaceId: string;
  onImported: (title: string) => void;
}

/** File picker that imports a map. */
export function ImportMap({ workspaceId, onImported }: ImportMapProps) {
  const { t } = useTranslation();
  const { problems, error, onFile } = useJsonFileImport(
    t('workspace.importNotJson'),
    async (data) => {
      const checked = parseMapFile(data);
      if (!checked.ok) return checked.problems;
      const record = await api.importMap(workspaceId, data);
      onImported(record.title);
    },
  );

  return (
    <div className="stack">
      <Label htmlFor="import-file">{t('workspace.importLabel')}</Label>
      <input id="import-file" type="file" accept="application/json,.json" onChange={onFile} />
      {error && <Alert data-color="danger">{error}</Alert>}
      <ProblemList
        summary={t('workspace.importProblems', { count: problems.length })}
        problems={problems}
      />
    </div>
  );
}
