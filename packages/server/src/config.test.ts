import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_HOST,
  DEFAULT_PORT,
  isLoopbackHost,
  logRequestsByDefault,
  resolveConfig,
  servedOverHttps,
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
    'refuses plain HTTP on %s unless forced',
    (host) => {
      expect(() => resolveConfig({ host }, {})).toThrow(ConfigError);
      expect(() => resolveConfig({ host }, {})).toThrow(/Refusing to serve plain HTTP on/);
      expect(() => resolveConfig({}, { HELHET_HOST: host })).toThrow(/--insecure-http/);
      // An http:// public URL is not HTTPS either.
      expect(() => resolveConfig({ host, publicUrl: 'http://helhet.example.no' }, {})).toThrow(
        ConfigError,
      );
      expect(resolveConfig({ host, insecureHttp: true }, {})).toMatchObject({
        host,
        insecureHttp: true,
      });
      expect(resolveConfig({}, { HELHET_HOST: host, HELHET_INSECURE_HTTP: '1' }).host).toBe(host);
    },
  );

  it('accepts a network address served over HTTPS: own TLS or an https public URL', () => {
    expect(
      resolveConfig({ host: '0.0.0.0', tlsCert: '/etc/helhet/cert.pem', tlsKey: '/k.pem' }, {}),
    ).toMatchObject({ tlsCert: '/etc/helhet/cert.pem', tlsKey: '/k.pem', insecureHttp: false });
    const behindProxy = resolveConfig(
      {},
      {
        HELHET_HOST: '10.0.0.5',
        HELHET_PUBLIC_URL: 'https://Helhet.Example.no/',
        HELHET_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,uniquelocal',
      },
    );
    expect(behindProxy).toMatchObject({
      publicUrl: 'https://helhet.example.no',
      trustProxy: ['10.0.0.1', '10.1.0.0/16', 'uniquelocal'],
    });
  });

  it('wants both TLS files or neither', () => {
    expect(() => resolveConfig({ tlsCert: '/c.pem' }, {})).toThrow(
      /tlsKey: --tls-cert and --tls-key/,
    );
    expect(() => resolveConfig({}, { HELHET_TLS_KEY: '/k.pem' })).toThrow(/tlsCert/);
  });

  it.each([
    ['ftp://helhet.example.no', /must start with https/],
    ['helhet.example.no', /must be a URL/],
    ['https://helhet.example.no/helhet', /without a path/],
    ['https://user:pw@helhet.example.no', /user name or password/],
  ])('refuses the public URL %s', (publicUrl, message) => {
    expect(() => resolveConfig({ publicUrl }, {})).toThrow(message);
  });

  it.each(['everyone', '10.0.0.0/33', '300.1.1.1', '10.0.0.1/8/9'])(
    'refuses the trusted proxy entry %s',
    (entry) => {
      expect(() => resolveConfig({}, { HELHET_TRUST_PROXY: entry })).toThrow(/trustProxy/);
    },
  );

  it('reads the metrics token and refuses a short one', () => {
    const token = 'a-long-random-metrics-token';
    expect(resolveConfig({}, { HELHET_METRICS_TOKEN: token }).metricsToken).toBe(token);
    expect(() => resolveConfig({}, { HELHET_METRICS_TOKEN: 'short' })).toThrow(/metricsToken/);
  });

  it('reads the mail server and sender, and names the variable of a bad one without its password', () => {
    const mail = {
      HELHET_SMTP_URL: 'smtps://helhet:s3cret%40pass@smtp.kommune.no:465',
      HELHET_MAIL_FROM: 'Helhet <helhet@kommune.no>',
    };
    expect(resolveConfig({}, mail)).toMatchObject({
      smtpUrl: mail.HELHET_SMTP_URL,
      mailFrom: 'Helhet <helhet@kommune.no>',
    });
    expect(resolveConfig({}, {})).toMatchObject({ smtpUrl: null, mailFrom: null });
    expect(resolveConfig({}, { ...mail, HELHET_MAIL_FROM: 'helhet@kommune.no' }).mailFrom).toBe(
      'helhet@kommune.no',
    );
    for (const bad of ['http://u:s3cret@smtp.kommune.no', 'smtp.kommune.no:587', 'smtp://']) {
      const refused = (() => {
        try {
          resolveConfig({}, { ...mail, HELHET_SMTP_URL: bad });
        } catch (error) {
          return error as Error;
        }
      })();
      expect(refused).toBeInstanceOf(ConfigError);
      expect(refused?.message).toMatch(/smtpUrl: HELHET_SMTP_URL must be a URL such as smtp:/);
      expect(refused?.message).not.toContain('s3cret');
    }
    expect(() => resolveConfig({}, { HELHET_SMTP_URL: mail.HELHET_SMTP_URL })).toThrow(
      /HELHET_SMTP_URL needs HELHET_MAIL_FROM/,
    );
    for (const bad of ['Helhet', 'Helhet <not an address>', 'a@b.no\r\nBcc: x@y.no'])
      expect(() => resolveConfig({}, { ...mail, HELHET_MAIL_FROM: bad })).toThrow(
        /mailFrom: HELHET_MAIL_FROM must be an e-mail address/,
      );
  });

  it('reads HELHET_SECRET_KEY (32 bytes, base64 or hex) and names it when it is not one', () => {
    const key = Buffer.alloc(32, 3);
    for (const text of [key.toString('base64'), key.toString('hex')])
      expect(resolveConfig({}, { HELHET_SECRET_KEY: text }).secretKey).toBe(text);
    expect(resolveConfig({}, {}).secretKey).toBeNull();
    for (const bad of [Buffer.alloc(16).toString('base64'), 'hunter2'])
      expect(() => resolveConfig({}, { HELHET_SECRET_KEY: bad })).toThrow(
        /HELHET_SECRET_KEY must be 32 random bytes/,
      );
  });

  it('refuses an unknown HELHET_LOG', () => {
    expect(() => resolveConfig({}, { HELHET_LOG: 'yaml' })).toThrow(
      /HELHET_LOG: must be json or off/,
    );
  });

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

describe('servedOverHttps (Secure cookies)', () => {
  it('is true with own TLS or an https public URL, false otherwise', () => {
    expect(servedOverHttps({ tlsCert: null, publicUrl: null })).toBe(false);
    expect(servedOverHttps({ tlsCert: null, publicUrl: 'http://helhet.lan' })).toBe(false);
    expect(servedOverHttps({ tlsCert: null, publicUrl: 'https://helhet.example.no' })).toBe(true);
    expect(servedOverHttps({ tlsCert: '/c.pem', publicUrl: null })).toBe(true);
    expect(servedOverHttps(resolveConfig({ publicUrl: 'HTTPS://helhet.example.no' }, {}))).toBe(
      true,
    );
  });
});

describe('logRequestsByDefault', () => {
  it('logs when stdout is not a terminal, and HELHET_LOG decides when set', () => {
    expect(logRequestsByDefault({}, true)).toBe(false);
    expect(logRequestsByDefault({}, false)).toBe(true);
    expect(logRequestsByDefault({ HELHET_LOG: 'json' }, true)).toBe(true);
    expect(logRequestsByDefault({ HELHET_LOG: 'off' }, false)).toBe(false);
  });
});
