/**
 * The e-mails Helhet sends, in bokmål (default), nynorsk and English: an invitation to a
 * workspace and an administrator's password reset link. Plain text only, so names and
 * workspace names people typed can never become markup; the subject, a header, gets them
 * without line breaks or other control characters.
 */
import type { UiLanguage, WorkspaceRole } from '@helhet/model';

/** A message ready to send: its subject and plain-text body. */
export interface MailText {
  subject: string;
  text: string;
}

const ROLE_NAMES: Record<UiLanguage, Record<WorkspaceRole, string>> = {
  nb: {
    owner: 'eier',
    facilitator: 'fasilitator',
    editor: 'redigerer',
    commenter: 'kommentator',
    viewer: 'leser',
  },
  nn: {
    owner: 'eigar',
    facilitator: 'fasilitator',
    editor: 'redigerar',
    commenter: 'kommentator',
    viewer: 'lesar',
  },
  en: {
    owner: 'owner',
    facilitator: 'facilitator',
    editor: 'editor',
    commenter: 'commenter',
    viewer: 'viewer',
  },
};

const LOCALES: Record<UiLanguage, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/**
 * A point in time as people in Norway read it (Norwegian time, with the zone named), so the
 * expiry means the same whatever the server's own time zone is.
 */
export function formatExpiry(iso: string, language: UiLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Oslo',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** User text for a header or one line: control characters (line breaks) become spaces. */
function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex -- the point is to find control characters
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** What an invitation e-mail says. */
export interface InvitationMail {
  language: UiLanguage;
  /** The inviter's name; null when nobody is named (no account made it). */
  inviterName: string | null;
  workspaceName: string;
  role: WorkspaceRole;
  url: string;
  expiresAt: string;
}

/** The invitation e-mail: who invited them to which workspace with which role, the link, its expiry. */
export function invitationMail(mail: InvitationMail): MailText {
  const workspace = oneLine(mail.workspaceName);
  const role = ROLE_NAMES[mail.language][mail.role];
  const expires = formatExpiry(mail.expiresAt, mail.language);
  const inviter = mail.inviterName === null ? null : oneLine(mail.inviterName);
  switch (mail.language) {
    case 'nn':
      return {
        subject: `${inviter ? `${inviter} har invitert deg` : 'Du er invitert'} til «${workspace}» i Helhet`,
        text: lines(
          'Hei,',
          '',
          `${inviter ?? 'Nokon'} har invitert deg til arbeidsrommet «${workspace}» i Helhet som ${role}.`,
          '',
          'Opne lenkja for å bli med:',
          mail.url,
          '',
          `Lenkja verkar éin gong og går ut ${expires}.`,
          'Ventar du ikkje denne invitasjonen, kan du sjå bort frå e-posten.',
        ),
      };
    case 'en':
      return {
        subject: `${inviter ? `${inviter} has invited you` : 'You are invited'} to “${workspace}” in Helhet`,
        text: lines(
          'Hello,',
          '',
          `${inviter ?? 'Someone'} has invited you to the workspace “${workspace}” in Helhet as ${role}.`,
          '',
          'Open the link to join:',
          mail.url,
          '',
          `The link works once and expires ${expires}.`,
          'If you did not expect this invitation, you can ignore this e-mail.',
        ),
      };
    default:
      return {
        subject: `${inviter ? `${inviter} har invitert deg` : 'Du er invitert'} til «${workspace}» i Helhet`,
        text: lines(
          'Hei,',
          '',
          `${inviter ?? 'Noen'} har invitert deg til arbeidsrommet «${workspace}» i Helhet som ${role}.`,
          '',
          'Åpne lenken for å bli med:',
          mail.url,
          '',
          `Lenken virker én gang og utløper ${expires}.`,
          'Venter du ikke denne invitasjonen, kan du se bort fra e-posten.',
        ),
      };
  }
}

/** What a password reset e-mail says. */
export interface PasswordResetMail {
  language: UiLanguage;
  /** The account's name. */
  name: string;
  url: string;
  expiresAt: string;
}

/** The password reset e-mail: an administrator made it, the link, its expiry. */
export function passwordResetMail(mail: PasswordResetMail): MailText {
  const name = oneLine(mail.name);
  const expires = formatExpiry(mail.expiresAt, mail.language);
  switch (mail.language) {
    case 'nn':
      return {
        subject: 'Lenkje for nytt passord i Helhet',
        text: lines(
          `Hei ${name},`,
          '',
          'Ein administrator i Helhet har laga ei lenkje der du kan velje nytt passord.',
          '',
          mail.url,
          '',
          `Lenkja verkar éin gong og går ut ${expires}. Når du har valt nytt passord, blir du logga ut overalt.`,
          'Har du ikkje bede om nytt passord, så sei frå til administratoren.',
        ),
      };
    case 'en':
      return {
        subject: 'Link to set a new password in Helhet',
        text: lines(
          `Hello ${name},`,
          '',
          'An administrator of Helhet has made a link where you can choose a new password.',
          '',
          mail.url,
          '',
          `The link works once and expires ${expires}. Setting a new password signs you out everywhere.`,
          'If you did not ask for a new password, tell the administrator.',
        ),
      };
    default:
      return {
        subject: 'Lenke for nytt passord i Helhet',
        text: lines(
          `Hei ${name},`,
          '',
          'En administrator i Helhet har laget en lenke der du kan velge nytt passord.',
          '',
          mail.url,
          '',
          `Lenken virker én gang og utløper ${expires}. Når du har valgt nytt passord, blir du logget ut overalt.`,
          'Har du ikke bedt om nytt passord, si fra til administratoren.',
        ),
      };
  }
}

function lines(...text: string[]): string {
  return `${text.join('\n')}\n\n— Helhet\n`;
}
