/**
 * The administration routes (`/api/admin/…`) and the reset link's `POST /api/auth/reset`,
 * through the app's one API client (responses validated with the access contract).
 */
import { z } from 'zod';
import {
  AdminUserPage,
  AuditPage,
  ErasureReport,
  IdentityProviderList,
  IdentityProviderView,
  PasswordResetLink,
  UserRecord,
  type AuditQuery,
  type UiLanguage,
} from '@helhet/model';
import { request } from '../api/client.ts';

const user = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;
const IDPS = '/api/admin/identity-providers';
const idp = (id: string) => `${IDPS}/${encodeURIComponent(id)}`;
const json = (value: unknown) => JSON.stringify(value);

/** The audit filters a page sets (all optional). */
export type AuditFilters = Partial<Omit<AuditQuery, 'limit' | 'offset'>>;

/** The query string of `filters` (empty ones left out), for the list and the CSV alike. */
export function auditSearch(filters: AuditFilters, page?: { limit: number; offset: number }) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...page }))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

/** Where a person's data export downloads from (a plain GET with the session cookie). */
export function exportUrl(id: string): string {
  return `${user(id)}/export`;
}

/** Where the audit CSV of `filters` downloads from. */
export function auditCsvUrl(filters: AuditFilters): string {
  const search = auditSearch(filters);
  return `/api/admin/audit.csv${search ? `?${search}` : ''}`;
}

/** Calls of the administration pages. */
export const adminApi = {
  users: (q: string, limit: number, offset: number) =>
    request(
      AdminUserPage,
      `/api/admin/users?${new URLSearchParams({ q, limit: String(limit), offset: String(offset) })}`,
    ),
  setActive: (id: string, active: boolean) =>
    request(UserRecord, user(id), { method: 'PATCH', body: json({ active }) }),
  setAdmin: (id: string, admin: boolean) =>
    request(UserRecord, user(id), { method: 'PATCH', body: json({ admin }) }),
  erase: (id: string) => request(ErasureReport, user(id), { method: 'DELETE' }),
  /** Makes a reset link; with a mail server it is also mailed, in `language`. */
  resetLink: (id: string, language: UiLanguage) =>
    request(PasswordResetLink, `${user(id)}/reset-link`, {
      method: 'POST',
      body: json({ language }),
    }),
  audit: (filters: AuditFilters, limit: number, offset: number) =>
    request(AuditPage, `/api/admin/audit?${auditSearch(filters, { limit, offset })}`),
  identityProviders: () => request(IdentityProviderList, IDPS),
  /** `input`: the body of the form (the server validates it and names each problem). */
  addIdentityProvider: (input: Record<string, unknown>) =>
    request(IdentityProviderView, IDPS, { method: 'POST', body: json(input) }),
  changeIdentityProvider: (id: string, patch: Record<string, unknown>) =>
    request(IdentityProviderView, idp(id), { method: 'PATCH', body: json(patch) }),
  removeIdentityProvider: (id: string) => request(z.unknown(), idp(id), { method: 'DELETE' }),
  resetPassword: (token: string, password: string) =>
    request(
      z.unknown(),
      '/api/auth/reset',
      {
        method: 'POST',
        body: json({ token, password }),
      },
      { anonymousOk: true },
    ),
};
