// Invitation tokens as the evaluator sees them: a token is used once a response carries it (the
// responses table's unique token column is the one record of that, so nothing here can drift).
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface TokenStatus {
  token: string;
  label: string | null;
  createdAt: string;
  /** When its response was submitted; null while unused. */
  usedAt: string | null;
}

export async function listTokens(db: Kysely<Database>, surveyId: string): Promise<TokenStatus[]> {
  const rows = await db
    .selectFrom('invitation_tokens')
    .leftJoin('responses', 'responses.token', 'invitation_tokens.token')
    .select(['invitation_tokens.token', 'invitation_tokens.label', 'invitation_tokens.created_at', 'responses.submitted_at'])
    .where('invitation_tokens.survey_id', '=', surveyId)
    .orderBy('invitation_tokens.created_at')
    .orderBy('invitation_tokens.position')
    .orderBy('invitation_tokens.token')
    .execute();
  return rows.map((r) => ({ token: r.token, label: r.label, createdAt: r.created_at, usedAt: r.submitted_at }));
}

/** Issued (发放) and used invitations, for the survey page and response accounting. */
export async function tokenCounts(db: Kysely<Database>, surveyId: string): Promise<{ issued: number; used: number }> {
  const row = await db
    .selectFrom('invitation_tokens')
    .leftJoin('responses', 'responses.token', 'invitation_tokens.token')
    .select((eb) => [eb.fn.count<number>('invitation_tokens.token').as('issued'), eb.fn.count<number>('responses.id').as('used')])
    .where('invitation_tokens.survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return { issued: Number(row.issued), used: Number(row.used) };
}
