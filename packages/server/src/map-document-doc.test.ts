import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAP_DOC_KEYS, parseMapFile } from '@helhet/model';

const doc = readFileSync(new URL('../../../docs/map-document.md', import.meta.url), 'utf8');

describe('docs/map-document.md', () => {
  it('shows a native file example that the importer accepts', () => {
    const example = doc.split('```json')[1]!.split('```')[0]!;
    const parsed = parseMapFile(JSON.parse(example));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('documents every top-level type of the map document', () => {
    for (const key of MAP_DOC_KEYS) expect(doc).toContain(`| \`${key}\` |`);
  });
});
