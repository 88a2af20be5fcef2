/** Where the server serves a region's extract (`packages/server/src/fremtid/data-routes.ts`). */
export const regionUrl = (code: string) => `/api/fremtid/regions/${code}`;
