/**
 * Texts of saved views, presentations and following (`views` namespace), added to the app's
 * i18next instance when the map page loads.
 */
import { registerNamespace } from '../../i18n/namespace.ts';
import nb from './i18n/nb.json';
import nn from './i18n/nn.json';
import en from './i18n/en.json';

/** The namespace of these texts. */
export const VIEWS_NS = 'views';

registerNamespace(VIEWS_NS, { nb, nn, en });
