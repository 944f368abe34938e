import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * The value of a setting, created on first use. Insert-if-absent then read back, so two processes
 * starting at once on one database end up with the same value.
 */
export async function ensureSetting(db: Kysely<Database>, key: string, make: () => string): Promise<string> {
  await db.insertInto('settings').values({ key, value: make() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}

/** The secret that signs cookies; shared through the database by every process. */
export function signingSecret(db: Kysely<Database>): Promise<string> {
  return ensureSetting(db, 'signing_secret', () => randomBytes(32).toString('base64url'));
}
