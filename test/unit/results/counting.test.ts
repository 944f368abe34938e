// What one response adds to the counts, and its flags: decided from the answers and the
// definition alone, the same way at write time and at exclusion.
import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../../surveys/index.ts';
import { templates } from '../../../surveys/templates/index.ts';
import { CountSummer, tallyResponse } from '../../../server/responses/counting.ts';

const def = templates.public as SurveyDefinition; // minSeconds 40, 8 likert items, screener `contact`
const base = { contact: 'yes', identity: 'employee', town: 'qingshan', q1: 5, q2: 0, q3: 4, q4: 5, q5: 4, q6: 5, q7: 5, overall: 5 };
const at = (seconds: number | null, channel = 'link') => ({
  channel,
  startedAt: seconds === null ? null : new Date(Date.parse('2024-01-01T00:10:00Z') - seconds * 1000).toISOString(),
  submittedAt: '2024-01-01T00:10:00.000Z',
});

describe('tallyResponse', () => {
  it('keys each likert answer by its level code, 不了解 as na', () => {
    const t = tallyResponse(def, base, at(60));
    expect(t).toEqual({ eligible: true, flags: [], items: [['q1', '5'], ['q2', 'na'], ['q3', '4'], ['q4', '5'], ['q5', '4'], ['q6', '5'], ['q7', '5'], ['overall', '5']] });
  });

  it('flags too fast below minSeconds only, and a start after the submission', () => {
    expect(tallyResponse(def, base, at(39.999)).flags).toEqual(['too_fast']);
    expect(tallyResponse(def, base, at(40)).flags).toEqual([]);
    expect(tallyResponse(def, base, at(-5)).flags).toEqual(['too_fast']);
    expect(tallyResponse(def, base, at(null)).flags).toEqual([]);
  });

  it('judges the time only where respondents answer by themselves, not an interviewer or a clerk', () => {
    for (const channel of ['link', 'qr', 'token', 'kiosk']) expect(tallyResponse(def, base, at(10, channel)).flags).toEqual(['too_fast']);
    for (const channel of ['interview', 'phone', 'paper', 'import']) expect(tallyResponse(def, base, at(10, channel)).flags).toEqual([]);
  });

  it('flags straight-lining at eight equal likert answers, not at seven', () => {
    const eight = { ...base, q2: 5, q3: 5, q5: 5 };
    expect(tallyResponse(def, eight, at(60)).flags).toEqual(['straight_line']);
    const { overall: _, ...seven } = eight;
    expect(tallyResponse({ ...def, questions: def.questions.filter((q) => q.id !== 'overall'), method: { ...def.method, overall: { dimensions: 'mean' } } }, seven, at(60)).flags).toEqual([]);
  });

  it('is ineligible by the screener, with nothing to count', () => {
    expect(tallyResponse(def, { contact: 'no' }, at(5))).toEqual({ eligible: false, items: [], flags: ['ineligible', 'too_fast'] });
  });
});

describe('CountSummer', () => {
  it('sums changes per key, so a batch is one upsert per key', () => {
    const r = { survey_id: 's', respondent_group: 'public', channel: 'link', definition_version: 1 };
    const changes = new CountSummer().add(r, 'valid', 1, [['q1', '5']]).add(r, 'valid', 1, [['q1', '5'], ['q2', 'na']]).add({ ...r, channel: 'qr' }, 'ineligible', 1).changes();
    expect(changes.responses.map((c) => [c.channel, c.status, c.n])).toEqual([['link', 'valid', 2], ['qr', 'ineligible', 1]]);
    expect(changes.levels.map((c) => [c.question_id, c.level, c.n])).toEqual([['q1', '5', 2], ['q2', 'na', 1]]);
  });
});
