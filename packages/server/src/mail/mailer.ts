/**
 * Sending e-mail through the configured mail server (`HELHET_SMTP_URL`, `HELHET_MAIL_FROM`)
 * with nodemailer. E-mail is optional: without a mail server every link is only shown to
 * copy, and a send that fails never fails what it accompanies (the link still works).
 *
 * A send is awaited before the answer, so the answer can say whether the mail server took
 * the message (`sent`) and the person who made the link knows whether to copy it. The wait is
 * bounded: 10 s to connect, 10 s for the greeting, 15 s of silence, and {@link SEND_DEADLINE_MS}
 * for the whole exchange; past it the answer says `failed` (and the message may still arrive).
 *
 * What is logged of a failure is the kind of mail and nodemailer's error code and the
 * server's reply code, never the recipient, the message or the URL (which holds the password).
 */
import { createTransport } from 'nodemailer';
import type { MailDelivery } from '@helhet/model';
import type { HelhetConfig } from '../config.ts';
import type { MailText } from './messages.ts';

/** What a mail is for (a metric label and a log field). */
export type MailKind = 'invitation' | 'password-reset';

/** The longest a send may hold up an answer. */
export const SEND_DEADLINE_MS = 20_000;

/** A failure as the log may show it: codes only, no addresses or text. */
export interface MailFailure {
  mail: MailKind;
  /** nodemailer's error code (`ESOCKET`, `ETIMEDOUT`, `EAUTH`, `EENVELOPE`, …). */
  code: string;
  /** The mail server's SMTP reply code, when it answered one. */
  responseCode?: number;
}

/** What a {@link Mailer} reports to. */
export interface MailerHooks {
  /** Every send that was tried, with its outcome (metrics). */
  outcome?(kind: MailKind, outcome: 'sent' | 'failed'): void;
  /** A failed send (the log). */
  failed?(failure: MailFailure): void;
}

type Transport = ReturnType<typeof createTransport>;

/** Sends Helhet's e-mails, or says it cannot because no mail server is configured. */
export class Mailer {
  readonly #transport: Transport | null;
  readonly #from: string | null;
  readonly #hooks: MailerHooks;

  constructor(config: Pick<HelhetConfig, 'smtpUrl' | 'mailFrom'>, hooks: MailerHooks = {}) {
    this.#hooks = hooks;
    this.#from = config.mailFrom;
    this.#transport =
      config.smtpUrl === null
        ? null
        : createTransport({
            url: config.smtpUrl,
            connectionTimeout: 10_000,
            greetingTimeout: 10_000,
            socketTimeout: 15_000,
            // nodemailer logs nothing unless asked; keep it so (its debug output has addresses).
            logger: false,
          });
  }

  /** True when a mail server is configured. */
  get configured(): boolean {
    return this.#transport !== null;
  }

  /**
   * Sends the message `compose` writes to `to`; never throws. `compose` runs only when a mail
   * server is configured (it may look things up), and its failure is a failed send too.
   */
  async send(
    kind: MailKind,
    to: string,
    compose: () => MailText | Promise<MailText>,
  ): Promise<MailDelivery> {
    if (!this.#transport || !this.#from) return 'not-configured';
    let timer: NodeJS.Timeout | undefined;
    try {
      const message = await compose();
      await Promise.race([
        this.#transport.sendMail({
          from: this.#from,
          to,
          subject: message.subject,
          text: message.text,
        }),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(Object.assign(new Error('mail deadline passed'), { code: 'EDEADLINE' })),
            SEND_DEADLINE_MS,
          );
        }),
      ]);
      this.#hooks.outcome?.(kind, 'sent');
      return 'sent';
    } catch (error) {
      this.#hooks.outcome?.(kind, 'failed');
      this.#hooks.failed?.(failureOf(kind, error));
      return 'failed';
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the mail server connections. */
  close(): void {
    this.#transport?.close();
  }
}

/** The codes of a nodemailer error (its message may quote addresses, so it is left out). */
function failureOf(mail: MailKind, error: unknown): MailFailure {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return {
    mail,
    code: typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'UNKNOWN',
    ...(typeof responseCode === 'number' ? { responseCode } : {}),
  };
}
