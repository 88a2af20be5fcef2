/**
 * The access contract: roles, accounts, sessions, memberships, invitations, share links and
 * API tokens as the HTTP API shows and accepts them (`/api/auth`, `/api/setup`,
 * `/api/workspaces/:id/members|invitations|share-links`, `/api/invitations/:token`,
 * `/api/share/:token`, `/api/account/tokens`, `/api/admin/…`). Shared by the server's routes
 * and the web client. The design is described in `docs/access.md`.
 */
import { z } from 'zod';
import { RecordId } from '../map/schema.ts';
import { PresenceColour } from '../presence.ts';

/**
 * Roles in a workspace, from most to least rights. Each includes the rights of those after it:
 * an owner manages the workspace and its members; a facilitator runs workshops (share links,
 * invitations up to facilitator); an editor changes maps and the process; a commenter reads
 * and comments; a viewer reads.
 */
export const WORKSPACE_ROLES = ['owner', 'facilitator', 'editor', 'commenter', 'viewer'] as const;
/** One of {@link WORKSPACE_ROLES}. */
export const WorkspaceRole = z.enum(WORKSPACE_ROLES);
/** See {@link WorkspaceRole}. */
export type WorkspaceRole = z.infer<typeof WorkspaceRole>;

/** True when `role` has at least the rights of `required` (owner ≥ … ≥ viewer). */
export function roleAtLeast(role: WorkspaceRole, required: WorkspaceRole): boolean {
  return WORKSPACE_ROLES.indexOf(role) <= WORKSPACE_ROLES.indexOf(required);
}

/**
 * True when a role may lead the camera of everyone on a map (present to all, bring everyone
 * to one's view): facilitators and owners. Others may still be followed by someone's choice.
 */
export function roleCanLead(role: WorkspaceRole): boolean {
  return roleAtLeast(role, 'facilitator');
}

/** True when a role may change documents (maps and the process); viewers and commenters may not. */
export function roleCanEdit(role: WorkspaceRole): boolean {
  return roleAtLeast(role, 'editor');
}

const Email = z
  .string({ error: 'must be a string' })
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ error: 'must be an e-mail address' }));

/**
 * A new password: at least 10 characters (NIST SP 800-63B §5.1.1.2 asks for 8 or more and
 * no composition rules; 10 is Digdir's recommendation for local accounts), at most 256.
 */
export const NewPassword = z
  .string({ error: 'must be a string' })
  .min(10, 'must be at least 10 characters')
  .max(256, 'must be at most 256 characters');

const PersonName = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters');

/** Body of POST /api/auth/login. */
export const LoginInput = z.strictObject({
  email: Email,
  password: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(256),
});

/** Body of POST /api/setup (the one-time first-start link creates the administrator). */
export const SetupInput = z.strictObject({
  setupToken: z.string().min(1).max(200),
  name: PersonName,
  email: Email,
  password: NewPassword,
});

/**
 * Body of POST /api/invitations/:token/accept when signing up through an invitation. A
 * signed-in account accepts with an empty body and keeps its account.
 */
export const AcceptInvitationInput = z.strictObject({
  name: PersonName,
  email: Email.optional().describe('Required for invitations by link; fixed for e-mail ones'),
  password: NewPassword,
});

/** Body of POST /api/share/:token/join (a workshop guest joins by share link). */
export const JoinShareLinkInput = z.strictObject({
  name: PersonName,
  passCode: z.string().max(64).optional(),
});

/** Languages the interface and the e-mails Helhet sends are written in (bokmål is the default). */
export const UI_LANGUAGES = ['nb', 'nn', 'en'] as const;
/** One of {@link UI_LANGUAGES}. */
export const UiLanguage = z.enum(UI_LANGUAGES);
/** See {@link UiLanguage}. */
export type UiLanguage = z.infer<typeof UiLanguage>;

/**
 * An account's own settings, the same on every device: the interface language and the
 * presence colour. Null means not chosen: the browser keeps its own choice.
 */
export const AccountPreferences = z.object({
  language: UiLanguage.nullable(),
  presenceColour: PresenceColour.nullable(),
});
/** See {@link AccountPreferences}. */
export type AccountPreferences = z.infer<typeof AccountPreferences>;

/**
 * Body of PATCH /api/account: the settings to change (null forgets a choice); what is left
 * out stays as it is.
 */
export const AccountPreferencesPatch = z
  .strictObject({
    language: UiLanguage.nullable().optional(),
    presenceColour: PresenceColour.nullable().optional(),
  })
  .refine((v) => v.language !== undefined || v.presenceColour !== undefined, {
    message: 'must change language or presenceColour',
  });
/** See {@link AccountPreferencesPatch}. */
export type AccountPreferencesPatch = z.infer<typeof AccountPreferencesPatch>;

/**
 * Who is signed in: an account (with its {@link AccountPreferences}), or a guest who joined
 * a workspace by share link (not an account: a guest's language and colour stay in the
 * browser).
 */
export const Principal = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user'),
    id: RecordId,
    name: z.string(),
    email: z.string(),
    admin: z.boolean(),
    ...AccountPreferences.shape,
  }),
  z.object({
    kind: z.literal('guest'),
    id: RecordId,
    name: z.string(),
    workspaceId: RecordId,
    role: WorkspaceRole,
  }),
]);
/** See {@link Principal}. */
export type Principal = z.infer<typeof Principal>;

/**
 * Response of GET /api/auth/me and POST /api/auth/login. `csrfToken` goes in the
 * `X-CSRF-Token` header of every cookie-authenticated write.
 */
export const SessionInfo = z.object({
  principal: Principal,
  csrfToken: z.string(),
  expiresAt: z.string(),
});
/** See {@link SessionInfo}. */
export type SessionInfo = z.infer<typeof SessionInfo>;

/** Response of GET /api/setup: whether the first administrator still has to be created. */
export const SetupState = z.object({ needed: z.boolean() });

/** A workspace member as the members page shows them. */
export const Member = z.object({
  userId: RecordId,
  name: z.string(),
  email: z.string(),
  role: WorkspaceRole,
  addedAt: z.string(),
});
/** See {@link Member}. */
export type Member = z.infer<typeof Member>;

/** Body of PATCH /api/workspaces/:id/members/:userId. */
export const MemberRoleInput = z.strictObject({ role: WorkspaceRole });

/**
 * What became of the e-mail that carries a link (an invitation to an address, a password
 * reset): `sent` when the mail server accepted it, `not-configured` when the installation has
 * no mail server (`HELHET_SMTP_URL`), `failed` when sending did not succeed. The link works in
 * every case; the person who made it copies it when it was not sent.
 */
export const MailDelivery = z.enum(['sent', 'not-configured', 'failed']);
/** See {@link MailDelivery}. */
export type MailDelivery = z.infer<typeof MailDelivery>;

const MailLanguage = UiLanguage.optional().describe(
  "The language of the e-mail: the sender's interface language (default nb)",
);

/** Body of POST /api/workspaces/:id/invitations: by e-mail, or (no e-mail) a link anyone may use once. */
export const InvitationInput = z.strictObject({
  role: WorkspaceRole,
  email: Email.optional(),
  expiresInDays: z.number().int().min(1).max(30).default(7),
  language: MailLanguage,
});

/** An invitation; `url` (with the secret) is only in the answer that creates it. */
export const Invitation = z.object({
  id: RecordId,
  role: WorkspaceRole,
  email: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
  url: z.string().optional(),
  delivery: MailDelivery.optional().describe(
    'Only in the answer that creates an invitation to an e-mail address: whether it was mailed',
  ),
});
/** See {@link Invitation}. */
export type Invitation = z.infer<typeof Invitation>;

/** What an invitation's landing page shows before accepting (GET /api/invitations/:token). */
export const InvitationPreview = z.object({
  workspaceName: z.string(),
  role: WorkspaceRole,
  email: z
    .string()
    .nullable()
    .describe('Set for invitations by e-mail: only that account may accept'),
});

/** Body of POST /api/workspaces/:id/share-links. */
export const ShareLinkInput = z.strictObject({
  label: z.string().trim().max(120).default(''),
  role: z.enum(['editor', 'commenter', 'viewer']),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  passCode: z.string().trim().min(4).max(64).optional(),
});

/** A share link; `url` (with the secret) is only in the answer that creates it. */
export const ShareLink = z.object({
  id: RecordId,
  label: z.string(),
  role: WorkspaceRole,
  expiresAt: z.string(),
  createdAt: z.string(),
  hasPassCode: z.boolean(),
  revokedAt: z.string().nullable(),
  guests: z.number().int(),
  url: z.string().optional(),
});
/** See {@link ShareLink}. */
export type ShareLink = z.infer<typeof ShareLink>;

/** What a share link's landing page shows before joining (GET /api/share/:token). */
export const ShareLinkPreview = z.object({
  workspaceName: z.string(),
  role: WorkspaceRole,
  needsPassCode: z.boolean(),
});

/** Body of POST /api/account/tokens. */
export const ApiTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(80),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});

/** A personal API token; `token` (the secret) is only in the answer that creates it. */
export const ApiToken = z.object({
  id: RecordId,
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  token: z.string().optional(),
});
/** See {@link ApiToken}. */
export type ApiToken = z.infer<typeof ApiToken>;

/** How a session was signed in. */
export const SignInMethod = z.enum(['password', 'oidc', 'setup', 'invitation', 'share-link']);
/** See {@link SignInMethod}. */
export type SignInMethod = z.infer<typeof SignInMethod>;

/**
 * One of the signed-in person's sessions (a browser where they are signed in), as the
 * account page lists them (GET /api/auth/sessions). `id` is opaque and not secret: it is
 * neither the session's token nor its hash.
 */
export const AccountSession = z.object({
  id: RecordId,
  createdAt: z.string(),
  lastUsedAt: z.string(),
  expiresAt: z.string(),
  /** Null for sessions made before the method was recorded. */
  method: SignInMethod.nullable(),
  /** Browser and operating system named from the user agent ("Chrome", "Windows"), if known. */
  browser: z.string().nullable(),
  system: z.string().nullable(),
  /** True for the session that made this request. */
  current: z.boolean(),
});
/** See {@link AccountSession}. */
export type AccountSession = z.infer<typeof AccountSession>;

/** Response of GET /api/auth/sessions: the most recently used first. */
export const AccountSessionList = z.object({ sessions: z.array(AccountSession) });
/** See {@link AccountSessionList}. */
export type AccountSessionList = z.infer<typeof AccountSessionList>;

/** An account as the administration pages show it. */
export const UserRecord = z.object({
  id: RecordId,
  name: z.string(),
  email: z.string(),
  admin: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
/** See {@link UserRecord}. */
export type UserRecord = z.infer<typeof UserRecord>;

/** Query of GET /api/admin/users: a search in names and e-mail addresses, and a page. */
export const AdminUserQuery = z.object({
  q: z.string().trim().max(254).default(''),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Response of GET /api/admin/users: one page of accounts and how many match in all. */
export const AdminUserPage = z.object({ users: z.array(UserRecord), total: z.number().int() });
/** See {@link AdminUserPage}. */
export type AdminUserPage = z.infer<typeof AdminUserPage>;

/**
 * Body of PATCH /api/admin/users/:id. `active: false` deactivates the account (ends its
 * sessions and closes its live connections); `admin` grants or revokes the instance
 * administrator role. The last active administrator can be neither deactivated nor demoted.
 */
export const AdminUserPatch = z
  .strictObject({ active: z.boolean().optional(), admin: z.boolean().optional() })
  .refine((v) => v.active !== undefined || v.admin !== undefined, {
    message: 'must change active or admin',
  });

/** Body of POST /api/admin/users/:id/reset-link (optional): the language of the e-mail. */
export const PasswordResetLinkInput = z.strictObject({ language: MailLanguage });

/**
 * Response of POST /api/admin/users/:id/reset-link: the link, shown only in this answer, and
 * whether it was also mailed to the person.
 */
export const PasswordResetLink = z.object({
  url: z.string(),
  expiresAt: z.string(),
  delivery: MailDelivery,
});
/** See {@link PasswordResetLink}. */
export type PasswordResetLink = z.infer<typeof PasswordResetLink>;

/** Body of POST /api/auth/reset: the token of an administrator-issued link and the new password. */
export const PasswordResetInput = z.strictObject({
  token: z.string().min(1).max(200),
  password: NewPassword,
});

/** Response of DELETE /api/admin/users/:id: what the erasure removed and what it kept. */
export const ErasureReport = z.object({
  deleted: z.object({
    sessions: z.number().int(),
    apiTokens: z.number().int(),
    memberships: z.number().int(),
    invitations: z.number().int(),
    resetLinks: z.number().int(),
    linkedIdentities: z.number().int(),
  }),
  /** Workspaces the person was the only owner of; the erasing administrator owns them now. */
  workspacesHandedOver: z.array(RecordId),
});
/** See {@link ErasureReport}. */
export type ErasureReport = z.infer<typeof ErasureReport>;

/** Filters of GET /api/admin/audit and /api/admin/audit.csv. */
export const AuditQuery = z.object({
  actor: z.string().trim().max(120).optional().describe('`user:<id>`, `guest:<id>`, or a user id'),
  action: z.string().trim().max(60).optional(),
  workspaceId: RecordId.optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Events at or after this time'),
  to: z.iso.datetime({ offset: true }).optional().describe('Events before this time'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
/** See {@link AuditQuery}. */
export type AuditQuery = z.infer<typeof AuditQuery>;

/** One audit event; `actorName` is the account's name now, or "deleted user". */
export const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  workspaceId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  address: z.string().nullable(),
});
/** See {@link AuditEvent}. */
export type AuditEvent = z.infer<typeof AuditEvent>;

/** Response of GET /api/admin/audit: one page of events, newest first. */
export const AuditPage = z.object({ events: z.array(AuditEvent), total: z.number().int() });
/** See {@link AuditPage}. */
export type AuditPage = z.infer<typeof AuditPage>;

/** Response of GET /api/admin/users/:id/export: everything Helhet keeps about one person. */
export const UserExport = z.object({
  exportedAt: z.string(),
  account: UserRecord.extend({ hasPassword: z.boolean(), ...AccountPreferences.shape }),
  memberships: z.array(
    z.object({
      workspaceId: RecordId,
      workspaceName: z.string(),
      role: WorkspaceRole,
      addedAt: z.string(),
    }),
  ),
  sessions: z.array(
    z.object({
      createdAt: z.string(),
      lastUsedAt: z.string(),
      expiresAt: z.string(),
      userAgent: z.string().nullable(),
    }),
  ),
  apiTokens: z.array(ApiToken.omit({ token: true }).extend({ revokedAt: z.string().nullable() })),
  /** The single sign-on identities linked to the account. */
  linkedIdentities: z.array(
    z.object({
      issuer: z.string(),
      subject: z.string(),
      providerId: z.string(),
      linkedAt: z.string(),
      lastSignInAt: z.string(),
    }),
  ),
  auditEvents: z.array(AuditEvent),
});
/** See {@link UserExport}. */
export type UserExport = z.infer<typeof UserExport>;
