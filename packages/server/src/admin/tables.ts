/** Row types of the administration tables (migration `0007_admin`, `admin/migration.ts`). */

/** A one-time password reset link an administrator issued; only the token's hash is kept. */
export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_by: string | null;
  created_at: string;
  /** One hour after it was made. */
  expires_at: string;
}

/** The administration tables, part of the database type. */
export interface AdminTables {
  password_resets: PasswordResetsTable;
}
