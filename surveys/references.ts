import type { DefinitionIssue, DefinitionIssueCode, Question, SurveyDefinition } from './definition.ts';
import { reservedQuestionIds } from './definition.ts';

// Cross-reference checks of a definition whose shape is already valid. Each message names the
// offending id, because an evaluator fixing a 40-question definition needs to find it. As with
// answer issues (./issues.ts), the message is English for logs and API clients, and the code and
// its params let the evaluator app word it in its own language.

export function checkReferences(definition: SurveyDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const add: Add = (path, code, params, message) => issues.push({ path, code, params, message });

  checkScales(definition, add);

  const dimensionIds = new Set<string>();
  definition.dimensions.forEach((dimension, i) => {
    if (dimensionIds.has(dimension.id)) {
      add(`dimensions.${i}.id`, 'duplicate_dimension_id', { dimension: dimension.id }, `duplicate dimension id "${dimension.id}"`);
    }
    dimensionIds.add(dimension.id);
  });

  // Position of the first question with each id: visibleIf may only look backwards, which keeps
  // visibility a single pass over the questions and rules out cycles.
  const position = new Map<string, number>();
  definition.questions.forEach((question, i) => {
    const path = `questions.${i}`;
    if (position.has(question.id)) {
      add(`${path}.id`, 'duplicate_question_id', { question: question.id }, `duplicate question id "${question.id}"`);
    } else {
      position.set(question.id, i);
    }
    if (reservedQuestionIds.includes(question.id)) {
      add(`${path}.id`, 'reserved_question_id', { question: question.id }, `question id "${question.id}" is reserved (the respondent page uses it)`);
    }
    checkQuestion(definition, question, path, dimensionIds, add);
    if (question.visibleIf) {
      checkVisibleIf(definition, question, i, position, add);
    }
  });

  const used = new Set<string>();
  for (const question of definition.questions) {
    if (question.kind === 'likert' && question.dimension !== undefined) used.add(question.dimension);
  }
  definition.dimensions.forEach((dimension, i) => {
    if (!used.has(dimension.id)) {
      // A dimension without items has no rate, and would make "mean of dimensions" undefined.
      add(`dimensions.${i}`, 'empty_dimension', { dimension: dimension.id }, `dimension "${dimension.id}" has no likert questions`);
    }
  });

  checkMethod(definition, add);
  return issues;
}

type Add = (path: string, code: DefinitionIssueCode, params: Record<string, string | number>, message: string) => void;

function checkScales(definition: SurveyDefinition, add: Add): void {
  for (const [scaleId, scale] of Object.entries(definition.scales)) {
    const codes = new Set<number>();
    scale.levels.forEach((level, i) => {
      if (codes.has(level.code)) {
        add(`scales.${scaleId}.levels.${i}.code`, 'duplicate_level_code', { scale: scaleId, code: level.code }, `scale "${scaleId}": duplicate level code ${level.code}`);
      }
      codes.add(level.code);
    });
    if (scale.notApplicable && codes.has(scale.notApplicable.code)) {
      add(
        `scales.${scaleId}.notApplicable.code`,
        'not_applicable_is_level',
        { scale: scaleId, code: scale.notApplicable.code },
        `scale "${scaleId}": not-applicable code ${scale.notApplicable.code} is also a level code`,
      );
    }
  }
}

function checkQuestion(
  definition: SurveyDefinition,
  question: Question,
  path: string,
  dimensionIds: Set<string>,
  add: Add,
): void {
  const id = question.id;
  switch (question.kind) {
    case 'likert':
      if (!Object.hasOwn(definition.scales, question.scale)) {
        add(`${path}.scale`, 'unknown_scale', { question: id, scale: question.scale }, `question "${id}": unknown scale "${question.scale}"`);
      }
      if (question.dimension !== undefined && !dimensionIds.has(question.dimension)) {
        add(`${path}.dimension`, 'unknown_dimension', { question: id, dimension: question.dimension }, `question "${id}": unknown dimension "${question.dimension}"`);
      }
      break;
    case 'single':
    case 'multi': {
      const values = new Set<string>();
      question.options.forEach((option, i) => {
        if (values.has(option.value)) {
          add(`${path}.options.${i}.value`, 'duplicate_option_value', { question: id, value: option.value }, `question "${id}": duplicate option value "${option.value}"`);
        }
        values.add(option.value);
      });
      if (question.kind === 'single' && question.screener) {
        question.screener.eligible.forEach((value, i) => {
          if (!values.has(value)) {
            add(`${path}.screener.eligible.${i}`, 'screener_not_option', { question: id, value }, `question "${id}": screener value "${value}" is not an option`);
          }
        });
      }
      if (question.kind === 'multi') {
        const { minSelected, maxSelected } = question;
        if (minSelected !== undefined && maxSelected !== undefined && minSelected > maxSelected) {
          add(`${path}.minSelected`, 'min_selected_above_max', { question: id, min: minSelected, max: maxSelected }, `question "${id}": minSelected ${minSelected} is more than maxSelected ${maxSelected}`);
        }
        if (minSelected !== undefined && minSelected > values.size) {
          add(`${path}.minSelected`, 'min_selected_above_options', { question: id, min: minSelected, options: values.size }, `question "${id}": minSelected ${minSelected} is more than its ${values.size} options`);
        }
      }
      break;
    }
    case 'number':
      if (question.min !== undefined && question.max !== undefined && question.min > question.max) {
        add(`${path}.min`, 'min_above_max', { question: id, min: question.min, max: question.max }, `question "${id}": min ${question.min} is more than max ${question.max}`);
      }
      if (question.integer && question.min !== undefined && question.max !== undefined
        && Math.floor(question.max) < Math.ceil(question.min)) {
        add(`${path}.integer`, 'no_integer_between', { question: id }, `question "${id}": no integer lies between min and max`);
      }
      break;
    case 'text':
      break;
  }
}

function checkVisibleIf(
  definition: SurveyDefinition,
  question: Question,
  index: number,
  position: Map<string, number>,
  add: Add,
): void {
  const condition = question.visibleIf!;
  const path = `questions.${index}.visibleIf`;
  const id = question.id;
  if (condition.question === id) {
    add(`${path}.question`, 'visible_if_self', { question: id }, `question "${id}": visibleIf refers to itself`);
    return;
  }
  const at = position.get(condition.question);
  if (at === undefined) {
    const later = definition.questions.findIndex((q) => q.id === condition.question);
    if (later === -1) {
      add(`${path}.question`, 'visible_if_unknown', { question: id, target: condition.question }, `question "${id}": visibleIf refers to unknown question "${condition.question}"`);
    } else {
      add(`${path}.question`, 'visible_if_forward', { question: id, target: condition.question }, `question "${id}": visibleIf refers to "${condition.question}", which comes after it`);
    }
    return;
  }
  const target = definition.questions[at]!;
  const possible = possibleValues(definition, target);
  if (possible === null) return; // the target's unknown scale is reported on the target
  condition.in.forEach((value, i) => {
    const fits = possible
      ? possible.has(value)
      : target.kind === 'number' ? typeof value === 'number' : typeof value === 'string';
    if (!fits) {
      add(
        `${path}.in.${i}`,
        'visible_if_impossible',
        { question: id, value: JSON.stringify(value), target: target.id },
        `question "${id}": visibleIf value ${JSON.stringify(value)} is not a possible answer to "${target.id}"`,
      );
    }
  });
}

/**
 * The finite set of answers a question can take; undefined for text and number (any string or
 * number); null when it cannot be known because the question's scale is unknown.
 */
function possibleValues(definition: SurveyDefinition, question: Question): Set<number | string> | undefined | null {
  switch (question.kind) {
    case 'likert': {
      if (!Object.hasOwn(definition.scales, question.scale)) return null;
      const scale = definition.scales[question.scale]!;
      const codes = new Set<number | string>(scale.levels.map((level) => level.code));
      if (scale.notApplicable) codes.add(scale.notApplicable.code);
      return codes;
    }
    case 'single':
    case 'multi':
      return new Set(question.options.map((option) => option.value));
    default:
      return undefined;
  }
}

function checkMethod(definition: SurveyDefinition, add: Add): void {
  const { method } = definition;
  if ('question' in method.overall) {
    const overallId = method.overall.question;
    const overall = definition.questions.find((q) => q.id === overallId);
    if (!overall) {
      add('method.overall.question', 'overall_unknown', { question: overallId }, `method.overall: unknown question "${overallId}"`);
    } else if (overall.kind !== 'likert') {
      add('method.overall.question', 'overall_not_likert', { question: overallId, kind: overall.kind }, `method.overall: question "${overallId}" is ${overall.kind}, not likert`);
    }
  } else if (definition.dimensions.length === 0) {
    add('method.overall.dimensions', 'overall_no_dimensions', {}, 'method.overall: the mean of dimensions needs at least one dimension');
  }

  if (method.kind !== 'share') return;
  // One satisfied set serves every likert question, so each code must mean a level in every
  // scale that likert questions use (the templates give their scales the same codes 5..1).
  const usedScales = new Set<string>();
  for (const question of definition.questions) {
    if (question.kind === 'likert' && Object.hasOwn(definition.scales, question.scale)) usedScales.add(question.scale);
  }
  const seen = new Set<number>();
  method.satisfied.forEach((code, i) => {
    if (seen.has(code)) add(`method.satisfied.${i}`, 'satisfied_duplicate', { code }, `method.satisfied: duplicate code ${code}`);
    seen.add(code);
    for (const scaleId of usedScales) {
      const scale = definition.scales[scaleId]!;
      if (!scale.levels.some((level) => level.code === code)) {
        add(`method.satisfied.${i}`, 'satisfied_not_level', { code, scale: scaleId }, `method.satisfied: code ${code} is not a level of scale "${scaleId}"`);
      }
    }
  });
}
