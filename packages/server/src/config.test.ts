import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_HOST,
  DEFAULT_PORT,
  isLoopbackHost,
  resolveConfig,
} from './config.ts';

describe('resolveConfig', () => {
  it('defaults to 127.0.0.1:4321 and ./data', () => {
    const config = resolveConfig({}, {});
    expect(config).toMatchObject({ host: DEFAULT_HOST, port: DEFAULT_PORT, databaseUrl: null });
    expect(config.dataDir).toBe(`${process.cwd()}/data`);
  });

  it('lets flags win over environment variables', () => {
    const env = { HELHET_HOST: 'localhost', HELHET_PORT: '5000', HELHET_DATA: '/tmp/a' };
    expect(resolveConfig({}, env)).toMatchObject({
      host: 'localhost',
      port: 5000,
      dataDir: '/tmp/a',
    });
    expect(resolveConfig({ host: '::1', port: '6000', data: '/tmp/b' }, env)).toMatchObject({
      host: '::1',
      port: 6000,
      dataDir: '/tmp/b',
    });
  });

  it('reads DATABASE_URL and REDIS_URL', () => {
    const config = resolveConfig(
      {},
      { DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379' },
    );
    expect(config).toMatchObject({ databaseUrl: 'postgres://u@h/db', redisUrl: 'redis://h:6379' });
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', 'example.org', '10.0.0.1'])(
    'refuses to listen on %s until authentication exists',
    (host) => {
      expect(() => resolveConfig({ host }, {})).toThrow(ConfigError);
      expect(() => resolveConfig({ host }, {})).toThrow(/no user authentication yet/);
      expect(() => resolveConfig({}, { HELHET_HOST: host })).toThrow(ConfigError);
    },
  );

  it('names the option of an invalid value', () => {
    expect(() => resolveConfig({ port: '70000' }, {})).toThrow(/port: must be between 0 and 65535/);
    expect(() => resolveConfig({ port: 'abc' }, {})).toThrow(/port/);
    expect(() => resolveConfig({}, { DATABASE_URL: 'mysql://x' })).toThrow(/databaseUrl/);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['128.0.0.1', false],
    ['localhost.evil.example', false],
    ['', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
