// The answers a closed question can have, in the order a respondent sees them: a likert scale's
// levels with its "not applicable" level last, or a choice question's options.
import type { Question, SurveyDefinition } from '../../../surveys/index.ts';

export interface Choice {
  value: string | number;
  label: string;
}

export function answerChoices(definition: SurveyDefinition, question: Question): Choice[] {
  if (question.kind === 'likert') {
    const scale = Object.hasOwn(definition.scales, question.scale) ? definition.scales[question.scale] : undefined;
    if (!scale) return [];
    return [...scale.levels, ...(scale.notApplicable ? [scale.notApplicable] : [])].map((l) => ({ value: l.code, label: l.label }));
  }
  if (question.kind === 'single' || question.kind === 'multi') return question.options.map((o) => ({ value: o.value, label: o.label }));
  return [];
}
