import { useState, type ChangeEvent } from 'react';
import type { InputProblem } from '@helhet/model';
import { ApiError } from '../api/client.ts';
import { useErrorText } from '../api/useErrorText.ts';

/** What {@link useJsonFileImport} gives a file picker. */
export interface JsonFileImport {
  /** The problems that kept the last file from being imported, each naming its path. */
  readonly problems: readonly InputProblem[];
  /** A failure that is not about the file's content (not JSON, the network, the server). */
  readonly error: string | null;
  /** The file input's change handler: reads the chosen file as JSON and imports it. */
  readonly onFile: (event: ChangeEvent<HTMLInputElement>) => Promise<void>;
}

/**
 * Reads a chosen JSON file and hands its content to `importData`, keeping the problems it
 * (or the server, through an {@link ApiError}) reports apart from other failures, so every
 * import picker reports the same way. `importData` may return problems found before sending.
 */
export function useJsonFileImport(
  notJson: string,
  importData: (data: unknown) => Promise<readonly InputProblem[] | void>,
): JsonFileImport {
  const [problems, setProblems] = useState<readonly InputProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again, after fixing it, imports it again.
    event.target.value = '';
    if (!file) return;
    setProblems([]);
    setError(null);
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      setError(notJson);
      return;
    }
    try {
      const found = await importData(data);
      if (found && found.length > 0) setProblems(found);
    } catch (e) {
      if (e instanceof ApiError && e.problems.length) setProblems(e.problems);
      else setError(errorText(e));
    }
  };
  return { problems, error, onFile };
}
