import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAnswerValidator, type AnswerIssueCode } from '../../../surveys/answers.ts';
import { parseDefinition, type AnswerValue, type Question, type SurveyDefinition } from '../../../surveys/definition.ts';
import { answersFromForm } from '../../../surveys/form.ts';
import { ineligibleAt, isVisible } from '../../../surveys/visibility.ts';
import { templates } from '../../../surveys/templates/index.ts';
import { sampleDefinition } from './sample.ts';

const codes: readonly AnswerIssueCode[] = [
  'unknown_question', 'required', 'invalid_type', 'invalid_value', 'hidden', 'too_long', 'too_small',
  'too_large', 'not_integer', 'too_few', 'too_many', 'duplicate',
];

/** An answer the question accepts (blank text aside). */
function validAnswerTo(definition: SurveyDefinition, question: Question): fc.Arbitrary<unknown> {
  switch (question.kind) {
    case 'likert': {
      const scale = definition.scales[question.scale]!;
      const levels = scale.levels.map((l) => l.code).concat(scale.notApplicable ? [scale.notApplicable.code] : []);
      return fc.constantFrom(...levels);
    }
    case 'single':
      return fc.constantFrom(...question.options.map((o) => o.value));
    case 'multi':
      return fc.shuffledSubarray(question.options.map((o) => o.value), {
        minLength: question.minSelected ?? 1, maxLength: question.maxSelected ?? question.options.length,
      });
    case 'text':
      return fc.string({ maxLength: Math.min(question.maxLength ?? 2000, 30), unit: fc.constantFrom('好', ' ', 'a', '😀', '\n') });
    case 'number':
      return question.integer
        ? fc.integer({ min: question.min ?? -1e6, max: question.max ?? 1e6 })
        : fc.double({ min: question.min ?? -1e9, max: question.max ?? 1e9, noNaN: true });
  }
}

/** Plausible answers to a question, often slightly off, sometimes nonsense. */
function answerTo(definition: SurveyDefinition, question: Question): fc.Arbitrary<unknown> {
  let plausible: fc.Arbitrary<unknown>;
  switch (question.kind) {
    case 'likert':
      plausible = fc.integer({ min: -2, max: 8 });
      break;
    case 'single':
      plausible = fc.constantFrom('', 'other', 'yes', 'nope');
      break;
    case 'multi':
      plausible = fc.array(fc.constantFrom(...question.options.map((o) => o.value), 'nope'), { maxLength: 5 });
      break;
    case 'text':
      plausible = fc.string({ maxLength: (question.maxLength ?? 2000) + 2, unit: fc.constantFrom('好', ' ', 'a', '😀', '\n') });
      break;
    case 'number':
      plausible = fc.oneof(fc.integer({ min: -10, max: 200 }), fc.double());
      break;
  }
  return fc.oneof(
    { weight: 4, arbitrary: validAnswerTo(definition, question) },
    { weight: 2, arbitrary: plausible },
    { weight: 1, arbitrary: fc.jsonValue() },
  );
}

function answersTo(definition: SurveyDefinition): fc.Arbitrary<Record<string, unknown>> {
  // Mostly well-formed answers, with every unconditional required question present, so that
  // plenty are accepted; then the same with slips, nonsense and unknown keys.
  const unconditional = definition.questions.filter((q) => q.required && !q.visibleIf).map((q) => q.id);
  const valid = fc.record(Object.fromEntries(definition.questions.map((q) => [q.id, validAnswerTo(definition, q)])), { requiredKeys: unconditional })
    .map((answers) => withoutHidden(definition, answers));
  const noisy = fc.record(Object.fromEntries(definition.questions.map((q) => [q.id, answerTo(definition, q)])), { requiredKeys: [] });
  const extra = fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue(), { maxKeys: 2 });
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 2, arbitrary: noisy },
    { weight: 1, arbitrary: fc.tuple(noisy, extra).map(([a, b]) => ({ ...b, ...a })) },
  );
}

/** The answers without those to questions their conditions hide, judged in question order. */
function withoutHidden(definition: SurveyDefinition, answers: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, AnswerValue> = {};
  for (const question of definition.questions) {
    if (Object.hasOwn(answers, question.id) && isVisible(definition, question, kept)) {
      kept[question.id] = answers[question.id] as AnswerValue;
    }
  }
  return kept;
}

function formOf(answers: Record<string, number | string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));
}

const definitions: [string, SurveyDefinition][] = [
  ['sample', sampleDefinition()], ['public', templates.public], ['enterprise', templates.enterprise],
];

describe('properties', () => {
  it('random JSON never makes the validator throw, and every issue is well formed', () => {
    const validate = buildAnswerValidator(sampleDefinition());
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (input) => {
      const result = validate(input);
      if (!result.ok) {
        expect(result.issues.length).toBeGreaterThan(0);
        for (const issue of result.issues) {
          expect(codes).toContain(issue.code);
          expect(typeof issue.question).toBe('string');
          expect(typeof issue.message).toBe('string');
        }
      }
    }), { numRuns: 2000 });
  });

  it('JSON text parsed as a server would (with __proto__ keys) never makes the validator throw', () => {
    const validate = buildAnswerValidator(templates.public);
    fc.assert(fc.property(fc.json(), (text) => {
      validate(JSON.parse(text));
      validate(JSON.parse(`{"__proto__": ${text}}`));
    }), { numRuns: 1000 });
  });

  for (const [name, definition] of definitions) {
    it(`${name}: accepted answers re-validate to themselves, are visible, and survive a form round trip`, () => {
      const validate = buildAnswerValidator(definition);
      let accepted = 0;
      fc.assert(fc.property(answersTo(definition), (input) => {
        const result = validate(input);
        if (!result.ok) {
          for (const issue of result.issues) expect(codes).toContain(issue.code);
          return;
        }
        accepted++;
        expect(validate(result.answers)).toEqual(result);
        expect(validate(JSON.parse(JSON.stringify(result.answers)))).toEqual(result);
        for (const id of Object.keys(result.answers)) {
          const question = definition.questions.find((q) => q.id === id);
          expect(question).toBeDefined();
          expect(isVisible(definition, question!, result.answers)).toBe(true);
        }
        // A form post stops at a screener answered ineligibly, as the live page does.
        const cut = ineligibleAt(definition, result.answers);
        const position = (id: string) => definition.questions.findIndex((q) => q.id === id);
        const asked = cut === -1 ? result.answers : Object.fromEntries(Object.entries(result.answers).filter(([id]) => position(id) <= cut));
        expect(validate(answersFromForm(definition, formOf(result.answers)))).toEqual({ ok: true, answers: asked });
      }), { numRuns: 1500 });
      // The property means little unless plenty of inputs were accepted.
      expect(accepted).toBeGreaterThan(20);
    });
  }

  it('answersFromForm never throws and keeps only question ids', () => {
    const d = sampleDefinition();
    const ids = new Set(d.questions.map((q) => q.id));
    const field = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }));
    const keys = fc.oneof(fc.constantFrom(...ids, 'id', 't', '__proto__', 'constructor'), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.dictionary(keys, field), (form) => {
      const answers = answersFromForm(d, form);
      for (const key of Object.keys(answers)) expect(ids.has(key)).toBe(true);
      buildAnswerValidator(d)(answers);
    }), { numRuns: 1000 });
  });

  it('parseDefinition never throws, on random JSON or on a template with one part replaced', () => {
    fc.assert(fc.property(fc.jsonValue(), (input) => {
      parseDefinition(input);
    }), { numRuns: 500 });
    const template = templates.public as unknown as Record<string, unknown>;
    fc.assert(fc.property(fc.constantFrom(...Object.keys(template)), fc.jsonValue(), (key, value) => {
      const result = parseDefinition({ ...template, [key]: value });
      if (!result.ok) for (const issue of result.issues) expect(typeof issue.message).toBe('string');
    }), { numRuns: 500 });
  });
});
