// Numbers and the short notes that let a respondent without JavaScript, who sees every question,
// know which ones apply to them.
import type { Question, SurveyDefinition } from '../../surveys/index.ts';
import { format, type Strings } from './text.ts';


/** The label a respondent saw for an answer value of a question (a level, an option). */
export function choiceLabel(definition: SurveyDefinition, question: Question, value: string | number): string {
  if (question.kind === 'likert') {
    const scale = definition.scales[question.scale];
    const level = scale?.levels.find((l) => l.code === value) ??
      (scale?.notApplicable?.code === value ? scale.notApplicable : undefined);
    return level ? level.label : String(value);
  }
  if (question.kind === 'single' || question.kind === 'multi') {
    return question.options.find((o) => o.value === value)?.label ?? String(value);
  }
  return String(value);
}

function quoteList(t: Strings, labels: string[]): string {
  return labels.map((s) => format(t.quote, { s })).join(t.or);
}

/** E.g. （仅在上题选择“不满意”或“非常不满意”时填写）, or undefined for an unconditional question. */
export function conditionHint(
  definition: SurveyDefinition,
  question: Question,
  numbers: Map<string, number>,
  t: Strings,
): string | undefined {
  const condition = question.visibleIf;
  if (!condition) return undefined;
  const at = definition.questions.findIndex((q) => q.id === question.id);
  const source = definition.questions.find((q) => q.id === condition.question);
  if (!source) return undefined;
  // "The previous question" is the nearest numbered one above: sibling follow-ups in between
  // belong to it too.
  const previous = definition.questions.slice(0, at).reverse().find((q) => numbers.has(q.id));
  const number = numbers.get(source.id);
  const where = previous?.id === source.id ? t.previous
    : number !== undefined ? format(t.numbered, { n: number }) : format(t.quote, { s: source.label });
  const labels = condition.in.map((value) => choiceLabel(definition, source, value));
  return format(t.conditionHint, { where, labels: quoteList(t, labels) });
}

/** For a screener: which answers end the questionnaire early, e.g. （选择“否”时，以下题目无需作答，可直接提交）. */
export function screenerHint(question: Question, t: Strings): string | undefined {
  if (question.kind !== 'single' || !question.screener) return undefined;
  const eligible = question.screener.eligible;
  const others = question.options.filter((o) => !eligible.includes(o.value)).map((o) => o.label);
  return others.length > 0 ? format(t.screenerHint, { labels: quoteList(t, others) }) : undefined;
}

/** How the error summary names a question: 第 3 题, or for a follow-up 第 3 题的补充. */
export function questionName(
  definition: SurveyDefinition,
  id: string,
  numbers: Map<string, number>,
  t: Strings,
): string | undefined {
  const number = numbers.get(id);
  if (number !== undefined) return format(t.numbered, { n: number });
  const question = definition.questions.find((q) => q.id === id);
  if (!question) return undefined;
  const parent = question.visibleIf && numbers.get(question.visibleIf.question);
  return parent ? format(t.followUp, { n: parent }) : question.label;
}
