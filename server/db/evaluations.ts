// Evaluations (评价项目) and who belongs to them. An evaluator sees an evaluation, and everything
// in it, only as a member; an admin sees all.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, EvaluationRow, UserRow } from './schema.ts';

export interface NewEvaluation {
  name: string;
  unit: string;
  year: number;
  framework: string | null;
  createdBy: string;
  now: string;
}

/** Creates the evaluation with its creator as the first member, in one transaction. */
export async function createEvaluation(db: Kysely<Database>, e: NewEvaluation): Promise<string> {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('evaluations')
      .values({ id, name: e.name, unit: e.unit, year: e.year, framework: e.framework, created_by: e.createdBy, created_at: e.now })
      .execute();
    await trx.insertInto('evaluation_members').values({ evaluation_id: id, user_id: e.createdBy, added_at: e.now }).execute();
  });
  return id;
}

export async function findEvaluation(db: Kysely<Database>, id: string): Promise<EvaluationRow | undefined> {
  return db.selectFrom('evaluations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The evaluations a user may see: all for an admin, those they are a member of otherwise. */
export async function listEvaluations(db: Kysely<Database>, user: Pick<UserRow, 'id' | 'role'>): Promise<EvaluationRow[]> {
  return db
    .selectFrom('evaluations')
    .selectAll()
    .$if(user.role !== 'admin', (q) =>
      q.where('id', 'in', db.selectFrom('evaluation_members').select('evaluation_id').where('user_id', '=', user.id)),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function isMember(db: Kysely<Database>, evaluationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('evaluation_members')
    .select('user_id')
    .where('evaluation_id', '=', evaluationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listMembers(db: Kysely<Database>, evaluationId: string) {
  return db
    .selectFrom('evaluation_members')
    .innerJoin('users', 'users.id', 'evaluation_members.user_id')
    .select(['users.id', 'users.username', 'users.role', 'users.disabled', 'evaluation_members.added_at'])
    .where('evaluation_members.evaluation_id', '=', evaluationId)
    .orderBy('users.username')
    .execute();
}

/** Adds a member; adding one twice is not an error. */
export async function addMember(db: Kysely<Database>, evaluationId: string, userId: string, now: string): Promise<void> {
  await db
    .insertInto('evaluation_members')
    .values({ evaluation_id: evaluationId, user_id: userId, added_at: now })
    .onConflict((oc) => oc.columns(['evaluation_id', 'user_id']).doNothing())
    .execute();
}

/** Removes a member; true when they were one. */
export async function removeMember(db: Kysely<Database>, evaluationId: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('evaluation_members').where('evaluation_id', '=', evaluationId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function memberEvaluationIds(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('evaluation_members').select('evaluation_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.evaluation_id);
}
