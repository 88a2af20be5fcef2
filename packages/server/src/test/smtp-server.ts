/**
 * A real SMTP server for the tests (`smtp-server`, in this process, on a random loopback
 * port): it asks for a user name and password, receives every message and parses it with
 * `mailparser`, so a test reads what a mail client would show.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** The account the test mail server accepts. */
export const SMTP_USER = { user: 'helhet', password: 'mail p@ss:word' };

/** A message as the test mail server received it. */
export interface ReceivedMail {
  /** The envelope's sender and recipients (what the SMTP session said). */
  envelope: { from: string; to: string[] };
  /** The From header as one address string, e.g. `"Helhet" <helhet@kommune.test>`. */
  from: string;
  to: string;
  subject: string;
  text: string;
  /** True when the message had an HTML part (Helhet sends plain text only). */
  hasHtml: boolean;
}

/** A running test mail server. */
export interface TestMailServer {
  /** `smtp://user:password@127.0.0.1:port`, the form `HELHET_SMTP_URL` takes. */
  url: string;
  /** Every message received so far, oldest first. */
  received: ReceivedMail[];
  /** Resolves with the next message not yet taken, or rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** Starts a mail server on a random loopback port. */
export async function startMailServer(): Promise<TestMailServer> {
  const received: ReceivedMail[] = [];
  let taken = 0;
  const waiting: (() => void)[] = [];
  const server = new SMTPServer({
    // Loopback only, so the password may cross without TLS (as a relay on the same host).
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER.user && auth.password === SMTP_USER.password)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid user name or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const envelopeFrom = session.envelope.mailFrom;
          received.push({
            envelope: {
              from: envelopeFrom ? envelopeFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            from: mail.from?.text ?? '',
            to: [mail.to ?? []]
              .flat()
              .map((a) => a.text)
              .join(', '),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            hasHtml: typeof mail.html === 'string',
          });
          for (const wake of waiting.splice(0)) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const credentials = `${encodeURIComponent(SMTP_USER.user)}:${encodeURIComponent(SMTP_USER.password)}`;
  return {
    url: `smtp://${credentials}@127.0.0.1:${port}`,
    received,
    async next(timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (received.length <= taken) {
        if (Date.now() > until) throw new Error('no e-mail arrived');
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return received[taken++]!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
