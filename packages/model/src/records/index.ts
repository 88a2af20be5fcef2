/**
 * The one record-collection layer of Helhet's documents (see collection.ts).
 */
export * from './collection.ts';
export * from './invalid.ts';
export * from './values.ts';
export * from './migrations.ts';
