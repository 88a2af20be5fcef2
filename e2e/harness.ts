/**
 * End-to-end harness: a real Helhet server on a random port with a fresh data directory,
 * and Debian's Chromium driven by playwright-core. Builds nothing: the web app must have
 * been built (`npm run build -w @helhet/web`) so the server can serve `packages/web/dist`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
/** The built web app; `HELHET_WEB_DIST` points elsewhere (e.g. a build of another checkout). */
const WEB_DIST = process.env.HELHET_WEB_DIST ?? join(ROOT, 'packages/web/dist');
const WEB_INDEX = join(WEB_DIST, 'index.html');
const CHROMIUM = process.env.HELHET_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Debian's Chromium headless with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's chromium or set HELHET_CHROMIUM.`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The part of `createHelhetServer`'s result the journeys use. */
export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/** Starts a Helhet server on 127.0.0.1 with a random port over `dataDir`. */
export async function startServer(dataDir: string): Promise<RunningServer> {
  const { createHelhetServer, resolveConfig } = await import('@helhet/server');
  // An empty environment: the journeys always use the embedded SQLite in `dataDir`, whatever
  // DATABASE_URL or REDIS_URL the shell has.
  const config = resolveConfig(
    { host: '127.0.0.1', port: 0, data: dataDir },
    {},
    { webDist: WEB_DIST },
  );
  const server = await createHelhetServer(config);
  const url = (await server.start()).replace(/\/$/, '');
  return { url, stop: () => server.stop() };
}

/** A server, a browser and a data directory, torn down together. */
export interface Harness {
  server: RunningServer;
  browser: Browser;
  dataDir: string;
  /** Stops the server and starts a new one on the same data directory. */
  restartServer: () => Promise<RunningServer>;
  /** A fresh browser context (own storage) with a display name and UI language preset. */
  newPage: (options?: {
    name?: string;
    color?: string;
    language?: 'nb' | 'nn' | 'en';
  }) => Promise<Page>;
  close: () => Promise<void>;
}

/** Checks the build exists, then starts server and browser. */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(WEB_INDEX))
    throw new Error(
      `The web app is not built (${WEB_INDEX} is missing). Run "npm run build -w @helhet/web" first.`,
    );
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's chromium or set CHROMIUM_PATH.`,
    );
  const dataDir = await mkdtemp(join(tmpdir(), 'helhet-e2e-'));
  let server = await startServer(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const harness: Harness = {
    get server() {
      return server;
    },
    browser,
    dataDir,
    restartServer: async () => {
      await server.stop();
      server = await startServer(dataDir);
      return server;
    },
    newPage: async ({ name = 'Testperson', color = '#0062ba', language = 'nb' } = {}) => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      contexts.push(context);
      await context.addInitScript(
        ([user, lang]) => {
          localStorage.setItem('helhet.user', user);
          localStorage.setItem('helhet.language', lang);
        },
        [JSON.stringify({ name, color }), language] as const,
      );
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.stop().catch(() => {});
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Opens the start page, then the demo workspace, then the demo map; returns the map URL. */
export async function openDemoMap(page: Page, baseUrl: string): Promise<string> {
  await page.goto(baseUrl);
  await page.getByRole('link', { name: 'Partnerskap for radikal innovasjon (eksempel)' }).click();
  await page.getByRole('link', { name: 'Ungt utenforskap' }).click();
  await waitForCanvas(page);
  return page.url();
}

/** Waits until the map canvas shows elements. */
export async function waitForCanvas(page: Page): Promise<void> {
  await page.locator('.react-flow__node').first().waitFor({ state: 'visible' });
}

/** Describes the element keyboard focus should reach: every given property must match. */
export interface FocusTarget {
  id?: string;
  role?: string;
  /** Exact text content. */
  text?: string;
  ariaLabel?: string;
}

/** Presses Tab (or Shift+Tab) until the focused element matches `target`; fails after `max` presses. */
export async function tabUntil(
  page: Page,
  target: FocusTarget,
  { backwards = false, max = 300 } = {},
): Promise<void> {
  for (let i = 0; i < max; i++) {
    const done = await page.evaluate((t) => {
      const el = document.activeElement;
      if (!el) return false;
      return (
        (t.id === undefined || el.id === t.id) &&
        (t.role === undefined || el.getAttribute('role') === t.role) &&
        (t.text === undefined || el.textContent?.trim() === t.text) &&
        (t.ariaLabel === undefined || el.getAttribute('aria-label') === t.ariaLabel)
      );
    }, target);
    if (done) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached ${JSON.stringify(target)} after ${max} key presses`);
}
