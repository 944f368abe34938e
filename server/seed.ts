// What a new database starts with: the first admin (DESIGN §6) and the open demo survey from the
// public template, so `npm start` on a fresh clone has something to answer and someone to log in.
import type { Kysely } from 'kysely';
import { templates } from '../surveys/templates/index.ts';
import type { Database } from './db/schema.ts';
import { countUsers, createUser } from './db/users.ts';
import { createSurvey, findSurveyBySlug } from './db/surveys.ts';
import { hashPassword, randomPassword } from './auth/passwords.ts';

export interface SeedResult {
  /** Present only when this call created the admin: the password is shown once, never stored. */
  admin?: { username: string; password: string; generated: boolean };
  demoCreated: boolean;
}

export async function seedNewDatabase(db: Kysely<Database>, opts: { adminPassword?: string | undefined; demo: boolean; now: string }): Promise<SeedResult> {
  const result: SeedResult = { demoCreated: false };
  if ((await countUsers(db)) === 0) {
    const password = opts.adminPassword ?? randomPassword();
    try {
      await createUser(db, { username: 'admin', passwordHash: await hashPassword(password), role: 'admin', now: opts.now });
      result.admin = { username: 'admin', password, generated: opts.adminPassword === undefined };
    } catch (error) {
      // Another process seeding the same database at the same moment made it first.
      if ((await countUsers(db)) === 0) throw error;
    }
  }
  if (opts.demo && !(await findSurveyBySlug(db, 'demo'))) {
    try {
      await createSurvey(db, { slug: 'demo', definition: { ...templates.public, slug: 'demo' }, status: 'open', now: opts.now });
      result.demoCreated = true;
    } catch (error) {
      if (!(await findSurveyBySlug(db, 'demo'))) throw error;
    }
  }
  return result;
}
