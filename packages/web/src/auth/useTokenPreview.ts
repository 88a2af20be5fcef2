/**
 * Loading what a link token grants (an invitation or a share link) before the person accepts it.
 */
import { ApiError } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';

/**
 * Loads the preview of `token` with `load`. `invalid` is true when the server refused the
 * token (unknown, spent, expired: any 4xx), so the page can say the link no longer works
 * instead of offering a retry; a missing token counts as unknown.
 */
export function useTokenPreview<P>(token: string | null, load: (token: string) => Promise<P>) {
  const { state, reload } = useAsync(
    () => (token ? load(token) : Promise.reject(new ApiError(404, 'no token'))),
    [token],
  );
  const preview = state.status === 'ready' ? state.value : null;
  const invalid =
    state.status === 'error' && state.error instanceof ApiError && state.error.status < 500;
  return { state, reload, preview, invalid };
}
