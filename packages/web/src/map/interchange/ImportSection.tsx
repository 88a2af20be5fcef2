/**
 * Imports a map file (native, Kumu JSON, GraphML, CSV pair, LOOPY link) into this map or as
 * a new map of the workspace. The file is read and checked completely in the browser first:
 * every problem is listed with its line or path and nothing is stored; only a clean file
 * can be applied. Into this map, the content is replaced in one transaction (one undo step);
 * as a new map, the server's import API receives the native file and validates it again.
 */
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/useErrorText.ts';
import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  List,
  Paragraph,
  Radio,
} from '@digdir/designsystemet-react';
import { SelectField } from '../../app/SelectField.tsx';
import {
  exportNative,
  IMPORT_FORMATS,
  importIntoDoc,
  importMap,
  type ImportFormat,
  type ImportInput,
  type ImportProblem,
  type MapSnapshot,
} from '@helhet/model';
import { useMapEditor } from '../MapContext.ts';
import { ANALYSIS_NS } from '../analysis/i18n.ts';
import { api, ApiError } from '../../api/client.ts';
import { AppLink } from '../../app/AppLink.tsx';
import { mapPath } from '../../app/router.ts';
import { prepareImport } from './importInput.ts';

/** Largest file read, in bytes: the native schema caps maps far below this. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

type Ready = {
  format: ImportFormat;
  input: ImportInput;
  map: MapSnapshot;
  warnings: string[];
  name: string;
};

/** Props of {@link ImportSection}. */
export interface ImportSectionProps {
  workspaceId: string | null;
}

/** Import controls. */
export function ImportSection({ workspaceId }: ImportSectionProps) {
  const { t } = useTranslation(ANALYSIS_NS);
  const errorText = useErrorText();
  const { doc, origin, snapshot, announce, select } = useMapEditor();
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const [mode, setMode] = useState<'replace' | 'new'>('replace');
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [ready, setReady] = useState<Ready | null>(null);
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const list = [...(event.target.files ?? [])];
    event.target.value = '';
    setProblems([]);
    setMessage(null);
    setReady(null);
    setCreated(null);
    if (list.some((f) => f.size > MAX_FILE_BYTES)) {
      setMessage(t('import.tooLarge', { mb: MAX_FILE_BYTES / 1024 / 1024 }));
      return;
    }
    const files = await Promise.all(
      list.map(async (f) => ({ name: f.name, text: await f.text() })),
    );
    const prepared = prepareImport(files, format);
    if (!prepared.ok) {
      setMessage(t(`import.${prepared.reason}`, { name: prepared.name }));
      return;
    }
    const title = mode === 'replace' ? snapshot.meta.title : files[0]!.name.replace(/\.[^.]+$/, '');
    const result = importMap(prepared.format, prepared.input, { title });
    if (!result.ok) {
      setProblems(result.problems);
      announce(t('import.problems', { count: result.problems.length }));
      return;
    }
    setReady({
      format: prepared.format,
      input: prepared.input,
      map: result.value,
      warnings: result.warnings,
      name: files.map((f) => f.name).join(', '),
    });
  };

  const apply = async () => {
    if (!ready) return;
    if (mode === 'replace') {
      const result = importIntoDoc(
        doc,
        ready.format,
        ready.input,
        { title: snapshot.meta.title },
        origin,
      );
      if (!result.ok) {
        setProblems(result.problems);
        return;
      }
      select({ elements: [], links: [] });
      setReady(null);
      const replaced = t('import.replaced', {
        contents: [
          t('import.counts.elements', { count: result.value.elements.length }),
          t('import.counts.links', { count: result.value.links.length }),
        ].join(` ${t('import.and')} `),
      });
      setMessage(replaced);
      announce(replaced);
      return;
    }
    if (!workspaceId) return;
    setBusy(true);
    try {
      const record = await api.importMap(workspaceId, JSON.parse(exportNative(ready.map)));
      setCreated({ id: record.id, title: record.title });
      setReady(null);
      announce(t('import.created', { title: record.title }));
    } catch (e) {
      if (e instanceof ApiError && e.problems.length) setProblems(e.problems);
      else setMessage(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-title" className="stack">
      <Heading id="import-title" level={3} data-size="2xs">
        {t('import.title')}
      </Heading>
      <SelectField
        id="import-format"
        size="sm"
        label={t('import.format')}
        value={format}
        options={[
          { value: 'auto', label: t('import.auto') },
          ...IMPORT_FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) })),
        ]}
        onChange={setFormat}
      />
      <Fieldset data-size="sm">
        <Fieldset.Legend>{t('import.mode')}</Fieldset.Legend>
        <Radio
          name="import-mode"
          value="replace"
          label={t('import.replace')}
          description={t('import.replaceHelp')}
          checked={mode === 'replace'}
          onChange={() => setMode('replace')}
        />
        <Radio
          name="import-mode"
          value="new"
          label={t('import.asNew')}
          checked={mode === 'new'}
          disabled={!workspaceId}
          onChange={() => setMode('new')}
        />
      </Fieldset>
      <Field data-size="sm">
        <Label htmlFor="import-files">{t('import.files')}</Label>
        <input
          id="import-files"
          type="file"
          multiple
          accept=".json,.graphml,.xml,.csv,.txt,application/json,text/csv"
          onChange={(e) => void onFiles(e)}
        />
      </Field>
      {message && <Alert data-color="info">{message}</Alert>}
      {problems.length > 0 && (
        <Alert data-color="danger" data-testid="import-problems">
          <Paragraph>{t('import.problems', { count: problems.length })}</Paragraph>
          <List.Unordered>
            {problems.slice(0, 200).map((p, i) => (
              <List.Item key={i}>
                {p.line !== undefined && <>{t('import.line', { line: p.line })} </>}
                <code>{p.path || '/'}</code>: {p.message}
              </List.Item>
            ))}
          </List.Unordered>
          {problems.length > 200 && (
            <Paragraph>{t('import.moreProblems', { count: problems.length - 200 })}</Paragraph>
          )}
        </Alert>
      )}
      {ready && (
        <Alert data-color="success" data-testid="import-ready">
          <Paragraph>
            {t('import.ready', {
              name: ready.name,
              format: t(`formats.${ready.format}`),
              contents: [
                t('import.counts.elements', { count: ready.map.elements.length }),
                t('import.counts.links', { count: ready.map.links.length }),
                t('import.counts.loops', { count: ready.map.loops.length }),
              ].join(', '),
            })}
          </Paragraph>
          {ready.warnings.length > 0 && (
            <List.Unordered>
              {ready.warnings.slice(0, 20).map((w, i) => (
                <List.Item key={i}>{w}</List.Item>
              ))}
            </List.Unordered>
          )}
          <div className="row-actions">
            <Button data-size="sm" disabled={busy} onClick={() => void apply()}>
              {mode === 'replace' ? t('import.applyReplace') : t('import.applyNew')}
            </Button>
            <Button variant="secondary" data-size="sm" onClick={() => setReady(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </Alert>
      )}
      {created && (
        <Alert data-color="success">
          {t('import.created', { title: created.title })}{' '}
          <AppLink to={mapPath(created.id)}>{t('import.open')}</AppLink>
        </Alert>
      )}
    </section>
  );
}
