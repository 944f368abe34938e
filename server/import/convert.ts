// One cell of an imported file as the answer it stands for. The mapping's text → value table wins;
// otherwise a cell may hold the code itself ("5") or the label the definition gives it ("非常满意",
// an option's text), as 问卷星 exports write option texts. Anything else is passed on unchanged, so
// the answer validator names the question and the value, exactly as for a response from the page.
import type { AnswerValue, Question, SurveyDefinition } from '../../surveys/index.ts';
import type { ResolvedMapping } from './mapping.ts';

export function cellAnswer(definition: SurveyDefinition, question: Question, cell: string, mapping: ResolvedMapping): AnswerValue | undefined {
  const text = cell.trim();
  if (text === '') return undefined;
  const mapped = (t: string) => mapping.values.get(question.id)?.get(t) ?? mapping.values.get('*')?.get(t);

  if (question.kind === 'multi') {
    const parts = splitAny(text, mapping.multiSeparators).map((p) => p.trim()).filter((p) => p !== '');
    return parts.map((p) => String(mapped(p) ?? optionByLabel(question.options, p) ?? p));
  }
  const explicit = mapped(text);
  switch (question.kind) {
    case 'likert':
      return numeric(explicit ?? text) ?? levelByLabel(definition, question.scale, text) ?? text;
    case 'number':
      return numeric(explicit ?? text) ?? text;
    case 'single':
      return explicit !== undefined ? String(explicit) : (optionByLabel(question.options, text) ?? text);
    case 'text':
      return explicit !== undefined ? String(explicit) : text;
  }
}

function splitAny(text: string, separators: string[]): string[] {
  let parts = [text];
  for (const sep of separators) parts = parts.flatMap((p) => p.split(sep));
  return parts;
}

function numeric(value: string | number): number | undefined {
  if (typeof value === 'number') return value;
  const plain = value.trim().replace(/,(?=\d{3}(?!\d))/g, '');
  return /^-?(\d+(\.\d+)?|\.\d+)$/.test(plain) ? Number(plain) : undefined;
}

function optionByLabel(options: { value: string; label: string }[], text: string): string | undefined {
  return options.find((o) => o.value === text)?.value ?? options.find((o) => o.label.trim() === text)?.value;
}

function levelByLabel(definition: SurveyDefinition, scaleId: string, text: string): number | undefined {
  const scale = Object.hasOwn(definition.scales, scaleId) ? definition.scales[scaleId] : undefined;
  if (!scale) return undefined;
  const level = scale.levels.find((l) => l.label.trim() === text);
  if (level) return level.code;
  return scale.notApplicable?.label.trim() === text ? scale.notApplicable.code : undefined;
}
