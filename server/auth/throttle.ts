// Failed-login throttling (DESIGN §9): after 5 failures for one username, or 30 from one client
// network, within 15 minutes, logins under that key answer 429 until the oldest failure leaves
// the window. Counted in the database, so every process applies the same limit.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { clearFailures, deleteFailuresBefore, failuresSince, recordFailure } from '../db/login-failures.ts';
import { normalizeUsername } from '../db/users.ts';

export const throttlePolicy = {
  windowMs: 15 * 60 * 1000,
  perUsername: 5,
  // Higher: many evaluators of one agency may share an office address.
  perNetwork: 30,
};

export interface ThrottleKeys {
  user: string;
  network: string | null;
}

export function throttleKeys(username: string, network: string | null): ThrottleKeys {
  return { user: `user:${normalizeUsername(username).slice(0, 200)}`, network: network ? `net:${network}` : null };
}

const all = (keys: ThrottleKeys) => (keys.network ? [keys.user, keys.network] : [keys.user]);

/** Seconds to wait when either key is over its limit, else null. */
export async function loginRetryAfter(db: Kysely<Database>, keys: ThrottleKeys, now: Date): Promise<number | null> {
  const since = new Date(now.getTime() - throttlePolicy.windowMs).toISOString();
  let wait = 0;
  const limits: [string | null, number][] = [[keys.user, throttlePolicy.perUsername], [keys.network, throttlePolicy.perNetwork]];
  for (const [key, limit] of limits) {
    if (!key) continue;
    const { count, earliest } = await failuresSince(db, key, since);
    if (count >= limit && earliest) {
      wait = Math.max(wait, Math.ceil((Date.parse(earliest) + throttlePolicy.windowMs - now.getTime()) / 1000));
    }
  }
  return wait > 0 ? wait : null;
}

export async function loginFailed(db: Kysely<Database>, keys: ThrottleKeys, now: Date): Promise<void> {
  await recordFailure(db, all(keys), now.toISOString());
  await deleteFailuresBefore(db, new Date(now.getTime() - throttlePolicy.windowMs).toISOString());
}

/** A successful login forgives its username's failures; the network's stay counted. */
export async function loginSucceeded(db: Kysely<Database>, keys: ThrottleKeys): Promise<void> {
  await clearFailures(db, keys.user);
}
