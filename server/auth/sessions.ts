// Evaluator sessions (DESIGN §9): a new random id at every login, kept by the browser in an
// HttpOnly cookie and by the database only as a hash; refused after 2 hours idle or 12 hours in
// all, whichever comes first, and at once when the user is disabled.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../db/schema.ts';
import { deleteExpiredSessions, deleteSession, findSession, insertSession, touchSession } from '../db/sessions.ts';

export const SESSION_COOKIE = 'mny_session';

export const sessionPolicy = {
  idleMs: 2 * 60 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
  // last_seen_at is written at most this often: a write per request would make every page view
  // a database write, while idle expiry only needs minute precision.
  touchEveryMs: 60 * 1000,
};

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** Starts a session for the user and returns the id for the cookie (256 random bits). */
export async function startSession(db: Kysely<Database>, userId: string, now: Date): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await insertSession(db, { idHash: hashSessionId(id), userId, now: now.toISOString() });
  // Expired rows are refused anyway; clearing them at login keeps the table small.
  await deleteExpiredSessions(
    db,
    new Date(now.getTime() - sessionPolicy.idleMs).toISOString(),
    new Date(now.getTime() - sessionPolicy.absoluteMs).toISOString(),
  );
  return id;
}

/** The user of a live session, or null (unknown, expired, or the user disabled). */
export async function resolveSession(db: Kysely<Database>, id: string, now: Date): Promise<UserRow | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const session = await findSession(db, hashSessionId(id));
  if (!session) return null;
  const t = now.getTime();
  const idle = t - Date.parse(session.lastSeenAt);
  const age = t - Date.parse(session.createdAt);
  if (idle > sessionPolicy.idleMs || age > sessionPolicy.absoluteMs || Number(session.user.disabled) === 1) {
    await deleteSession(db, session.idHash);
    return null;
  }
  if (idle > sessionPolicy.touchEveryMs) await touchSession(db, session.idHash, now.toISOString());
  return session.user;
}

export async function endSession(db: Kysely<Database>, id: string): Promise<void> {
  await deleteSession(db, hashSessionId(id));
}
