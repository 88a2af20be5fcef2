import { describe, expect, it } from 'vitest';
import { formatExpiry, invitationMail, passwordResetMail } from './messages.ts';

const base = {
  inviterName: 'Kari Nordmann',
  workspaceName: 'Ungt utenforskap',
  role: 'facilitator' as const,
  url: 'https://helhet.kommune.no/invitation#token=abc',
  expiresAt: '2026-12-09T07:00:00.000Z',
};

describe('invitation e-mail', () => {
  it.each([
    [
      'nb',
      'Kari Nordmann har invitert deg til «Ungt utenforskap» i Helhet',
      'Kari Nordmann har invitert deg til arbeidsrommet «Ungt utenforskap» i Helhet som fasilitator.',
      'utløper 9. desember 2026 kl. 08:00 CET',
    ],
    [
      'nn',
      'Kari Nordmann har invitert deg til «Ungt utenforskap» i Helhet',
      'Kari Nordmann har invitert deg til arbeidsrommet «Ungt utenforskap» i Helhet som fasilitator.',
      'går ut 9. desember 2026 kl. 08:00 CET',
    ],
    [
      'en',
      'Kari Nordmann has invited you to “Ungt utenforskap” in Helhet',
      'Kari Nordmann has invited you to the workspace “Ungt utenforskap” in Helhet as facilitator.',
      'expires 9 December 2026 at 08:00 CET',
    ],
  ] as const)(
    'in %s says who, where, which role, the link and the expiry',
    (language, subject, sentence, expiry) => {
      const mail = invitationMail({ ...base, language });
      expect(mail.subject).toBe(subject);
      expect(mail.text).toContain(sentence);
      expect(mail.text).toContain(`\n${base.url}\n`);
      expect(mail.text).toContain(expiry);
    },
  );

  it('keeps line breaks people typed out of the subject (no header injection)', () => {
    const mail = invitationMail({
      ...base,
      language: 'nb',
      inviterName: 'Eve\r\nBcc: victim@example.no',
      workspaceName: 'Rom\nX-Evil: 1',
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toBe(
      'Eve Bcc: victim@example.no har invitert deg til «Rom X-Evil: 1» i Helhet',
    );
  });

  it('says "you are invited" when no account is named', () => {
    expect(invitationMail({ ...base, language: 'en', inviterName: null }).subject).toBe(
      'You are invited to “Ungt utenforskap” in Helhet',
    );
  });
});

describe('password reset e-mail', () => {
  it.each([
    ['nb', 'Lenke for nytt passord i Helhet', 'En administrator'],
    ['nn', 'Lenkje for nytt passord i Helhet', 'Ein administrator'],
    ['en', 'Link to set a new password in Helhet', 'An administrator'],
  ] as const)('in %s says an administrator made it, with the link', (language, subject, who) => {
    const mail = passwordResetMail({
      language,
      name: 'Per',
      url: 'https://helhet.kommune.no/reset#token=xyz',
      expiresAt: base.expiresAt,
    });
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(who);
    expect(mail.text).toContain('\nhttps://helhet.kommune.no/reset#token=xyz\n');
    expect(mail.text).toContain(formatExpiry(base.expiresAt, language));
  });
});
