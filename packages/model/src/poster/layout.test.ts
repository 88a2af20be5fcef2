import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDemoMap } from '../map/demo.ts';
import type { MapSnapshot } from '../map/schema.ts';
import { layoutPoster, type Poster, type PosterOptions } from './layout.ts';
import { MIN_TEXT_PT, PAPER_SIZES, PT_PER_MM, paperPoints } from './paper.ts';
import { POSTER_TEXTS } from './texts.ts';
import { averageWidth, wrapText } from './wrap.ts';

const options = (overrides: Partial<PosterOptions> = {}): PosterOptions => ({
  paper: 'A3',
  texts: POSTER_TEXTS.nb,
  workspace: 'Bydel Øst',
  date: '2. desember 2026',
  measure: averageWidth,
  ...overrides,
});

const texts = (poster: Poster) => poster.shapes.flatMap((s) => (s.type === 'text' ? [s] : []));
const allText = (poster: Poster) =>
  texts(poster)
    .map((t) => t.text)
    .join(' ');

/** A small map with Norwegian letters in its labels. */
function smallMap(): MapSnapshot {
  const demo = createDemoMap();
  const [a, b, c] = demo.elements;
  return {
    ...demo,
    meta: { ...demo.meta, title: 'Ungdomsutenforskap på Øståsen' },
    elements: [
      { ...a!, label: 'Blåbærsyltetøy og ærlige samtaler' },
      { ...b!, label: 'Sårbare overganger mellom skoler' },
      { ...c!, label: 'Trygghet' },
    ],
    links: [
      {
        id: 'l1',
        from: a!.id,
        to: b!.id,
        polarity: '+',
        delay: true,
        label: '',
        description: '',
        example: false,
      },
      {
        id: 'l2',
        from: b!.id,
        to: c!.id,
        polarity: '-',
        delay: false,
        label: '',
        description: '',
        example: false,
      },
    ],
    loops: [],
  };
}

describe('paper sizes', () => {
  it('are ISO 216 in points, landscape', () => {
    expect(paperPoints('A0').width).toBeCloseTo(3370.39, 1);
    expect(paperPoints('A0').height).toBeCloseTo(2383.94, 1);
    expect(paperPoints('A4').width).toBeCloseTo(297 * PT_PER_MM, 6);
    expect(paperPoints('A4').height).toBeCloseTo(595.28, 1);
  });
});

describe('layoutPoster', () => {
  it('puts every element label, whole, on the poster, with title, legend and source line', () => {
    const map = smallMap();
    for (const paper of PAPER_SIZES) {
      const poster = layoutPoster(map, options({ paper }));
      const words = allText(poster);
      for (const e of map.elements)
        for (const word of e.label.split(' ')) expect(words).toContain(word);
      expect(words).toContain('Ungdomsutenforskap');
      expect(words).toContain('Øståsen');
      for (const f of map.fields) expect(words).toContain(f.name.split(' ')[0]);
      for (const p of ['+', '-', '?'] as const)
        expect(words).toContain(POSTER_TEXTS.nb.polarity[p]);
      expect(words).toContain('Helhet · Bydel Øst · eksportert 2. desember 2026');
      expect(poster.counts).toEqual({ elements: 3, links: 2 });
    }
  });

  it('never draws text below the sheet minimum, and keeps every shape on the sheet', () => {
    const demo = createDemoMap();
    for (const paper of PAPER_SIZES) {
      const poster = layoutPoster(demo, options({ paper }));
      expect(poster.width).toBeCloseTo(paperPoints(paper).width, 6);
      for (const t of texts(poster)) {
        expect(t.size).toBeGreaterThanOrEqual(MIN_TEXT_PT[paper]);
        expect(t.x).toBeGreaterThanOrEqual(0);
        expect(t.x + averageWidth(t.text, t.size, t.bold)).toBeLessThanOrEqual(poster.width + 0.01);
        expect(t.y).toBeGreaterThan(0);
        expect(t.y).toBeLessThanOrEqual(poster.height);
      }
      for (const s of poster.shapes)
        if (s.type === 'rect') {
          expect(s.x).toBeGreaterThanOrEqual(0);
          expect(s.x + s.width).toBeLessThanOrEqual(poster.width + 0.01);
        }
      expect(poster.minTextSize).toBe(MIN_TEXT_PT[paper]);
    }
  });

  it('says when map text is enlarged and which sheet would not need it', () => {
    const demo = createDemoMap();
    const a4 = layoutPoster(demo, options({ paper: 'A4' }));
    expect(a4.textEnlarged).toBe(true);
    expect(a4.suggestedPaper).not.toBe('A4');
    const suggested = a4.suggestedPaper;
    if (suggested)
      expect(layoutPoster(demo, options({ paper: suggested })).textEnlarged).toBe(false);
    // A map with a short axis is drawn at its own scale even on A4.
    const tiny: MapSnapshot = {
      ...demo,
      axis: { ...demo.axis, segments: [{ fromAge: 0, toAge: 10, unitsPerYear: 10, label: '' }] },
      fields: [{ ...demo.fields[0]!, height: 300 }],
      elements: demo.elements
        .slice(0, 1)
        .map((e) => ({ ...e, fieldId: demo.fields[0]!.id, x: 0, y: 100 })),
      links: [],
    };
    const small = layoutPoster(tiny, options({ paper: 'A4' }));
    expect(small.textEnlarged).toBe(false);
    expect(small.suggestedPaper).toBe('A4');
  });

  it('grows a card to hold a long label rather than cutting it', () => {
    const map = smallMap();
    const long = 'Overgangen fra ungdomsskole til videregående skole er sårbar for mange '
      .repeat(3)
      .trim();
    map.elements[0] = { ...map.elements[0]!, label: long };
    const poster = layoutPoster(map, options({ paper: 'A4' }));
    const drawn = allText(poster);
    expect(drawn.replace(/\s+/g, ' ')).toContain(long);
  });

  it('prints only the fields and elements a filter keeps, and the links between them', () => {
    const demo = createDemoMap();
    const field = demo.fields[1]!;
    const poster = layoutPoster(demo, options({ filter: { fieldIds: [field.id] } }));
    const inField = demo.elements.filter((e) => e.fieldId === field.id);
    expect(poster.counts.elements).toBe(inField.length);
    const ids = new Set(inField.map((e) => e.id));
    expect(poster.counts.links).toBe(
      demo.links.filter((l) => ids.has(l.from) && ids.has(l.to)).length,
    );
    const words = allText(poster);
    for (const other of demo.fields.filter((f) => f.id !== field.id))
      expect(words).not.toContain(other.name);
    const picked = layoutPoster(demo, options({ filter: { elementIds: [demo.elements[0]!.id] } }));
    expect(picked.counts).toEqual({ elements: 1, links: 0 });
  });
});

describe('wrapText', () => {
  it('keeps every character and fits each line when words fit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zæøåA-ZÆØÅ]{1,12}$/), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 40, max: 400 }),
        (words, width) => {
          const lines = wrapText(words.join(' '), width, 10, false, averageWidth);
          expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
          for (const line of lines)
            expect(averageWidth(line, 10, false)).toBeLessThanOrEqual(width);
        },
      ),
    );
  });

  it('breaks a word wider than the line between characters', () => {
    expect(wrapText('Sjøsikkerhetsberedskap', 30, 10, false, averageWidth)).toEqual([
      'Sjøsi',
      'kkerh',
      'etsbe',
      'redsk',
      'ap',
    ]);
  });
});

describe('poster texts', () => {
  it('have the same words in nb, nn and en', () => {
    const shape = (o: object): unknown =>
      Object.fromEntries(
        Object.entries(o).map(([k, v]) => [
          k,
          typeof v === 'object' ? shape(v as object) : typeof v,
        ]),
      );
    expect(shape(POSTER_TEXTS.nn)).toEqual(shape(POSTER_TEXTS.nb));
    expect(shape(POSTER_TEXTS.en)).toEqual(shape(POSTER_TEXTS.nb));
  });
});
