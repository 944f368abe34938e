import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, UsersTable } from './schema.ts';

export async function createUser(
  db: Kysely<Database>,
  user: { username: string; passwordHash: string; role: UsersTable['role']; now: string },
): Promise<string> {
  const id = randomUUID();
  await db.insertInto('users').values({ id, username: user.username, password_hash: user.passwordHash, role: user.role, created_at: user.now }).execute();
  return id;
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
