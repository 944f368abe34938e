import type { Question, SurveyDefinition } from './definition.ts';

// Definitions are immutable once parsed (DESIGN §2: versioned, never edited in place), so an
// index built once per definition object can be cached without invalidation. A WeakMap lets
// the definition and its index be collected together.
const cache = new WeakMap<SurveyDefinition, Map<string, Question>>();

/** The questions of a definition by id; the first wins if a caller skipped parseDefinition. */
export function questionsById(definition: SurveyDefinition): Map<string, Question> {
  let index = cache.get(definition);
  if (!index) {
    index = new Map();
    for (const question of definition.questions) {
      if (!index.has(question.id)) index.set(question.id, question);
    }
    cache.set(definition, index);
  }
  return index;
}
