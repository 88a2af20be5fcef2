/**
 * Imported first by `main.tsx`: on a Fremtid 2040 address, the demography worker starts
 * loading the page's region (see `startForLocation`) before the rest of the app is run. A
 * worker starts only when its page's main thread is free, and the app's lazily loaded
 * Fremtid code would create it after seconds of evaluating and rendering on a busy
 * machine; from here it starts at the first pause. Elsewhere this does nothing.
 */
import { startForLocation } from './worker/connection.ts';

startForLocation();
