import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_AXIS, DEMO_FIELDS, MAP_TEMPLATES } from '@helhet/model';
import { mapFromTemplate, mapTemplates, readTemplate, templateFile } from './new-map.ts';

describe('map templates', () => {
  it('reads every template as a valid map file with fields and no elements', () => {
    const templates = mapTemplates();
    expect([...templates.keys()]).toEqual([...MAP_TEMPLATES]);
    for (const [id, map] of templates) {
      expect(map.fields.length, id).toBeGreaterThan(0);
      expect(map.elements, id).toEqual([]);
      expect(map.meta.description.length, `${id} has a guide`).toBeGreaterThan(80);
    }
  });

  it('keeps the gigamap exactly as the default map was: the seed life-line and four fields', () => {
    const map = mapFromTemplate('Nytt kart');
    expect(map.axis).toEqual(DEMO_AXIS);
    expect(map.fields).toEqual(DEMO_FIELDS);
    expect(map.meta).toMatchObject({ title: 'Nytt kart', example: false });
  });

  it('gives each new map its own copy, titled as asked', () => {
    const a = mapFromTemplate('A', 'actors');
    a.fields[0]!.name = 'Endret';
    expect(mapFromTemplate('B', 'actors').fields[0]!.name).toBe('Innbyggere og brukere');
  });

  it('names the file and the field of a broken template, and refuses one with elements', () => {
    const folder = mkdtempSync(join(tmpdir(), 'helhet-template-'));
    const broken = join(folder, 'broken.helhet.json');
    const good = JSON.parse(
      JSON.stringify(readTemplate(templateFile('causal-loop')), (_k, v: unknown) => v),
    );
    writeFileSync(
      broken,
      JSON.stringify({
        format: 'helhet-map',
        version: 1,
        ...good,
        fields: [{ ...good.fields[0], color: 'blå' }],
      }),
    );
    expect(() => readTemplate(broken)).toThrow(/broken\.helhet\.json: fields\[0\]\.color/);
    const filled = join(folder, 'filled.helhet.json');
    writeFileSync(
      filled,
      JSON.stringify({
        format: 'helhet-map',
        version: 1,
        ...good,
        elements: [{ id: 'e-1', label: 'Et element', x: 0, y: 0 }],
      }),
    );
    expect(() => readTemplate(filled)).toThrow(/filled\.helhet\.json: elements/);
  });
});
