// Sessions in the database, keyed by the SHA-256 of the id the cookie carries, so every process
// knows every session and a copy of the table logs nobody in.
import type { Kysely } from 'kysely';
import type { Database, UserRow } from './schema.ts';

export interface StoredSession {
  idHash: string;
  createdAt: string;
  lastSeenAt: string;
  user: UserRow;
}

export async function insertSession(db: Kysely<Database>, s: { idHash: string; userId: string; now: string }): Promise<void> {
  await db.insertInto('sessions').values({ id_hash: s.idHash, user_id: s.userId, created_at: s.now, last_seen_at: s.now }).execute();
}

export async function findSession(db: Kysely<Database>, idHash: string): Promise<StoredSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash', 'sessions.created_at as session_created_at', 'sessions.last_seen_at',
      'users.id', 'users.username', 'users.password_hash', 'users.role', 'users.disabled', 'users.created_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { id_hash, session_created_at, last_seen_at, ...user } = row;
  return { idHash: id_hash, createdAt: session_created_at, lastSeenAt: last_seen_at, user };
}

export async function touchSession(db: Kysely<Database>, idHash: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Logs a user out everywhere (disabled, or a new password). */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Removes sessions past either expiry; called now and then, as expired ones are refused anyway. */
export async function deleteExpiredSessions(db: Kysely<Database>, idleBefore: string, createdBefore: string): Promise<void> {
  await db.deleteFrom('sessions').where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', createdBefore)])).execute();
}
