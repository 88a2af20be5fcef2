/**
 * End-to-end harness: a real Helhet server on a random port with a fresh data directory,
 * and Debian's Chromium driven by playwright-core. Builds nothing: the web app must have
 * been built (`npm run build -w @helhet/web`) so the server can serve `packages/web/dist`.
 *
 * The server starts with an administrator (`HELHET_ADMIN_EMAIL`/`HELHET_ADMIN_PASSWORD`),
 * who owns the demo workspace, and `newPage` gives a signed-in page: the administrator's, or
 * for a named person (`newPage({ name: 'Kari' })`) an account of that name, made once through
 * an invitation to the demo workspace, so presence shows the names the journeys expect.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
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
  /** The first-start link while no account exists (a server started without an admin). */
  setupUrl: string | null;
  stop: () => Promise<void>;
}

/** The administrator every harness server starts with. */
export const ADMIN = { email: 'admin@helhet.test', password: 'e2e-admin-passord' } as const;
/** The password of every account the harness makes for a named person. */
export const PERSON_PASSWORD = 'e2e-person-passord';

/**
 * Starts a Helhet server on 127.0.0.1 with a random port over `dataDir`, with the
 * administrator {@link ADMIN} unless `withAdmin` is false (then it prints a setup link).
 */
export async function startServer(dataDir: string, withAdmin = true): Promise<RunningServer> {
  const { createHelhetServer, resolveConfig } = await import('@helhet/server');
  // Only the administrator from the environment: the journeys always use the embedded SQLite
  // in `dataDir`, whatever DATABASE_URL or REDIS_URL the shell has.
  const config = resolveConfig(
    { host: '127.0.0.1', port: 0, data: dataDir },
    withAdmin ? { HELHET_ADMIN_EMAIL: ADMIN.email, HELHET_ADMIN_PASSWORD: ADMIN.password } : {},
    { webDist: WEB_DIST },
  );
  const server = await createHelhetServer(config);
  const url = (await server.start()).replace(/\/$/, '');
  const setupUrl = (server as { setupUrl?: string | null }).setupUrl ?? null;
  return { url, setupUrl, stop: () => server.stop() };
}

/** A session made through the API: its cookie and CSRF token. */
export interface ApiSession {
  cookie: { name: string; value: string };
  csrfToken: string;
  /** `fetch` on the server with this session (cookie, CSRF token and Origin on writes). */
  fetch: (path: string, init?: RequestInit) => Promise<Response>;
}

/** The session cookie of a response that set one. */
function sessionCookie(response: Response): { name: string; value: string } {
  const header = response.headers.getSetCookie().find((c) => /helhet_session=/.test(c));
  if (!header) throw new Error(`no session cookie in the answer (HTTP ${response.status})`);
  const [pair] = header.split(';');
  const at = pair!.indexOf('=');
  return { name: pair!.slice(0, at).trim(), value: pair!.slice(at + 1).trim() };
}

/** A fetch on `base` with `cookie` and (on writes) the CSRF token and the page's Origin. */
function sessionFetch(base: string, cookie: { name: string; value: string }, csrfToken: string) {
  return (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', `${cookie.name}=${cookie.value}`);
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      headers.set('x-csrf-token', csrfToken);
      headers.set('origin', base);
      if (init.body !== undefined && !headers.has('content-type'))
        headers.set('content-type', 'application/json');
    }
    return fetch(base + path, { ...init, headers });
  };
}

/** Signs in through `POST /api/auth/login`; throws unless it succeeds. */
export async function signInByApi(base: string, email: string, password: string) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok)
    throw new Error(`sign-in of ${email} failed: HTTP ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = sessionCookie(response);
  return { cookie, csrfToken, fetch: sessionFetch(base, cookie, csrfToken) } satisfies ApiSession;
}

/** Accepts an invitation `url` (as the server made it) by signing up; the new account's session. */
export async function signUpByInvitation(
  base: string,
  url: string,
  person: { name: string; email: string; password: string },
): Promise<ApiSession> {
  const token = new URL(url, base).hash.replace(/^#token=/, '') || url.split('/').pop()!;
  const response = await fetch(`${base}/api/invitations/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(person),
  });
  if (!response.ok)
    throw new Error(
      `sign-up of ${person.email} failed: HTTP ${response.status} ${await response.text()}`,
    );
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = sessionCookie(response);
  return { cookie, csrfToken, fetch: sessionFetch(base, cookie, csrfToken) };
}

/** The demo workspace's id, read with `session`. */
export async function demoWorkspaceId(session: ApiSession): Promise<string> {
  const response = await session.fetch('/api/workspaces');
  const { workspaces } = (await response.json()) as { workspaces: { id: string; name: string }[] };
  const demo = workspaces.find((w) => w.name.startsWith('Partnerskap'));
  if (!demo) throw new Error('the demo workspace is missing');
  return demo.id;
}

/** The demo workspace's id and the id of its map "Ungt utenforskap", read as the administrator. */
export async function demoMapIds(h: Pick<Harness, 'api'>) {
  const workspaceId = await demoWorkspaceId({ fetch: h.api } as ApiSession);
  const { maps } = (await (await h.api(`/api/workspaces/${workspaceId}/maps`)).json()) as {
    maps: { id: string; title: string }[];
  };
  const map = maps.find((m) => m.title === 'Ungt utenforskap');
  if (!map) throw new Error('the demo map is missing');
  return { workspaceId, mapId: map.id };
}

/** Polls until the expectation holds; generous, as several browsers share two busy cores. */
export function eventually<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

/** Options of {@link Harness.newPage}. */
export interface NewPageOptions {
  /** Presence name; a name other than the default signs in as an account of that name. */
  name?: string;
  color?: string;
  language?: 'nb' | 'nn' | 'en';
  /** False: a page nobody is signed in on. Or a session to sign the page in with. */
  signedIn?: boolean | ApiSession;
  viewport?: { width: number; height: number };
}

/** A server, a browser and a data directory, torn down together. */
export interface Harness {
  server: RunningServer;
  browser: Browser;
  dataDir: string;
  /** Stops the server and starts a new one on the same data directory. */
  restartServer: () => Promise<RunningServer>;
  /** A fresh browser context (own storage), signed in unless asked otherwise. */
  newPage: (options?: NewPageOptions) => Promise<Page>;
  /** `fetch` on the server as the administrator (cookie, CSRF token and Origin on writes). */
  api: (path: string, init?: RequestInit) => Promise<Response>;
  /** An account named `name` (made once, an owner of the demo workspace), signed in anew. */
  person: (name: string) => Promise<ApiSession>;
  close: () => Promise<void>;
}

/** The default presence name of a page: the administrator's page. */
const DEFAULT_NAME = 'Testperson';

/** An e-mail address for a named test person. */
export function emailOf(name: string): string {
  const local = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return `${local || 'person'}@helhet.test`;
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
  let admin: ApiSession | null = null;
  const adminSession = async () =>
    (admin ??= await signInByApi(server.url, ADMIN.email, ADMIN.password));
  const people = new Set<string>();
  const person = async (name: string): Promise<ApiSession> => {
    const email = emailOf(name);
    if (!people.has(email)) {
      const asAdmin = await adminSession();
      const workspaceId = await demoWorkspaceId(asAdmin);
      const invited = await asAdmin.fetch(`/api/workspaces/${workspaceId}/invitations`, {
        method: 'POST',
        body: JSON.stringify({ role: 'owner', email }),
      });
      if (!invited.ok) throw new Error(`inviting ${email}: HTTP ${invited.status}`);
      const { url } = (await invited.json()) as { url: string };
      await signUpByInvitation(server.url, url, { name, email, password: PERSON_PASSWORD });
      people.add(email);
    }
    return signInByApi(server.url, email, PERSON_PASSWORD);
  };
  const harness: Harness = {
    get server() {
      return server;
    },
    browser,
    dataDir,
    restartServer: async () => {
      await server.stop();
      server = await startServer(dataDir);
      // Sessions live in the database and survive the restart; the port does not.
      admin = null;
      return server;
    },
    api: async (path, init) => (await adminSession()).fetch(path, init),
    person,
    newPage: async ({
      name = DEFAULT_NAME,
      color = '#0062ba',
      language = 'nb',
      signedIn = true,
      viewport = { width: 1400, height: 900 },
    } = {}) => {
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      const session =
        signedIn === false
          ? null
          : signedIn === true
            ? name === DEFAULT_NAME
              ? await signInByApi(server.url, ADMIN.email, ADMIN.password)
              : await person(name)
            : signedIn;
      if (session)
        await context.addCookies([
          { name: session.cookie.name, value: session.cookie.value, url: server.url },
        ]);
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

/** The canvas node of the element whose card shows `label`. */
export function elementNode(page: Page, label: string) {
  return page.locator('.react-flow__node').filter({ hasText: label });
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

/**
 * The serious and critical WCAG 2.1 A/AA violations axe finds on `page` (within `include`, a
 * selector, when given), each with its rule, help text and first targets: `[]` when clean.
 */
export async function seriousViolations(page: Page, include?: string) {
  // Colours are measured as drawn: a dialog or button still fading in would read as low
  // contrast, so finite transitions and animations end first (endless ones, spinners, stay).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}
