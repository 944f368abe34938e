// The rate a binding gives its satisfaction indicator, live: each bound survey's estimate from
// the counts kept on write (issue 5's level counts, read against the survey's current definition;
// exclusions move them), combined across surveys by scoring/, published, and turned into the
// indicator's input. Beside it, what each survey contributed and the chain head and results
// version it was read at, so a sheet says which responses its score came from.
import type { Kysely } from 'kysely';
import { combineGroups, rateView, satisfactionInput, surveyEstimates, type Estimate, type IndicatorInput, type RateView } from '../../scoring/index.ts';
import type { Database, SurveyRow } from '../db/schema.ts';
import { readLevelCounts } from '../db/counts.ts';
import { chainHead } from '../db/export-reads.ts';
import { findSurvey } from '../db/surveys.ts';
import { definitionAt } from '../results/definitions.ts';
import { itemCountsOf } from '../results/item-counts.ts';
import { resultsStamp } from '../results/stamp.ts';
import type { Binding } from './binding-schema.ts';

export interface BoundSurvey {
  surveyId: string;
  slug: string | null;
  title: string | null;
  weight: string | null;
  /** The survey's own rate of the bound metric, as published. */
  result: RateView | null;
  chain: { seq: number; hash: string };
  /** issue 5's results version (definition, chain head, exclusions, tokens) the figures are of. */
  resultsVersion: string;
}

export interface BoundRate {
  /** The combined rate, as published; null while no bound survey has answers. */
  result: RateView | null;
  /** The indicator's input from it (rate, n, ci95), or null. */
  input: IndicatorInput | null;
  surveys: BoundSurvey[];
  /** Why a survey gives nothing: gone, moved to another evaluation, no such dimension. */
  problems: { field: string; message: string }[];
}

const metricName = (metric: Binding['metric']) => (metric === 'overall' ? '总体满意度' : `维度 ${metric.dimension}`);

async function surveyEstimate(db: Kysely<Database>, survey: SurveyRow, metric: Binding['metric']): Promise<{ title: string | null; estimate: Estimate | null; problem?: string }> {
  const def = await definitionAt(db, survey.id, survey.current_version);
  if (!def) return { title: null, estimate: null, problem: '问卷定义无法读取' };
  const estimates = surveyEstimates(def, itemCountsOf(def, await readLevelCounts(db, survey.id)).items);
  if (metric === 'overall') return { title: def.title, estimate: estimates.overall };
  const dimension = estimates.dimensions.find((d) => d.id === metric.dimension);
  if (!dimension) return { title: def.title, estimate: null, problem: `问卷「${def.title}」没有维度 ${metric.dimension}` };
  return { title: def.title, estimate: dimension.estimate };
}

export async function boundRate(db: Kysely<Database>, evaluationId: string, binding: Binding): Promise<BoundRate> {
  const surveys: BoundSurvey[] = [];
  const problems: BoundRate['problems'] = [];
  const parts: { estimate: Estimate; weight?: string | number }[] = [];
  for (const [i, bound] of binding.surveys.entries()) {
    const survey = await findSurvey(db, bound.surveyId);
    if (!survey || survey.evaluation_id !== evaluationId) {
      problems.push({ field: `surveys.${i}.surveyId`, message: `no survey ${bound.surveyId} in this evaluation` });
      continue;
    }
    // Head and version first: the counts read after them cover at least what they name.
    const chain = (await chainHead(db, survey.id)) ?? { seq: 0, hash: '' };
    const resultsVersion = await resultsStamp(db, survey.id);
    const got = await surveyEstimate(db, survey, binding.metric);
    if (got.problem) problems.push({ field: binding.metric === 'overall' ? `surveys.${i}.surveyId` : 'metric.dimension', message: got.problem });
    if (got.estimate) parts.push({ estimate: got.estimate, ...(bound.weight === undefined ? {} : { weight: bound.weight }) });
    surveys.push({
      surveyId: survey.id,
      slug: survey.slug,
      title: got.title,
      weight: bound.weight === undefined ? null : String(bound.weight),
      result: got.estimate && rateView(got.estimate),
      chain,
      resultsVersion,
    });
  }
  let combined: Estimate | null = null;
  try {
    combined = combineGroups(parts, binding.combine);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    problems.push({ field: 'surveys', message: `${metricName(binding.metric)}：所绑定问卷的计分方法不同（满意率与满意度得分），不能合并` });
  }
  const result = combined && rateView(combined);
  return { result, input: result && satisfactionInput(result), surveys, problems };
}
