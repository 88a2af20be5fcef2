/** Where the server serves the snapshot (`packages/server/src/fremtid/data-routes.ts`). */
export const SNAPSHOT_URL = '/api/fremtid/snapshot';
