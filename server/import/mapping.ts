// The evaluator's mapping of an imported file: which column answers which question, which text
// stands for which code ("非常满意" → 5), and optionally the columns with the submission time and
// the time taken. Checked against the file's header and the survey's definition before any row.
import { z } from 'zod';
import { idSchema, type Question, type SurveyDefinition } from '../../surveys/index.ts';
import type { Issue } from '../http/errors.ts';
import type { Table } from './table.ts';

/** A column: its header text as in the file, or `#N` for the N-th column (1-based). */
const columnRef = z.string().min(1).max(500);

export const mappingSchema = z.strictObject({
  columns: z.record(columnRef, idSchema).refine((c) => Object.keys(c).length > 0, 'map at least one column to a question'),
  // Per question id, or "*" for every question: cell text → the answer value it stands for.
  values: z.record(z.string().max(64), z.record(z.string().max(500), z.union([z.int(), z.string().max(200)]))).optional(),
  submittedAt: columnRef.optional(),
  duration: columnRef.optional(),
  // Between the choices of a multi question in one cell; 问卷星 writes "┋".
  multiSeparator: z.string().min(1).max(5).optional(),
  headerRow: z.int().min(1).max(100).optional(),
  sheet: z.string().min(1).max(100).optional(),
});

export type ImportMapping = z.infer<typeof mappingSchema>;

export interface MappedColumn {
  index: number;
  header: string;
  question: Question;
}

export interface ResolvedMapping {
  columns: MappedColumn[];
  submittedAt: number | null;
  duration: number | null;
  values: Map<string, Map<string, string | number>>;
  multiSeparators: string[];
  /** Required questions no column answers: every row would be refused for them. */
  unmappedRequired: string[];
}

export type ResolveResult = { ok: true; mapping: ResolvedMapping } | { ok: false; issues: Issue[] };

export function resolveMapping(mapping: ImportMapping, table: Table, definition: SurveyDefinition): ResolveResult {
  const issues: Issue[] = [];
  const add = (field: string, code: string, message: string) => issues.push({ field, code, message: `${field}: ${message}` });
  const questions = new Map(definition.questions.map((q) => [q.id, q]));

  const column = (ref: string, field: string): number | null => {
    const byNumber = /^#(\d{1,4})$/.exec(ref);
    if (byNumber) {
      const index = Number(byNumber[1]) - 1;
      if (index >= 0 && index < table.header.length) return index;
      add(field, 'unknown_column', `the file has no column ${ref}`);
      return null;
    }
    const matches = table.header.flatMap((h, i) => (h === ref.trim() ? [i] : []));
    if (matches.length === 1) return matches[0]!;
    add(field, 'unknown_column', matches.length === 0 ? `the file has no column "${ref}"` : `"${ref}" heads ${matches.length} columns; name it by number (#${matches[0]! + 1})`);
    return null;
  };

  const columns: MappedColumn[] = [];
  const answered = new Map<string, string>();
  for (const [ref, questionId] of Object.entries(mapping.columns)) {
    const field = `mapping.columns.${ref}`;
    const question = questions.get(questionId);
    if (!question) add(field, 'unknown_question', `"${questionId}" is not a question of this survey`);
    else if (answered.has(questionId)) add(field, 'duplicate_question', `"${questionId}" is already answered by column "${answered.get(questionId)}"`);
    const index = column(ref, field);
    if (question && index !== null && !answered.has(questionId)) {
      answered.set(questionId, ref);
      columns.push({ index, header: table.header[index]!, question });
    }
  }

  const values = new Map<string, Map<string, string | number>>();
  for (const [key, table] of Object.entries(mapping.values ?? {})) {
    if (key !== '*' && !questions.has(key)) add(`mapping.values.${key}`, 'unknown_question', `"${key}" is not a question of this survey`);
    values.set(key, new Map(Object.entries(table).map(([text, value]) => [text.trim(), value])));
  }

  const submittedAt = mapping.submittedAt === undefined ? null : column(mapping.submittedAt, 'mapping.submittedAt');
  const duration = mapping.duration === undefined ? null : column(mapping.duration, 'mapping.duration');
  if (issues.length > 0) return { ok: false, issues };

  return {
    ok: true,
    mapping: {
      columns: columns.sort((a, b) => a.index - b.index),
      submittedAt,
      duration,
      values,
      multiSeparators: mapping.multiSeparator ? [mapping.multiSeparator] : ['┋', '|', ';', '；'],
      unmappedRequired: definition.questions.filter((q) => q.required && !answered.has(q.id)).map((q) => q.id),
    },
  };
}
