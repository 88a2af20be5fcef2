/**
 * `helhet users create --email E [--name N] [--admin] --password-stdin` and
 * `helhet users list`: manage accounts directly in the database, with the same `--data` and
 * `DATABASE_URL` as `helhet serve` (for the first administrator of an automated install,
 * or when nobody can sign in any more). The password is read from standard input so it
 * never appears in the shell history or the process list.
 */
import type { Command } from 'commander';
import { NewPassword } from '@helhet/model';
import {
  ConfigError,
  countUsers,
  createFirstAdmin,
  createUser,
  findUserByEmail,
  hashPassword,
  listUsers,
  openDatabase,
  resolveConfig,
  toUserRecord,
  type ConfigFlags,
} from '@helhet/server';
import type { RegisterCommand } from './index.ts';

/** Options of `helhet users create`. */
export interface CreateUserOptions {
  email: string;
  name?: string;
  admin?: boolean;
  passwordStdin?: boolean;
  data?: string;
}

async function readStdin(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function withDatabase<T>(
  flags: ConfigFlags,
  run: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = resolveConfig(flags, process.env);
  const database = await openDatabase(config);
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

/** Runs `helhet users create`; returns the process exit code. */
export async function runCreateUser(
  options: CreateUserOptions,
  input: NodeJS.ReadableStream,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  if (!options.passwordStdin) {
    err.write('Give the password on standard input with --password-stdin\n');
    return 2;
  }
  const password = await readStdin(input);
  const checked = NewPassword.safeParse(password);
  if (!checked.success) {
    err.write(`password: ${checked.error.issues[0]?.message ?? 'invalid'}\n`);
    return 2;
  }
  const email = options.email.trim().toLowerCase();
  return withDatabase({ data: options.data }, async ({ db }) => {
    if (await findUserByEmail(db, email)) {
      err.write(`An account with e-mail ${email} exists already\n`);
      return 1;
    }
    const name = options.name?.trim() || (email.split('@')[0] ?? email);
    // The first administrator owns the workspaces that exist, as through the setup link.
    const user =
      options.admin && (await countUsers(db)) === 0
        ? await createFirstAdmin(db, { email, name, password: checked.data })
        : await createUser(db, {
            email,
            name,
            passwordHash: await hashPassword(checked.data),
            admin: options.admin ?? false,
          });
    out.write(
      `Created ${user.admin === 1 ? 'administrator' : 'account'} ${user.email} (${user.id})\n`,
    );
    return 0;
  });
}

/** Runs `helhet users list`: one account a line (tab-separated). */
export async function runListUsers(
  options: { data?: string },
  out: NodeJS.WritableStream,
): Promise<void> {
  await withDatabase({ data: options.data }, async ({ db }) => {
    for (const row of await listUsers(db)) {
      const u = toUserRecord(row);
      out.write(
        [u.id, u.email, u.name, u.admin ? 'admin' : 'user', u.active ? 'active' : 'inactive'].join(
          '\t',
        ) + '\n',
      );
    }
  });
}

function fail(error: unknown): void {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 2;
    return;
  }
  throw error;
}

/** Registers `helhet users`. */
export const registerUsers: RegisterCommand = (program: Command) => {
  const users = program
    .command('users')
    .description('Manage accounts in the database (the same --data and DATABASE_URL as serve)');
  users
    .command('create')
    .description('Create an account; the password is read from standard input')
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .option('--name <name>', 'name shown to others (default: the part before @)')
    .option('--admin', 'make it an instance administrator')
    .option('--password-stdin', 'read the password from standard input')
    .option('--data <dir>', 'folder of the embedded database (HELHET_DATA, default ./data)')
    .action(async (options: CreateUserOptions) => {
      try {
        process.exitCode = await runCreateUser(
          options,
          process.stdin,
          process.stdout,
          process.stderr,
        );
      } catch (error) {
        fail(error);
      }
    });
  users
    .command('list')
    .description('List accounts: id, e-mail, name, role, state')
    .option('--data <dir>', 'folder of the embedded database (HELHET_DATA, default ./data)')
    .action(async (options: { data?: string }) => {
      try {
        await runListUsers(options, process.stdout);
      } catch (error) {
        fail(error);
      }
    });
};
