import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, UserRow, UsersTable } from './schema.ts';

export type Role = UsersTable['role'];

/**
 * The form a username is stored and looked up in: NFKC (full-width letters from a Chinese
 * keyboard become ASCII) and lower case, so `Admin` and `ａｄｍｉｎ` are one account.
 */
export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

export async function createUser(
  db: Kysely<Database>,
  user: { username: string; passwordHash: string; role: Role; now: string },
): Promise<string> {
  const id = randomUUID();
  await db.insertInto('users').values({ id, username: normalizeUsername(user.username), password_hash: user.passwordHash, role: user.role, created_at: user.now }).execute();
  return id;
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', normalizeUsername(username)).executeTakeFirst();
}

export async function findUser(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

/** Changes a user's fields; true when the user exists. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  change: { disabled?: boolean; role?: Role; passwordHash?: string },
): Promise<boolean> {
  const set: Partial<{ disabled: number; role: Role; password_hash: string }> = {};
  if (change.disabled !== undefined) set.disabled = change.disabled ? 1 : 0;
  if (change.role !== undefined) set.role = change.role;
  if (change.passwordHash !== undefined) set.password_hash = change.passwordHash;
  if (Object.keys(set).length === 0) return (await findUser(db, id)) !== undefined;
  const result = await db.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The user as the API shows it: never the password hash. */
export function publicUser(row: UserRow) {
  return { id: row.id, username: row.username, role: row.role, disabled: Number(row.disabled) === 1, createdAt: row.created_at };
}
