// Every row of an imported file judged before anything is written: its answers converted by the
// mapping and checked by the survey's own answer validator. A refused row is reported with its
// row number, the column, the cell's text and the validator's issue; the rest are ready to store.
import type { AnswerValidator, Answers, SurveyDefinition } from '../../surveys/index.ts';
import type { ResolvedMapping } from './mapping.ts';
import type { Table } from './table.ts';
import { cellAnswer } from './convert.ts';
import { parseBeijingTime, parseDuration } from './times.ts';

export interface RowIssue {
  column: string | null;
  value: string;
  question: string | null;
  code: string;
  message: string;
}

export interface RejectedRow {
  row: number;
  issues: RowIssue[];
}

export interface AcceptedRow {
  row: number;
  answers: Answers;
  submittedAt: string | null;
  startedAt: string | null;
}

export interface PreparedImport {
  rows: number;
  accepted: AcceptedRow[];
  rejected: RejectedRow[];
}

export function prepareImport(table: Table, mapping: ResolvedMapping, definition: SurveyDefinition, validate: AnswerValidator): PreparedImport {
  const byQuestion = new Map(mapping.columns.map((c) => [c.question.id, c]));
  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];

  for (const { row, cells } of table.rows) {
    const cell = (index: number | null) => (index === null ? '' : (cells[index] ?? ''));
    const issues: RowIssue[] = [];
    const answers: Record<string, unknown> = {};
    for (const c of mapping.columns) {
      const value = cellAnswer(definition, c.question, cell(c.index), mapping);
      if (value !== undefined) answers[c.question.id] = value;
    }
    const validated = validate(answers);
    if (!validated.ok) {
      for (const issue of validated.issues) {
        const column = byQuestion.get(issue.question);
        issues.push({ column: column?.header ?? null, value: column ? cell(column.index) : '', question: issue.question || null, code: issue.code, message: issue.message });
      }
    }

    const submittedText = cell(mapping.submittedAt);
    const submittedAt = mapping.submittedAt === null || submittedText.trim() === '' ? null : parseBeijingTime(submittedText);
    if (mapping.submittedAt !== null && submittedText.trim() !== '' && submittedAt === null) {
      issues.push({ column: table.header[mapping.submittedAt]!, value: submittedText, question: null, code: 'invalid_time', message: `not a date and time: "${submittedText}"` });
    }
    const durationText = cell(mapping.duration);
    const seconds = mapping.duration === null || durationText.trim() === '' ? null : parseDuration(durationText);
    if (mapping.duration !== null && durationText.trim() !== '' && seconds === null) {
      issues.push({ column: table.header[mapping.duration]!, value: durationText, question: null, code: 'invalid_duration', message: `not a time taken: "${durationText}"` });
    }

    if (issues.length > 0 || !validated.ok) {
      rejected.push({ row, issues });
      continue;
    }
    const startedAt = submittedAt !== null && seconds !== null ? new Date(Date.parse(submittedAt) - seconds * 1000).toISOString() : null;
    accepted.push({ row, answers: validated.answers, submittedAt, startedAt });
  }
  return { rows: table.rows.length, accepted, rejected };
}
