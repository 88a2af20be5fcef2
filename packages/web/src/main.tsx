/**
 * Entry point: Designsystemet CSS and theme, i18n, then the app shell.
 */
// First: on a Fremtid 2040 address, the demography worker starts before the rest is run.
import './fremtid/boot.ts';
// Likewise on a map's address: its document starts connecting before the app shell runs.
import './map/boot.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import '@fontsource-variable/inter';
import './app/app.css';
import { initI18n } from './i18n/i18n.ts';
import { App } from './app/App.tsx';

initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
