/**
 * A raw HTTP(S) request for tests that must set what `fetch` will not let them (`Host`,
 * `Origin`) or trust a test certificate, and see the answer's status, headers and body.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What {@link send} sends. */
export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** A body sent as it is (e.g. malformed JSON), instead of `body` as JSON. */
  raw?: string;
  /** Certificate authority to trust (a test's self-signed certificate). */
  ca?: string;
}

/** An answer: status, headers and the body as text (parsed as `json` when it is JSON). */
export interface SendAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: unknown;
}

/** Sends one request to `url` and reads the whole answer. */
export function send(url: string, options: SendOptions = {}): Promise<SendAnswer> {
  const target = new URL(url);
  const body =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...options.headers,
  };
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      { method: options.method ?? 'GET', headers, ...(options.ca ? { ca: options.ca } : {}) },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
