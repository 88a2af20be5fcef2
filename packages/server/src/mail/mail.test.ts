/**
 * Invitations and password reset links by e-mail, through a real SMTP server the test starts
 * (`test/smtp-server.ts`): what arrives (recipient, sender, subject in the sender's language,
 * the exact link) and that the link in the mail works. A mail server that cannot be reached
 * never costs the invitation, and without one the answer says `not-configured`.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.ts';
import { createUser } from '../auth/users.ts';
import { createHelhetServer, resolveConfig, type HelhetServer } from '../index.ts';
import {
  api,
  createTestStorage,
  firstWorkspaceId,
  signIn,
  TEST_ADMIN,
  useTestServer,
  type TestStorage,
} from '../test/harness.ts';
import { SMTP_USER, startMailServer, type TestMailServer } from '../test/smtp-server.ts';

const MAIL_FROM = 'Helhet <helhet@kommune.test>';
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** The one link in a mail's text. */
function linkIn(text: string): string {
  const links = text.match(/https?:\/\/\S+/g) ?? [];
  expect(links).toHaveLength(1);
  return links[0]!;
}

/** The value of a counter line of `/metrics`, 0 when absent. */
async function mailCount(server: { url: string }, kind: string, outcome: string) {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`helhet_mails_total{kind="${kind}",outcome="${outcome}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

async function auditDetails(server: { url: string }, action: string) {
  const page = (await (await api(server, `/api/admin/audit?action=${action}`)).json()) as {
    events: { details: Record<string, unknown> }[];
  };
  return page.events[0]?.details;
}

describe('with a mail server', () => {
  const mail: { server?: TestMailServer } = {};
  const overrides: { smtpUrl?: string; mailFrom?: string } = { mailFrom: MAIL_FROM };
  beforeAll(async () => {
    mail.server = await startMailServer();
    overrides.smtpUrl = mail.server.url;
  });
  afterAll(() => mail.server?.close());
  const t = useTestServer({ overrides });
  const inbox = () => mail.server!;

  it('mails an invitation in the inviter’s language, and its link lets the person join', async () => {
    const workspaceId = await firstWorkspaceId(t.server);
    const workspace = (await (await t.api(`/api/workspaces/${workspaceId}`)).json()) as {
      name: string;
    };
    const answer = await t.api(
      `/api/workspaces/${workspaceId}/invitations`,
      json({ role: 'editor', email: 'Ola@Kommune.test', language: 'nn' }),
    );
    expect(answer.status).toBe(201);
    const invitation = (await answer.json()) as { url: string; delivery: string; email: string };
    expect(invitation).toMatchObject({ delivery: 'sent', email: 'ola@kommune.test' });

    const received = await inbox().next();
    expect(received.envelope).toEqual({ from: 'helhet@kommune.test', to: ['ola@kommune.test'] });
    expect(received.from).toBe('"Helhet" <helhet@kommune.test>');
    expect(received.to).toBe('ola@kommune.test');
    expect(received.subject).toBe(`admin har invitert deg til «${workspace.name}» i Helhet`);
    expect(received.text).toContain(`arbeidsrommet «${workspace.name}» i Helhet som redigerar`);
    expect(received.text).toContain('går ut');
    expect(received.hasHtml).toBe(false);
    expect(linkIn(received.text)).toBe(invitation.url);

    // Followed as the person would: the token in the mail's link opens and accepts it.
    const token = new URL(linkIn(received.text)).hash.replace('#token=', '');
    const preview = await fetch(`${t.server.url}/api/invitations/${token}`);
    expect(await preview.json()).toMatchObject({ email: 'ola@kommune.test', role: 'editor' });
    const accepted = await fetch(`${t.server.url}/api/invitations/${token}/accept`, {
      ...json({ name: 'Ola Nordmann', password: 'a-long-enough-password' }),
      headers: { 'content-type': 'application/json', origin: t.server.url },
    });
    expect(accepted.status).toBe(201);
    const { members } = (await (await t.api(`/api/workspaces/${workspaceId}/members`)).json()) as {
      members: { email: string; role: string }[];
    };
    expect(members).toContainEqual(
      expect.objectContaining({ email: 'ola@kommune.test', role: 'editor' }),
    );
    expect(await auditDetails(t.server, 'invitation-created')).toMatchObject({ delivery: 'sent' });
    expect(await mailCount(t.server, 'invitation', 'sent')).toBe(1);
  });

  it('writes bokmål when the request names no language, and mails nothing for a link invitation', async () => {
    const workspaceId = await firstWorkspaceId(t.server);
    const byMail = await t.api(
      `/api/workspaces/${workspaceId}/invitations`,
      json({ role: 'viewer', email: 'kari@kommune.test' }),
    );
    expect(((await byMail.json()) as { delivery: string }).delivery).toBe('sent');
    const received = await inbox().next();
    expect(received.subject).toMatch(/^admin har invitert deg til «.*» i Helhet$/);
    expect(received.text).toContain('som leser');
    expect(received.text).toContain('utløper');

    const before = inbox().received.length;
    const byLink = await t.api(
      `/api/workspaces/${workspaceId}/invitations`,
      json({ role: 'viewer', language: 'en' }),
    );
    const link = (await byLink.json()) as Record<string, unknown>;
    expect(link.url).toMatch(/\/invitation#token=/);
    expect(link).not.toHaveProperty('delivery');
    await new Promise((r) => setTimeout(r, 200));
    expect(inbox().received.length).toBe(before);
  });

  it('mails an administrator’s reset link to the account, and the link sets the password', async () => {
    const user = await createUser(t.server.database.db, {
      name: 'Kari Nordmann',
      email: 'kari.nordmann@kommune.test',
      passwordHash: await hashPassword('the-old-password'),
    });
    const answer = await t.api(`/api/admin/users/${user.id}/reset-link`, json({ language: 'en' }));
    expect(answer.status).toBe(201);
    const link = (await answer.json()) as { url: string; expiresAt: string; delivery: string };
    expect(link.delivery).toBe('sent');

    const received = await inbox().next();
    expect(received.envelope.to).toEqual(['kari.nordmann@kommune.test']);
    expect(received.subject).toBe('Link to set a new password in Helhet');
    expect(received.text).toContain('Hello Kari Nordmann,');
    expect(received.text).toContain('An administrator of Helhet');
    expect(received.text).toMatch(/expires \d{1,2} \w+ \d{4}/);
    expect(linkIn(received.text)).toBe(link.url);

    const token = new URL(linkIn(received.text)).hash.replace('#token=', '');
    const reset = await fetch(`${t.server.url}/api/auth/reset`, {
      ...json({ token, password: 'the-new-password' }),
      headers: { 'content-type': 'application/json', origin: t.server.url },
    });
    expect(reset.status).toBe(204);
    await expect(
      signIn(t.server, { email: 'kari.nordmann@kommune.test', password: 'the-new-password' }),
    ).resolves.toHaveProperty('csrfToken');
    expect(await auditDetails(t.server, 'password-reset-link-created')).toMatchObject({
      delivery: 'sent',
    });
    expect(await mailCount(t.server, 'password-reset', 'sent')).toBe(1);
  });
});

describe('with a mail server that cannot be reached', () => {
  let storage: TestStorage;
  let server: HelhetServer;
  const logs: string[] = [];
  beforeAll(async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    storage = createTestStorage();
    const password = encodeURIComponent(SMTP_USER.password);
    server = await createHelhetServer(
      resolveConfig(
        { port: 0 },
        {},
        {
          adminEmail: TEST_ADMIN.email,
          adminPassword: TEST_ADMIN.password,
          ...storage.overrides,
          smtpUrl: `smtp://helhet:${password}@127.0.0.1:${port}`,
          mailFrom: MAIL_FROM,
          logRequests: true,
        },
      ),
      {
        logStream: { write: (line: string) => logs.push(line) },
        invitationMailLimit: { points: 2, durationS: 3600, prefix: 'test-invitation-mail' },
      },
    );
    await server.start();
  });
  afterAll(async () => {
    await server?.stop();
    await storage?.dispose();
  });

  it('still makes the invitation, whose link works, and says the mail failed', async () => {
    const workspaceId = await firstWorkspaceId(server);
    const answer = await api(
      server,
      `/api/workspaces/${workspaceId}/invitations`,
      json({ role: 'editor', email: 'ola@kommune.test' }),
    );
    expect(answer.status).toBe(201);
    const invitation = (await answer.json()) as { url: string; delivery: string };
    expect(invitation.delivery).toBe('failed');
    const token = new URL(invitation.url).hash.replace('#token=', '');
    expect((await fetch(`${server.url}/api/invitations/${token}`)).status).toBe(200);
    expect(await auditDetails(server, 'invitation-created')).toMatchObject({ delivery: 'failed' });
    expect(await mailCount(server, 'invitation', 'failed')).toBe(1);

    const warning = logs.find((line) => line.includes('e-mail not sent'));
    expect(JSON.parse(warning!)).toMatchObject({ mail: 'invitation', code: 'ESOCKET' });
    const all = logs.join('\n');
    expect(all).not.toContain('ola@kommune.test');
    expect(all).not.toContain(token);
    expect(all).not.toContain(SMTP_USER.password);
    expect(all).not.toContain(encodeURIComponent(SMTP_USER.password));
  });

  it('limits the invitations one account has mailed, and makes none past the limit', async () => {
    const workspaceId = await firstWorkspaceId(server);
    const invite = (body: object) =>
      api(server, `/api/workspaces/${workspaceId}/invitations`, json({ role: 'viewer', ...body }));
    // The first test spent one of the two; this is the second.
    expect((await invite({ email: 'kari@kommune.test' })).status).toBe(201);
    const refused = await invite({ email: 'per@kommune.test' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate-limited' } });
    const pending = (await (
      await api(server, `/api/workspaces/${workspaceId}/invitations`)
    ).json()) as {
      invitations: { email: string | null }[];
    };
    expect(pending.invitations.map((i) => i.email)).not.toContain('per@kommune.test');
    // An invitation by link mails nothing, so it is not counted.
    expect((await invite({})).status).toBe(201);
  });

  it('still makes the reset link and says the mail failed', async () => {
    const user = await createUser(server.database.db, {
      name: 'Per',
      email: 'per@kommune.test',
      passwordHash: null,
    });
    const answer = await api(server, `/api/admin/users/${user.id}/reset-link`, { method: 'POST' });
    expect(answer.status).toBe(201);
    expect(await answer.json()).toMatchObject({ delivery: 'failed' });
  });
});

describe('without a mail server', () => {
  const t = useTestServer();

  it('answers not-configured for invitations by e-mail and for reset links', async () => {
    const workspaceId = await firstWorkspaceId(t.server);
    const invitation = await t.api(
      `/api/workspaces/${workspaceId}/invitations`,
      json({ role: 'editor', email: 'ola@kommune.test' }),
    );
    expect(invitation.status).toBe(201);
    expect(await invitation.json()).toMatchObject({ delivery: 'not-configured' });
    const user = await createUser(t.server.database.db, {
      name: 'Per',
      email: 'per@kommune.test',
      passwordHash: null,
    });
    const reset = await t.api(`/api/admin/users/${user.id}/reset-link`, { method: 'POST' });
    expect(reset.status).toBe(201);
    expect(await reset.json()).toMatchObject({ delivery: 'not-configured' });
    expect(await mailCount(t.server, 'invitation', 'failed')).toBe(0);
  });
});
