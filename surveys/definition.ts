import { z } from 'zod';
import { checkReferences } from './references.ts';
import { patternRule, zodIssueParams } from './zod-issue-params.ts';

// The survey definition of DESIGN §7 as data. Every object is strict: a misspelt property in a
// definition is an error, not something silently ignored that changes a published method.
// No defaults: what is parsed is exactly what was written, so a stored definition re-parses to
// itself and the declared method printed beside results is the one the evaluator wrote.

/**
 * Ids of questions, scales, dimensions and option values. Question ids are HTML form field names
 * and JSON keys, so they start with a letter (never `__proto__`) and stay short.
 */
const idPattern = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const idSchema = patternRule(idPattern, 'id', 'must start with a letter and use only letters, digits, "_" and "-" (at most 64)');

/**
 * Question ids the respondent page already uses as its own form fields (the no-JS form posts
 * them beside the answers), plus names that would shadow Object.prototype members.
 */
export const reservedQuestionIds: readonly string[] = [
  'id', 't', 'c', 'token', 'startedAt', 'channel', 'answers', 'lang',
  'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf',
];

// Labels are checked, not rewritten (no trim transform), so a definition re-parses to itself.
const label = (max: number) =>
  z.string().max(max).refine((s) => s.trim().length > 0, { message: 'must not be empty', params: { rule: 'not_blank' } });

export const levelSchema = z.strictObject({
  code: z.int().min(-1000).max(1000),
  label: label(50),
  weight: z.number().min(-1000).max(1000),
});

export const scaleSchema = z.strictObject({
  levels: z.array(levelSchema).min(2).max(11),
  notApplicable: z.strictObject({ code: z.int().min(-1000).max(1000), label: label(50) }).optional(),
});

const notApplicableTreatment = z.enum(['exclude', 'dissatisfied']);
const overallSchema = z.union([
  z.strictObject({ question: idSchema }),
  z.strictObject({ dimensions: z.literal('mean') }),
]);

export const methodSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('share'),
    satisfied: z.array(z.int()).min(1).max(11),
    notApplicable: notApplicableTreatment,
    overall: overallSchema,
  }),
  // Weighted: the mean of level weights, taken from the scale of each question.
  z.strictObject({
    kind: z.literal('weighted'),
    notApplicable: notApplicableTreatment,
    overall: overallSchema,
  }),
]);

export const dimensionSchema = z.strictObject({
  id: idSchema,
  label: label(100),
  // Weight of this dimension in the overall mean when method.overall is `dimensions: mean`.
  weight: z.number().positive().max(1000).optional(),
});

const answerLiteral = z.union([z.int(), z.string().max(64)]);
const visibleIfSchema = z.strictObject({
  question: idSchema,
  in: z.array(answerLiteral).min(1).max(100),
});

const optionSchema = z.strictObject({ value: idSchema, label: label(200) });

const common = {
  id: idSchema,
  label: label(500),
  help: label(1000).optional(),
  required: z.boolean().optional(),
  visibleIf: visibleIfSchema.optional(),
};

export const likertQuestionSchema = z.strictObject({
  ...common,
  kind: z.literal('likert'),
  scale: idSchema,
  dimension: idSchema.optional(),
  // Weight of this item in its dimension's mean (DESIGN §3: optional, default equal).
  weight: z.number().positive().max(1000).optional(),
});

export const singleQuestionSchema = z.strictObject({
  ...common,
  kind: z.literal('single'),
  options: z.array(optionSchema).min(1).max(100),
  // A screener decides eligibility (DESIGN §3 data quality): any other answer flags the response.
  screener: z.strictObject({ eligible: z.array(idSchema).min(1).max(100) }).optional(),
});

export const multiQuestionSchema = z.strictObject({
  ...common,
  kind: z.literal('multi'),
  options: z.array(optionSchema).min(1).max(100),
  minSelected: z.int().min(1).max(100).optional(),
  maxSelected: z.int().min(1).max(100).optional(),
});

/** Used when a text question declares no maxLength. */
export const defaultTextMaxLength = 2000;

export const textQuestionSchema = z.strictObject({
  ...common,
  kind: z.literal('text'),
  maxLength: z.int().min(1).max(10000).optional(),
});

export const numberQuestionSchema = z.strictObject({
  ...common,
  kind: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  // Shown after the input, e.g. 人 or 万元.
  unit: label(20).optional(),
});

export const questionSchema = z.discriminatedUnion('kind', [
  likertQuestionSchema,
  singleQuestionSchema,
  multiQuestionSchema,
  textQuestionSchema,
  numberQuestionSchema,
]);

/** A survey's link name: the definition's own, and the one an evaluator may ask for instead. */
export const slugSchema = patternRule(/^[a-z0-9][a-z0-9-]{0,63}$/, 'slug', 'must be lowercase letters, digits and "-" (at most 64)');

export const surveyDefinitionSchema = z.strictObject({
  slug: slugSchema,
  title: label(200),
  intro: label(5000).optional(),
  group: patternRule(/^[a-z][a-z0-9_-]{0,31}$/, 'group', 'must be a lowercase id such as public or enterprise'),
  // Completion faster than this is flagged (DESIGN §3), never refused.
  minSeconds: z.int().min(0).max(3600).optional(),
  scales: z.record(idSchema, scaleSchema),
  method: methodSchema,
  dimensions: z.array(dimensionSchema).max(50),
  questions: z.array(questionSchema).min(1).max(300),
});

export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type LikertQuestion = z.infer<typeof likertQuestionSchema>;
export type SingleQuestion = z.infer<typeof singleQuestionSchema>;
export type MultiQuestion = z.infer<typeof multiQuestionSchema>;
export type TextQuestion = z.infer<typeof textQuestionSchema>;
export type NumberQuestion = z.infer<typeof numberQuestionSchema>;
export type QuestionKind = Question['kind'];
export type Scale = z.infer<typeof scaleSchema>;
export type Level = z.infer<typeof levelSchema>;
export type Method = z.infer<typeof methodSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type Option = z.infer<typeof optionSchema>;
export type VisibleIf = z.infer<typeof visibleIfSchema>;

/** One answer: a likert level code or a number, an option value or text, a list of option values. */
export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

/** What a reference check found (./references.ts); a shape issue has zod's code instead. */
export type DefinitionIssueCode =
  | 'duplicate_dimension_id' | 'duplicate_question_id' | 'reserved_question_id' | 'empty_dimension'
  | 'duplicate_level_code' | 'not_applicable_is_level' | 'unknown_scale' | 'unknown_dimension'
  | 'duplicate_option_value' | 'screener_not_option' | 'min_selected_above_max'
  | 'min_selected_above_options' | 'min_above_max' | 'no_integer_between' | 'visible_if_self'
  | 'visible_if_unknown' | 'visible_if_forward' | 'visible_if_impossible' | 'overall_unknown'
  | 'overall_not_likert' | 'overall_no_dimensions' | 'satisfied_duplicate' | 'satisfied_not_level';

export interface DefinitionIssue {
  /** Dotted path into the definition, e.g. `questions.3.scale`; empty for the whole definition. */
  path: string;
  /** English, naming the path or the id: for logs and API clients. */
  message: string;
  /** A reference check's code, or zod's for the shape; with `params`, for wording it elsewhere. */
  code: string;
  params?: Record<string, string | number> | undefined;
}

export type ParseDefinitionResult =
  | { ok: true; definition: SurveyDefinition }
  | { ok: false; issues: DefinitionIssue[] };

/**
 * Shape first, then cross-references. Reference checks need a well-formed definition, so when
 * the shape is wrong only the shape issues are reported (all of them).
 */
export function parseDefinition(input: unknown): ParseDefinitionResult {
  // reportInput tells a missing field from a wrong one (zodIssueParams); nothing echoes the input.
  const shaped = surveyDefinitionSchema.safeParse(input, { reportInput: true });
  if (!shaped.success) {
    return {
      ok: false,
      issues: shaped.error.issues.map((issue) => {
        const path = issue.path.map(String).join('.');
        return { path, message: path ? `${path}: ${issue.message}` : issue.message, code: issue.code, params: zodIssueParams(issue) };
      }),
    };
  }
  const issues = checkReferences(shaped.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition: shaped.data };
}
