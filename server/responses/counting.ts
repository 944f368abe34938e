// What one response adds to a survey's counts, decided once from its validated answers and the
// definition version it answered: whether it is eligible (only eligible responses count in rates),
// the level of each likert answer it gives, and the quality flags it carries on its own. The same
// function runs when a response is written and when it is excluded or restored, so a decrement
// always undoes exactly the increment it follows.
import { isEligible, type Answers, type SurveyDefinition } from '../../surveys/index.ts';
import type { LevelCountsTable } from '../db/schema.ts';
import { publicChannels } from './channels.ts';

/** The level key of a "not applicable" (不了解) answer; level codes are stored as their text. */
export const notApplicableLevel = 'na';

/** Flags decided by the response alone, stored when it is written. */
export const intrinsicFlags = ['ineligible', 'too_fast', 'straight_line'] as const;
export type IntrinsicFlag = (typeof intrinsicFlags)[number];

/** Straight-lining needs at least this many likert answers, all the same (DESIGN §3). */
export const straightLineMinItems = 8;

export interface ResponseTally {
  eligible: boolean;
  /** `[questionId, level]` for each likert answer, in question order. */
  items: [string, string][];
  flags: IntrinsicFlag[];
}

/** Why a response is or is not in the rates; the accounting counts responses by it. */
export type ResponseStatus = 'valid' | 'ineligible' | 'excluded';

/**
 * A stored response's status as the accounting counts it (DESIGN §3), from its exclusion and its
 * stored flags: one the screener made ineligible stays ineligible when it is also excluded, as
 * its exclusion moves no counts (db/exclusions.ts); valid is neither.
 */
export function responseStatus(r: { excluded: boolean; flags: readonly string[] }): ResponseStatus {
  if (r.flags.includes('ineligible')) return 'ineligible';
  return r.excluded ? 'excluded' : 'valid';
}

/**
 * Where respondents fill the form in themselves: only there does a short time between opening
 * and submitting say something about the answers. An interviewer, or a clerk typing in a paper
 * form or a file, is quick for reasons of their own.
 */
const selfCompleted: ReadonlySet<string> = new Set(publicChannels);

export function tallyResponse(
  definition: SurveyDefinition,
  answers: Answers,
  times: { channel: string; startedAt: string | null; submittedAt: string },
): ResponseTally {
  const eligible = isEligible(definition, answers);
  const items: [string, string][] = [];
  const codes: number[] = [];
  for (const q of definition.questions) {
    if (q.kind !== 'likert' || !Object.hasOwn(answers, q.id)) continue;
    const code = answers[q.id] as number;
    codes.push(code);
    items.push([q.id, definition.scales[q.scale]?.notApplicable?.code === code ? notApplicableLevel : String(code)]);
  }
  const flags: IntrinsicFlag[] = [];
  if (!eligible) flags.push('ineligible');
  if (selfCompleted.has(times.channel) && tooFast(definition.minSeconds, times)) flags.push('too_fast');
  if (codes.length >= straightLineMinItems && codes.every((c) => c === codes[0])) flags.push('straight_line');
  return { eligible, items, flags };
}

// Whole milliseconds between two timestamps: integer arithmetic, no rate involved. A start after
// the submission is a clock that cannot be trusted, so it is flagged as well.
function tooFast(minSeconds: number | undefined, { startedAt, submittedAt }: { startedAt: string | null; submittedAt: string }): boolean {
  if (!minSeconds || startedAt === null) return false;
  const started = Date.parse(startedAt);
  const submitted = Date.parse(submittedAt);
  if (Number.isNaN(started) || Number.isNaN(submitted)) return false;
  return submitted - started < minSeconds * 1000;
}

/** Where a response's counts go: its survey, version, group and channel. */
export interface CountedResponse {
  survey_id: string;
  definition_version: number;
  respondent_group: string;
  channel: string;
}

/** A change to one level count: the row's key, and how much to add to its n. */
export type LevelCountChange = LevelCountsTable;

export interface ResponseCountChange {
  survey_id: string;
  respondent_group: string;
  channel: string;
  status: ResponseStatus;
  n: number;
}

export interface CountChanges {
  levels: LevelCountChange[];
  responses: ResponseCountChange[];
}

/**
 * Changes to the counts, summed per key, so a batch costs one upsert per key however many
 * responses it holds. `levels: true` moves the response's likert answers as well.
 */
export class CountSummer {
  /** Per count target (survey, group, channel, version), its level rows by question and level. */
  private levels = new Map<string, Map<string, LevelCountChange>>();
  private responses = new Map<string, ResponseCountChange>();

  add(r: CountedResponse, status: ResponseStatus, n: number, items: readonly [string, string][] = []): this {
    const rk = `${r.survey_id}\u0000${r.respondent_group}\u0000${r.channel}\u0000${status}`;
    const known = this.responses.get(rk);
    if (known) known.n += n;
    else this.responses.set(rk, { survey_id: r.survey_id, respondent_group: r.respondent_group, channel: r.channel, status, n });
    if (items.length === 0) return this;
    // One lookup of the long key per response, then short keys per answer: this runs on the write
    // thread for every response of every batch.
    const target = `${r.survey_id}\u0000${r.respondent_group}\u0000${r.channel}\u0000${r.definition_version}`;
    let rows = this.levels.get(target);
    if (!rows) this.levels.set(target, (rows = new Map()));
    for (const [question_id, level] of items) {
      const key = `${question_id}\u0000${level}`;
      const row = rows.get(key);
      if (row) row.n += n;
      else {
        rows.set(key, {
          survey_id: r.survey_id, respondent_group: r.respondent_group, channel: r.channel,
          definition_version: r.definition_version, question_id, level, n,
        });
      }
    }
    return this;
  }

  changes(): CountChanges {
    const levels: LevelCountChange[] = [];
    for (const rows of this.levels.values()) for (const row of rows.values()) levels.push(row);
    return { levels, responses: [...this.responses.values()] };
  }
}

/**
 * The tally of a stored response, re-made from its row and the definition version it answered,
 * as the write path made it. A version that does not parse (hand-made test surveys) counts its
 * responses as valid, with no answers to count.
 */
export function storedTally(
  definition: SurveyDefinition | null,
  row: { answers: string; channel: string; started_at: string | null; submitted_at: string },
): ResponseTally {
  if (!definition) return { eligible: true, items: [], flags: [] };
  return tallyResponse(definition, JSON.parse(row.answers) as Answers, { channel: row.channel, startedAt: row.started_at, submittedAt: row.submitted_at });
}
