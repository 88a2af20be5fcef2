import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage, startServer, type TestStorage } from './test/harness.ts';
import type { HelhetServer } from './index.ts';

let storage: TestStorage;
let dist: string;
let built: HelhetServer;
let unbuilt: HelhetServer;

beforeAll(async () => {
  storage = createTestStorage();
  dist = mkdtempSync(join(tmpdir(), 'helhet-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>Helhet</title><div id="root"></div>',
  );
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  built = await startServer(storage, { webDist: dist });
  unbuilt = await startServer(storage, { webDist: join(dist, 'missing') });
});

afterAll(async () => {
  await built.stop();
  await unbuilt.stop();
  await storage.dispose();
  rmSync(dist, { recursive: true, force: true });
});

describe('web app', () => {
  it('serves index.html at / and for client routes, with the security headers', async () => {
    for (const path of ['/', '/arbeidsomrade/w1', '/kart/m123?x=1']) {
      const response = await fetch(`${built.url}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('serves the app for an address that cannot be decoded, and a JSON 404 for such an API path', async () => {
    const page = await fetch(`${built.url}/maps/%zz`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const api = await fetch(`${built.url}/api/maps/%zz`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { message: string } }).error.message).toMatch(
      /No route/,
    );
  });

  it('serves assets, and 404 for a missing asset or API route', async () => {
    const asset = await fetch(`${built.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${built.url}/assets/missing.js`)).status).toBe(404);
    const api = await fetch(`${built.url}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { message: string } }).error.message).toMatch(
      /No route/,
    );
  });

  it('tells to run the build when the web app is missing', async () => {
    const response = await fetch(`${unbuilt.url}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
    expect((await fetch(`${unbuilt.url}/api/health`)).status).toBe(200);
  });
});
