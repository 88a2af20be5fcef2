/**
 * Two CSV files, `elements.csv` and `links.csv`, for spreadsheets:
 * - elements.csv: id, label, kind, description, tags (separated by |, as Kumu does), x, y,
 *   ageFrom, ageTo, example — only `label` is required;
 * - links.csv: id, from, to, polarity (+, -, ?), delay (true/false), label, description —
 *   `from` and `to` are required and name elements by id, or by label when unique.
 * Header names are matched without regard to case; unknown columns are ignored with a
 * warning. Problems name the file and line.
 */
import { ElementKind, type MapSnapshot } from '../map/schema.ts';
import { parseCsv, writeCsv, type CsvRecord } from './csv-text.ts';
import {
  assignIds,
  elementResolver,
  finishImport,
  gridPosition,
  parsePolarity,
  type ImportOptions,
  type ImportProblem,
  type ImportResult,
} from './result.ts';

/** The two files of the CSV format. */
export interface CsvFiles {
  elements: string;
  links: string;
}

const ELEMENT_COLUMNS = [
  'id',
  'label',
  'kind',
  'description',
  'tags',
  'x',
  'y',
  'ageFrom',
  'ageTo',
  'example',
];
const LINK_COLUMNS = ['id', 'from', 'to', 'polarity', 'delay', 'label', 'description'];

/** Writes a map as elements.csv and links.csv (kept loops, fields and axis are not included). */
export function exportCsv(map: MapSnapshot): CsvFiles {
  return {
    elements: writeCsv(
      ELEMENT_COLUMNS,
      map.elements.map((e) => [
        e.id,
        e.label,
        e.kind,
        e.description,
        e.tags.join('|'),
        e.x,
        e.y,
        e.ageFrom,
        e.ageTo,
        e.example,
      ]),
    ),
    links: writeCsv(
      LINK_COLUMNS,
      map.links.map((l) => [l.id, l.from, l.to, l.polarity, l.delay, l.label, l.description]),
    ),
  };
}

const TEXT_COLUMNS = new Set(['label', 'description']);

type Row = { line: number; get: (column: string) => string | undefined };

function table(
  file: string,
  text: string,
  known: string[],
  required: string[],
  problems: ImportProblem[],
  warnings: string[],
): Row[] {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (e) {
    const line = Number(/line (\d+)/.exec((e as Error).message)?.[1]);
    problems.push({ path: file, message: (e as Error).message, ...(line ? { line } : {}) });
    return [];
  }
  if (records.length === 0) {
    problems.push({
      path: file,
      message: 'is empty: the first line must name the columns',
      line: 1,
    });
    return [];
  }
  const header = records[0]!.fields.map((h) => h.trim());
  const column = new Map<string, number>();
  header.forEach((h, i) => {
    const name = known.find((k) => k.toLowerCase() === h.toLowerCase());
    if (name && !column.has(name)) column.set(name, i);
    else if (h !== '') warnings.push(`${file}: column "${h}" was ignored`);
  });
  for (const r of required)
    if (!column.has(r))
      problems.push({ path: `${file} line 1`, message: `missing the column "${r}"`, line: 1 });
  return records.slice(1).map((record) => ({
    line: record.line,
    get: (name: string) => {
      const i = column.get(name);
      const raw = i === undefined ? undefined : record.fields[i];
      if (raw === undefined || raw.trim() === '') return undefined;
      // Text keeps its spaces (the writer quotes them); codes and numbers are trimmed.
      return TEXT_COLUMNS.has(name) ? raw : raw.trim();
    },
  }));
}

/** Reads elements.csv and links.csv. All or nothing: see `result.ts`. */
export function importCsv(files: CsvFiles, options: ImportOptions = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const warnings: string[] = [];
  const reported = new Set<string>();
  const elementRows = table(
    'elements.csv',
    files.elements,
    ELEMENT_COLUMNS,
    ['label'],
    problems,
    warnings,
  );
  const linkRows = table(
    'links.csv',
    files.links,
    LINK_COLUMNS,
    ['from', 'to'],
    problems,
    warnings,
  );
  if (problems.length > 0) return { ok: false, problems };

  const at = (file: string, row: Row, column: string) => `${file} line ${row.line} (${column})`;
  const number = (file: string, row: Row, column: string): number | undefined => {
    const raw = row.get(column);
    if (raw === undefined) return undefined;
    const value = Number(raw.replace(',', '.'));
    if (!Number.isFinite(value)) {
      problems.push({
        path: at(file, row, column),
        message: `"${raw}" is not a number`,
        line: row.line,
      });
      return undefined;
    }
    return value;
  };
  const boolean = (file: string, row: Row, column: string): boolean => {
    const raw = row.get(column)?.toLowerCase();
    if (raw === undefined) return false;
    if (['true', 'yes', 'ja', '1'].includes(raw)) return true;
    if (['false', 'no', 'nei', '0'].includes(raw)) return false;
    problems.push({
      path: at(file, row, column),
      message: `"${raw}" is not true or false`,
      line: row.line,
    });
    return false;
  };

  const kinds = new Set<string>(ElementKind.options);
  const ids = assignIds(
    elementRows.map((r) => r.get('id')),
    'e',
  );
  const elements = elementRows.map((row, i) => {
    const kind = row.get('kind') ?? 'factor';
    if (!kinds.has(kind)) reported.add(`elements[${i}].kind`);
    if (!kinds.has(kind))
      problems.push({
        path: at('elements.csv', row, 'kind'),
        message: `"${kind}" is not one of ${ElementKind.options.join(', ')}`,
        line: row.line,
      });
    const place = gridPosition(i, elementRows.length);
    return {
      id: ids[i]!,
      sourceId: row.get('id') ?? ids[i]!,
      label: row.get('label') ?? '',
      kind,
      description: row.get('description') ?? '',
      tags: (row.get('tags') ?? '')
        .split('|')
        .map((t) => t.trim())
        .filter(Boolean),
      x: number('elements.csv', row, 'x') ?? place.x,
      y: number('elements.csv', row, 'y') ?? place.y,
      ageFrom: number('elements.csv', row, 'ageFrom') ?? null,
      ageTo: number('elements.csv', row, 'ageTo') ?? null,
      example: boolean('elements.csv', row, 'example'),
    };
  });
  const resolve = elementResolver(elements);
  const linkIds = assignIds(
    linkRows.map((r) => r.get('id')),
    'l',
  );
  const links = linkRows.map((row, i) => {
    const ends = (['from', 'to'] as const).map((end) => {
      const ref = row.get(end);
      if (ref === undefined) {
        reported.add(`links[${i}].${end}`);
        problems.push({
          path: at('links.csv', row, end),
          message: 'must not be empty',
          line: row.line,
        });
        return '';
      }
      const hit = resolve(ref);
      if ('error' in hit) {
        reported.add(`links[${i}].${end}`);
        problems.push({ path: at('links.csv', row, end), message: hit.error, line: row.line });
        return '';
      }
      return hit.id;
    });
    const polarity = parsePolarity(row.get('polarity'));
    if (polarity === null)
      problems.push({
        path: at('links.csv', row, 'polarity'),
        message: `"${row.get('polarity')}" is not +, - or ?`,
        line: row.line,
      });
    return {
      id: linkIds[i]!,
      from: ends[0]!,
      to: ends[1]!,
      polarity: polarity ?? '?',
      delay: boolean('links.csv', row, 'delay'),
      label: row.get('label') ?? '',
      description: row.get('description') ?? '',
    };
  });
  return finishImport(
    { meta: {}, elements: elements.map(({ sourceId: _s, ...e }) => e), links, loops: [] },
    {
      elements: elementRows.map((r) => `elements.csv line ${r.line}`),
      links: linkRows.map((r) => `links.csv line ${r.line}`),
      loops: [],
      elementLines: elementRows.map((r) => r.line),
      linkLines: linkRows.map((r) => r.line),
      reported,
      fieldStyle: 'column',
    },
    problems,
    warnings,
    options,
  );
}
