/**
 * Texts of the loop, analysis and interchange panels as their own i18next namespace
 * (`analysis`), added to the app's i18next instance when the map page loads, so these
 * panels' texts live beside their code and the app's main bundles stay untouched.
 */
import { registerNamespace } from '../../i18n/namespace.ts';
import nb from './i18n/nb.json';
import nn from './i18n/nn.json';
import en from './i18n/en.json';

/** The namespace of these panels' texts. */
export const ANALYSIS_NS = 'analysis';

registerNamespace(ANALYSIS_NS, { nb, nn, en });
