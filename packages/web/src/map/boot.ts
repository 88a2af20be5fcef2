/**
 * Imported by `main.tsx` before the rest of the app: on a map's address, the map's live
 * document starts connecting and the editor's code starts loading at once, in parallel with
 * the app shell, the session check and each other. Started from the map page's own code,
 * the connection waited for that code to arrive and run, which on a cold load of a
 * 2,000-element map was about half a second of the first frame. Elsewhere this does nothing.
 */
import { parseRoute } from '../app/router.ts';
import { connectEarly } from '../collab/documentRegistry.ts';

const opening = parseRoute(location.pathname);
if (opening.page === 'map') {
  connectEarly(opening.mapId);
  // The same module promise the route's lazy component awaits, so it is fetched once.
  void import('./MapPage.tsx');
}
