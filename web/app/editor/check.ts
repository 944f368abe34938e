// The editor's instant check: the text as JSON, then the definition as surveys/ judges it (the
// same parseDefinition the server runs), every problem placed on a line of the text and worded in
// the app's language.
import { parseDefinition, type SurveyDefinition } from '../../../surveys/index.ts';
import type { ApiIssue } from '../lib/api.ts';
import { issueLine } from '../lib/issue-words.ts';
import { lineOf, locateJson, offsetOfPath } from './json-locate.ts';
import { jsonProblemText } from './json-words.ts';

export interface EditorIssue {
  line: number;
  /** Dotted path in the definition ("questions.3.label"); "" for the whole text. */
  path: string;
  /**
   * In the app's language when read: a getter, so that problems kept in the editor's state are
   * said in the new language as soon as it is switched, not at the next keystroke.
   */
  readonly message: string;
}

export interface CheckResult {
  issues: EditorIssue[];
  /** The definition when it has no problems, for the preview. */
  definition: SurveyDefinition | null;
}

export function checkDefinitionText(text: string): CheckResult {
  const located = locateJson(text);
  if (located.error) {
    const error = located.error;
    return { issues: [{ line: lineOf(text, error.offset), path: '', get message() { return `JSON: ${jsonProblemText(error)}`; } }], definition: null };
  }
  const parsed = parseDefinition(JSON.parse(text));
  if (parsed.ok) return { issues: [], definition: parsed.definition };
  return {
    issues: parsed.issues.map((i) => ({ path: i.path, get message() { return issueLine(i); }, line: lineOf(text, offsetOfPath(located, i.path)) })),
    definition: null,
  };
}

/** The server's 422 issues (fields like "definition.questions.3.label") placed on lines of the text that was sent. */
export function serverIssues(text: string, issues: ApiIssue[]): EditorIssue[] {
  const located = locateJson(text);
  return issues.map((i) => {
    const field = i.path ?? i.field ?? '';
    const path = field === 'definition' ? '' : field.replace(/^definition\./, '');
    return { path, get message() { return issueLine({ ...i, field: undefined, path }); }, line: lineOf(text, offsetOfPath(located, path)) };
  });
}
