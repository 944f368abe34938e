// The results of DESIGN §7 for one survey, optionally of one respondent group or one channel:
// read from the counts kept on write (never from the responses), turned into rates, intervals and
// bands by scoring/, with the accounting, a breakdown of the overall rate by group and channel,
// and the sample-size planner's figure beside them.
import type { Kysely } from 'kysely';
import { planSample, seedSatisfactionBands, surveyResults, toFixedString, type SamplePlan, type SurveyResults } from '../../scoring/index.ts';
import type { SurveyDefinition } from '../../surveys/index.ts';
import type { Database, SurveyRow } from '../db/schema.ts';
import { sumLevelCounts, readResponseCounts, type CountFilter, type LevelCountRow, type ResponseCountRow } from '../db/counts.ts';
import { tokenCounts } from '../db/tokens.ts';
import { paperIssued } from '../db/paper-issues.ts';
import { accountingOf, type Accounting, type IssuedFrom } from './accounting.ts';
import { countsWhere, itemCountsOf } from './item-counts.ts';

interface Breakdown {
  overall: SurveyResults['overall'];
  accounting: Accounting;
}

export interface ResultsView {
  survey: { id: string; slug: string; title: string; status: string; version: number };
  filter: { group: string | null; channel: string | null };
  method: SurveyDefinition['method'];
  /** The band table the overall rate's certainty is judged by (the seed's 附件1 table). */
  bands: { min: string; factor: string }[];
  accounting: Accounting;
  overall: SurveyResults['overall'];
  dimensions: SurveyResults['dimensions'];
  items: (SurveyResults['items'][number] & { unmatched?: number })[];
  groups: Record<string, Breakdown>;
  channels: Record<string, Breakdown>;
  /** Valid responses needed for ±5 points at 95 % (DESIGN §3), of the population set for the survey. */
  plan: SamplePlan & { population: number | null };
}

export async function resultsOf(db: Kysely<Database>, row: SurveyRow, def: SurveyDefinition, filter: CountFilter): Promise<ResultsView> {
  // What was issued is known for invitations and for paper forms entered as issued. Each is the
  // base of the rates only where every response counted could have come from it: no channel
  // filter, or its own channel.
  const tokensCount = filter.channel === undefined || filter.channel === 'token';
  const paperCount = filter.channel === undefined || filter.channel === 'paper';
  const overallDef = overallOnly(def);
  const [levels, cells, responses, tokens, paper] = await Promise.all([
    sumLevelCounts(db, row.id, filter),
    // The breakdowns need only the questions the overall rate is made of.
    sumLevelCounts(db, row.id, filter, { byCell: true, questions: overallDef.questions.flatMap((q) => (q.kind === 'likert' ? [q.id] : [])) }),
    readResponseCounts(db, row.id, filter),
    tokenCounts(db, row.id),
    paperIssued(db, row.id),
  ]);
  const issuedFrom = { tokens: tokensCount ? tokens.issued : 0, paper: paperCount ? paper : 0 };
  const accounting = accountingOf(responses, issuedFrom);
  const pooled = itemCountsOf(def, levels);
  const results = surveyResults(def, pooled.items, { bands: seedSatisfactionBands });
  return {
    survey: { id: row.id, slug: row.slug, title: def.title, status: row.status, version: row.current_version },
    filter: { group: filter.group ?? null, channel: filter.channel ?? null },
    method: def.method,
    bands: seedSatisfactionBands.map((b) => ({ min: toFixedString(b.min), factor: b.factor.toString() })),
    accounting,
    overall: results.overall,
    dimensions: results.dimensions,
    items: results.items.map((item) => (pooled.unmatched[item.id] ? { ...item, unmatched: pooled.unmatched[item.id]! } : item)),
    groups: breakdown(overallDef, cells, responses, 'respondent_group'),
    // A channel's own forms are the base of its rates: invitations for token, paper for paper.
    channels: breakdown(overallDef, cells, responses, 'channel', (channel) => ({ tokens: channel === 'token' ? tokens.issued : 0, paper: channel === 'paper' ? paper : 0 })),
    // N is what the evaluator says the survey samples, not what was issued: forms handed out are
    // a sample of the population, and a public link has no count at all.
    plan: { ...planSample(row.population === null ? {} : { population: row.population }), population: row.population },
  };
}

/** The overall rate and accounting of each group (or channel) within the filtered counts. */
function breakdown(
  overallDef: SurveyDefinition,
  cells: readonly LevelCountRow[],
  responses: readonly ResponseCountRow[],
  by: 'respondent_group' | 'channel',
  issuedFor: (key: string) => IssuedFrom = () => ({ tokens: 0, paper: 0 }),
): Record<string, Breakdown> {
  const keys = [...new Set(responses.map((r) => r[by]))].sort();
  return Object.fromEntries(
    keys.map((key) => [
      key,
      {
        overall: surveyResults(overallDef, countsWhere(overallDef, cells, (r) => r[by] === key)).overall,
        // Forms are not issued per group: a group's rates stay unknown.
        accounting: accountingOf(responses.filter((r) => r[by] === key), issuedFor(key)),
      },
    ]),
  );
}

// With an overall question, the overall rate needs only that question: the breakdowns skip the
// item and dimension arithmetic they do not show.
function overallOnly(def: SurveyDefinition): SurveyDefinition {
  const source = def.method.overall;
  if (!('question' in source)) return def;
  return { ...def, dimensions: [], questions: def.questions.filter((q) => q.id === source.question) };
}
