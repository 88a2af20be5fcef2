/**
 * One entry point for every interchange format, for the CLI, the server and the web app:
 * which formats exist, which way they go, how to recognise a file, and the import/export
 * call for each.
 */
import type { MapSnapshot } from '../map/schema.ts';
import { exportCsv, importCsv, type CsvFiles } from './csv.ts';
import { exportGraphML, importGraphML } from './graphml.ts';
import { exportKumu, importKumu } from './kumu.ts';
import { importLoopy } from './loopy.ts';
import { exportNative, importNative } from './native.ts';
import type { ImportOptions, ImportResult } from './result.ts';
import { exportXmile } from './xmile.ts';

/** Formats a map can be read from. */
export const IMPORT_FORMATS = ['native', 'kumu', 'graphml', 'csv', 'loopy'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Formats a map can be written to. */
export const EXPORT_FORMATS = ['native', 'kumu', 'graphml', 'csv', 'xmile'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One written file: a suggested file name and its text. */
export interface ExportedFile {
  name: string;
  text: string;
  mediaType: string;
}

/** Writes `map` in `format`: one file, or two for CSV (elements.csv and links.csv). */
export function exportMap(map: MapSnapshot, format: ExportFormat): ExportedFile[] {
  switch (format) {
    case 'native':
      return [{ name: 'map.helhet.json', text: exportNative(map), mediaType: 'application/json' }];
    case 'kumu':
      return [
        {
          name: 'map.kumu.json',
          text: `${JSON.stringify(exportKumu(map), null, 2)}\n`,
          mediaType: 'application/json',
        },
      ];
    case 'graphml':
      return [
        { name: 'map.graphml', text: exportGraphML(map), mediaType: 'application/graphml+xml' },
      ];
    case 'xmile':
      return [{ name: 'map.xmile', text: exportXmile(map), mediaType: 'application/xmile+xml' }];
    case 'csv': {
      const files = exportCsv(map);
      return [
        { name: 'elements.csv', text: files.elements, mediaType: 'text/csv' },
        { name: 'links.csv', text: files.links, mediaType: 'text/csv' },
      ];
    }
  }
}

/** Input of an import: text, or the two CSV files. */
export type ImportInput = string | CsvFiles;

/** Reads a map from `input` in `format`. All or nothing: either the whole map or every problem. */
export function importMap(
  format: ImportFormat,
  input: ImportInput,
  options: ImportOptions = {},
): ImportResult {
  if (format === 'csv') {
    if (typeof input === 'string')
      return {
        ok: false,
        problems: [{ path: '', message: 'CSV import needs two files: elements.csv and links.csv' }],
      };
    return importCsv(input, options);
  }
  if (typeof input !== 'string')
    return { ok: false, problems: [{ path: '', message: `${format} import takes one file` }] };
  switch (format) {
    case 'native':
      return importNative(input);
    case 'kumu':
      return importKumu(input, options);
    case 'graphml':
      return importGraphML(input, options);
    case 'loopy':
      return importLoopy(input, options);
  }
}

/**
 * Guesses the format of one file from its name and first characters: native JSON says
 * `"format": "helhet-map"`; other JSON with `elements` is Kumu; `<graphml` is GraphML;
 * a LOOPY link has `data=`. Returns null when it cannot tell (CSV needs two files).
 */
export function detectFormat(fileName: string, text: string): ImportFormat | null {
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith('<') && /<(\w+:)?graphml[\s>]/.test(head)) return 'graphml';
  if (head.startsWith('{')) {
    if (/"format"\s*:\s*"helhet-map"/.test(head)) return 'native';
    if (/"elements"\s*:/.test(text)) return 'kumu';
    if (/"nodes"\s*:/.test(text)) return 'loopy';
  }
  if (/[?&]data=/.test(head) || /loopy/i.test(fileName)) return 'loopy';
  if (/\.graphml$/i.test(fileName)) return 'graphml';
  return null;
}
