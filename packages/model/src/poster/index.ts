/** The printed poster of a map: sheets, texts, layout, and the SVG of a laid-out poster. */
export * from './paper.ts';
export * from './texts.ts';
export * from './wrap.ts';
export * from './layout.ts';
export * from './svg.ts';
