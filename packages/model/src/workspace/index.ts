/**
 * The process around the map (steps one and three of the method): challenges with SDGs,
 * dot votes, insight, innovation areas, portfolios and projects; their collaborative
 * document, analysis (coverage, traceability, gaps, portfolio loops) and interchange file.
 */
export * from './sdgs.ts';
export * from './schema.ts';
export * from './ydoc.ts';
export * from './collections.ts';
export * from './votes.ts';
export * from './map-context.ts';
export * from './analysis.ts';
export * from './portfolio-network.ts';
export * from './file.ts';
export * from './migrations.ts';
export * from './demo.ts';
