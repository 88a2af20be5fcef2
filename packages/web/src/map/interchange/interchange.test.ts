import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createDemoMap, exportCsv, exportKumu, importMap } from '@helhet/model';
import { escapeXml, mapSvg } from './mapSvg.ts';
import { prepareImport } from './importInput.ts';
import { fileStem } from './download.ts';
import { MAX_CANVAS_SIDE, rasterSize } from './rasterise.ts';

const demo = createDemoMap();

describe('map SVG', () => {
  it('is well-formed XML with every element label and one curve per link', () => {
    const svg = mapSvg(demo);
    expect(XMLValidator.validate(svg)).toBe(true);
    for (const e of demo.elements) expect(svg).toContain(escapeXml(e.label.split(' ')[0]!));
    expect(svg.match(/marker-end=/g)).toHaveLength(demo.links.length);
    expect(svg).toContain('<title>Ungt utenforskap</title>');
  });

  it('escapes user text so it can only be text', () => {
    const hostile = {
      ...demo,
      meta: { ...demo.meta, title: '</title><script>alert(1)</script>' },
      elements: demo.elements.map((e, i) =>
        i === 0 ? { ...e, label: '<img src=x onerror=alert(1)> & "q" \u0007' } : e,
      ),
    };
    const svg = mapSvg(hostile);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(parsed.svg.title).toBe('</title><script>alert(1)</script>');
  });

  it('shows the given view and fades what is not emphasised', () => {
    const svg = mapSvg(demo, {
      view: { x: 10, y: 20, width: 300, height: 200 },
      emphasis: { elements: new Set(['e-ensomhet']), links: new Set(['l-1']) },
      paint: new Map([['e-ensomhet', { fill: '#a9cbee', scale: 1.2 }]]),
    });
    expect(svg).toContain('viewBox="10 20 300 200"');
    const faded = svg.match(/opacity="0.18"/g) ?? [];
    expect(faded).toHaveLength(demo.elements.length - 1 + demo.links.length - 1);
    expect(svg).toContain('fill="#a9cbee"');
    expect(svg).toContain('scale(1.2)');
  });
});

describe('preparing an import from picked files', () => {
  it('detects Kumu JSON and imports it with the same elements', () => {
    const text = JSON.stringify(exportKumu(demo));
    const prepared = prepareImport([{ name: 'kart.json', text }], 'auto');
    expect(prepared).toMatchObject({ ok: true, format: 'kumu' });
    if (!prepared.ok) return;
    const result = importMap(prepared.format, prepared.input);
    expect(result.ok && result.value.elements.length).toBe(demo.elements.length);
  });

  it('pairs the two CSV files by name or header, in any order', () => {
    const csv = exportCsv(demo);
    for (const files of [
      [
        { name: 'links.csv', text: csv.links },
        { name: 'elements.csv', text: csv.elements },
      ],
      [
        { name: 'a.csv', text: csv.elements },
        { name: 'b.csv', text: csv.links },
      ],
    ]) {
      const prepared = prepareImport(files, 'auto');
      expect(prepared.ok).toBe(true);
      if (!prepared.ok) continue;
      expect(prepared.input).toEqual({ elements: csv.elements, links: csv.links });
      const result = importMap(prepared.format, prepared.input);
      expect(result.ok && result.value.links.length).toBe(demo.links.length);
    }
  });

  it('says why it cannot import', () => {
    expect(prepareImport([], 'auto')).toEqual({ ok: false, reason: 'noFiles' });
    expect(prepareImport([{ name: 'x.csv', text: 'id,label' }], 'csv')).toEqual({
      ok: false,
      reason: 'csvNeedsTwo',
    });
    expect(prepareImport([{ name: 'notes.txt', text: 'hello' }], 'auto')).toEqual({
      ok: false,
      reason: 'unknownFormat',
      name: 'notes.txt',
    });
    expect(
      prepareImport(
        [
          { name: 'a.json', text: '{}' },
          { name: 'b.json', text: '{}' },
        ],
        'kumu',
      ),
    ).toEqual({ ok: false, reason: 'oneFile' });
  });
});

describe('file names and raster sizes', () => {
  it('makes a file name from a Norwegian title', () => {
    expect(fileStem('Ungt utenforskap')).toBe('ungt-utenforskap');
    expect(fileStem('Blåbær og økonomi')).toBe('blabaer-og-okonomi');
    expect(fileStem('///')).toBe('kart');
  });

  it('caps the canvas size and keeps the aspect ratio', () => {
    expect(rasterSize(1000, 500, 2)).toEqual({ width: 2000, height: 1000 });
    const big = rasterSize(40_000, 10_000, 2);
    expect(big.width).toBe(MAX_CANVAS_SIDE);
    expect(big.height).toBe(MAX_CANVAS_SIDE / 4);
  });
});
