// One response as an evaluator opens it: every answer with its question and the label of what was
// chosen, by the definition version it answered; its flags, and its exclusion history.
import type { Answers, AnswerValue, Question, SurveyDefinition } from '../../surveys/index.ts';
import type { ListedResponse } from '../db/response-list.ts';
import type { ExclusionEvent } from '../db/exclusions.ts';
import { responseStatus } from '../responses/counting.ts';

export interface LabelledAnswer {
  question: string;
  label: string;
  kind: Question['kind'];
  value: AnswerValue;
  /** What the respondent chose, in words: a level or option label, the text, the number. */
  text: string;
}

function answerText(def: SurveyDefinition, q: Question, value: AnswerValue): string {
  if (q.kind === 'likert') {
    const scale = def.scales[q.scale]!;
    if (scale.notApplicable?.code === value) return scale.notApplicable.label;
    return scale.levels.find((l) => l.code === value)?.label ?? String(value);
  }
  if (q.kind === 'single' || q.kind === 'multi') {
    const labels = new Map(q.options.map((o) => [o.value, o.label]));
    return (Array.isArray(value) ? value : [value]).map((v) => labels.get(String(v)) ?? String(v)).join('、');
  }
  return String(value);
}

export function labelledAnswers(def: SurveyDefinition | null, answers: Answers): LabelledAnswer[] {
  if (!def) return Object.entries(answers).map(([question, value]) => ({ question, label: question, kind: 'text', value, text: String(value) }));
  return def.questions.flatMap((q) =>
    Object.hasOwn(answers, q.id) ? [{ question: q.id, label: q.label, kind: q.kind, value: answers[q.id]!, text: answerText(def, q, answers[q.id]!) }] : [],
  );
}

export function responseSummary(r: ListedResponse) {
  return {
    id: r.id,
    surveyId: r.survey_id,
    seq: r.seq,
    definitionVersion: r.definition_version,
    channel: r.channel,
    group: r.respondent_group,
    source: r.source,
    startedAt: r.started_at,
    submittedAt: r.submitted_at,
    flags: r.flags,
    excluded: r.excluded,
    valid: responseStatus(r) === 'valid',
  };
}

export function exclusionJson(e: ExclusionEvent) {
  return { id: e.id, action: e.action, reason: e.reason, user: e.username, at: e.created_at };
}
