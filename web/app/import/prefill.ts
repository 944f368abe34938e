// The import wizard's first guesses, pure: which column answers which question (by matching the
// header to question labels, as 问卷星 writes them: "3、您的身份是？(单选题)"), which columns hold
// the submission time and the time taken, and which option an unrecognised text stands for.
import type { Question, SurveyDefinition } from '../../../surveys/index.ts';
import { answerChoices, type Choice } from '../lib/choices.ts';

export type ColumnRole = { kind: 'skip' } | { kind: 'question'; id: string } | { kind: 'submittedAt' } | { kind: 'duration' };

/** A header or label reduced to what matters: no numbering, no "(单选题)" notes, no spaces or punctuation. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^\s*(第\s*\d+\s*题|q?\d+)\s*[、.:：)\]]\s*/i, '')
    .replace(/[(（【\[][^)）】\]]*(题|选|必答|选填|可多选)[^)）】\]]*[)）】\]]\s*$/u, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .toLowerCase();
}

const submittedHeaders = ['提交答卷时间', '提交时间', '答题时间', 'submittedat', 'submitted', 'submissiontime'];
const durationHeaders = ['所用时间', '答题用时', '用时', 'duration', 'timetaken'];

export function prefillColumns(header: string[], definition: SurveyDefinition): ColumnRole[] {
  const taken = new Set<string>();
  const roles: ColumnRole[] = header.map(() => ({ kind: 'skip' }));
  const labels = definition.questions.map((q) => ({ q, label: normalize(q.label) }));
  const norm = header.map(normalize);

  norm.forEach((h, i) => {
    if (submittedHeaders.includes(h) && !roles.some((r) => r.kind === 'submittedAt')) roles[i] = { kind: 'submittedAt' };
    else if (durationHeaders.includes(h) && !roles.some((r) => r.kind === 'duration')) roles[i] = { kind: 'duration' };
  });
  const assign = (match: (h: string, raw: string, q: Question, label: string) => boolean) => {
    norm.forEach((h, i) => {
      if (roles[i]!.kind !== 'skip' || h === '') return;
      const found = labels.find(({ q, label }) => !taken.has(q.id) && match(h, header[i]!.trim(), q, label));
      if (found) {
        taken.add(found.q.id);
        roles[i] = { kind: 'question', id: found.q.id };
      }
    });
  };
  // Exact matches first, so a looser match never takes a question another column names exactly.
  assign((h, raw, q, label) => h === label || raw === q.id);
  assign((h, _raw, _q, label) => label.length >= 4 && (h.includes(label) || label.includes(h)) && h.length >= 4);
  return roles;
}

/** The mapping the server takes (server/import/mapping.ts), naming columns by number so repeated headers are no problem. */
export function mappingOf(roles: ColumnRole[], values: Record<string, Record<string, string | number>>) {
  const columns: Record<string, string> = {};
  const mapping: { columns: Record<string, string>; submittedAt?: string; duration?: string; values?: typeof values } = { columns };
  roles.forEach((role, i) => {
    const ref = `#${i + 1}`;
    if (role.kind === 'question') columns[ref] = role.id;
    else if (role.kind === 'submittedAt') mapping.submittedAt = ref;
    else if (role.kind === 'duration') mapping.duration = ref;
  });
  if (Object.keys(values).length > 0) mapping.values = values;
  return mapping;
}

/** What a likert or single question's answer can be, for the text → code selects. */
export function choicesOf(definition: SurveyDefinition, question: Question): Choice[] {
  return question.kind === 'likert' || question.kind === 'single' ? answerChoices(definition, question) : [];
}

/**
 * The option a text most likely stands for: the same words, or else the longest label inside it
 * ("比较满意" → 满意; "5分 非常满意" → 非常满意). Only a suggestion: the evaluator confirms it.
 */
export function suggestChoice(choices: Choice[], text: string): Choice | undefined {
  const t = normalize(text);
  if (t === '') return undefined;
  const exact = choices.find((c) => normalize(c.label) === t || String(c.value) === text.trim());
  if (exact) return exact;
  const inside = choices.filter((c) => normalize(c.label) !== '' && t.includes(normalize(c.label)));
  return inside.sort((a, b) => normalize(b.label).length - normalize(a.label).length)[0];
}

export interface RejectedRow {
  row: number;
  issues: { column: string | null; value: string; question: string | null; code: string; message: string }[];
}

export interface UnknownText {
  question: string;
  text: string;
  rows: number;
}

/** Distinct texts the server could not read as an answer of a likert or single question, with how many rows have each. */
export function unknownTexts(rejected: RejectedRow[], definition: SurveyDefinition): UnknownText[] {
  const kinds = new Map(definition.questions.map((q) => [q.id, q.kind]));
  const found = new Map<string, UnknownText>();
  for (const r of rejected) {
    for (const i of r.issues) {
      const kind = i.question ? kinds.get(i.question) : undefined;
      if (!i.question || (kind !== 'likert' && kind !== 'single') || i.value.trim() === '' || i.code === 'required') continue;
      const key = `${i.question}\u0000${i.value.trim()}`;
      const entry = found.get(key) ?? { question: i.question, text: i.value.trim(), rows: 0 };
      entry.rows++;
      found.set(key, entry);
    }
  }
  return [...found.values()];
}
