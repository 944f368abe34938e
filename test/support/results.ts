// For results tests: a generated fieldwork (answers to the public template with every kind of
// case in it) and a recount of the results straight from the stored rows, apart from the counts
// the server keeps.
import { surveyResults, type ItemCounts } from '../../scoring/index.ts';
import type { SurveyDefinition } from '../../surveys/index.ts';
import type { TestApp } from './app.ts';

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/**
 * Answers to the public template: about 5 % ineligible (screener 否, nothing else), 不了解 on
 * some items, reasons given when an item is 不满意 (a follow-up shown only then), suggestions.
 */
export function generatedAnswers(rnd: () => number): Record<string, unknown> {
  if (rnd() < 0.05) return { contact: 'no' };
  const answers: Record<string, unknown> = {
    contact: 'yes',
    identity: pick(rnd, ['employee', 'manager', 'self-employed', 'job-seeker', 'retired', 'other']),
    town: pick(rnd, ['caomiaozi', 'wangtuan', 'qingshan', 'manshan', 'other']),
    q1: pick(rnd, [5, 5, 4, 4, 3, 2, 1]),
  };
  for (const q of ['q2', 'q3', 'q4', 'q5', 'q6', 'q7']) {
    const level = pick(rnd, [5, 5, 5, 4, 4, 4, 3, 2, 1, 0]);
    answers[q] = level;
    if ((level === 1 || level === 2) && rnd() < 0.7) answers[`${q}-why`] = pick(rnd, ['办事排队太久', '政策宣传不到位', '<script>alert(1)</script>', '=1+1']);
  }
  answers.overall = pick(rnd, [5, 5, 5, 4, 4, 3, 2, 0]);
  if (rnd() < 0.2) answers.suggestion = pick(rnd, ['希望简化申报流程', '加强政策宣传', '服务很好']);
  return answers;
}

export interface Recount {
  accounting: { received: number; valid: number; invalid: Record<string, number> };
  counts: Record<string, ItemCounts & { notApplicable: number }>;
}

/**
 * The figures from the stored rows alone: every response of the survey read and judged here
 * (eligible when the screener is not 否; excluded when the exclusions' latest word says so).
 */
export async function recount(t: TestApp, def: SurveyDefinition, surveyId: string, filter: { group?: string; channel?: string } = {}): Promise<Recount> {
  let q = t.db.selectFrom('responses').select(['id', 'respondent_group', 'channel', 'answers']).where('survey_id', '=', surveyId);
  if (filter.group) q = q.where('respondent_group', '=', filter.group);
  if (filter.channel) q = q.where('channel', '=', filter.channel);
  const rows = await q.execute();
  const history = await t.db.selectFrom('exclusions').select(['response_id', 'action', 'created_at']).where('survey_id', '=', surveyId).orderBy('created_at').execute();
  const excluded = new Set<string>();
  for (const h of history) {
    if (h.action === 'exclude') excluded.add(h.response_id);
    else excluded.delete(h.response_id);
  }
  const likert = def.questions.filter((x) => x.kind === 'likert');
  const counts: Recount['counts'] = Object.fromEntries(likert.map((x) => [x.id, { levels: {}, notApplicable: 0 }]));
  const accounting = { received: rows.length, valid: 0, invalid: {} as Record<string, number> };
  for (const r of rows) {
    const answers = JSON.parse(r.answers) as Record<string, number | string>;
    const reason = answers.contact === 'no' ? 'ineligible' : excluded.has(r.id) ? 'excluded' : null;
    if (reason) {
      accounting.invalid[reason] = (accounting.invalid[reason] ?? 0) + 1;
      continue;
    }
    accounting.valid += 1;
    for (const x of likert) {
      if (!(x.id in answers)) continue;
      const level = answers[x.id] as number;
      const c = counts[x.id]!;
      const na = x.kind === 'likert' && def.scales[x.scale]!.notApplicable?.code === level;
      if (na) c.notApplicable += 1;
      else (c.levels as Record<string, number>)[String(level)] = ((c.levels as Record<string, number>)[String(level)] ?? 0) + 1;
    }
  }
  return { accounting, counts };
}

/** An item's share rate by hand: satisfied ÷ answered, as a percentage, half-up to 2 places. */
export function shareRateByHand(c: ItemCounts, satisfied: readonly number[]): string | null {
  const levels = c.levels as Record<string, number>;
  const n = Object.values(levels).reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const yes = satisfied.reduce((a, code) => a + (levels[String(code)] ?? 0), 0);
  // Hundredths of a percent, half-up, in integers: ⌊(yes·10000·2 + n) / 2n⌋.
  const hundredths = Math.floor((yes * 20000 + n) / (2 * n));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** What scoring/ makes of the recount: the server's rates must be exactly these. */
export function ratesOfRecount(def: SurveyDefinition, r: Recount) {
  return surveyResults(def, r.counts);
}
