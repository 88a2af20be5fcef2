/**
 * Graph analysis of a map: loops (streamed, budgeted), kept loops in the document, the signal
 * illustration ("see a loop move"),
 * neighbourhoods and paths, element metrics, MICMAC and communities.
 */
export * from './graph.ts';
export * from './scc.ts';
export * from './loops.ts';
export * from './loops-worker-protocol.ts';
export * from './kept-loops.ts';
export * from './signal.ts';
export * from './paths.ts';
export * from './closeness.ts';
export * from './metrics.ts';
export * from './micmac.ts';
export * from './communities.ts';
export * from './prng.ts';
