// Failed logins, one row each under a throttling key, counted over a window. Shared through the
// database so that a client cannot escape the limit by landing on another process.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export async function recordFailure(db: Kysely<Database>, keys: string[], now: string): Promise<void> {
  if (keys.length === 0) return;
  await db.insertInto('login_failures').values(keys.map((key) => ({ id: randomUUID(), key, failed_at: now }))).execute();
}

/** How many failures each key has since `since`, and the earliest of them. */
export async function failuresSince(db: Kysely<Database>, key: string, since: string): Promise<{ count: number; earliest: string | null }> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('failed_at').as('earliest')])
    .where('key', '=', key)
    .where('failed_at', '>=', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), earliest: (row.earliest as string | null) ?? null };
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}

export async function deleteFailuresBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('failed_at', '<', before).execute();
}
