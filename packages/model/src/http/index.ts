/**
 * The HTTP contract: request and response schemas (zod) of the API, shared by the server's
 * routes (validation and OpenAPI) and the web client (response validation), so the two cannot
 * drift apart.
 */
export * from './errors.ts';
export * from './workspaces.ts';
export * from './dialogues.ts';
export * from './access.ts';
export * from './identity-providers.ts';
export * from './poster.ts';
