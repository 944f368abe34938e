// A definition sent by an evaluator, checked by surveys/ before anything is stored: every problem
// the schema and the reference checks find comes back at once, each naming its path in the body.
import { parseDefinition, type SurveyDefinition } from '../../surveys/index.ts';
import { ApiError } from '../http/errors.ts';

export function checkedDefinition(input: unknown, field = 'definition'): SurveyDefinition {
  const parsed = parseDefinition(input);
  if (parsed.ok) return parsed.definition;
  throw new ApiError(
    422,
    'invalid_definition',
    `the definition has ${parsed.issues.length} problem(s): ${parsed.issues.slice(0, 3).map((i) => i.message).join('; ')}`,
    parsed.issues.map((i) => ({ field: i.path ? `${field}.${i.path}` : field, code: i.code, message: i.message, ...(i.params ? { params: i.params } : {}) })),
  );
}
