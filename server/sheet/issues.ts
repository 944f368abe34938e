// scoring/'s problems (a framework or an input that does not fit) in the error shape of DESIGN §6:
// the field is where in the body, and the indicator's code travels with it.
import type { ScoringIssue } from '../../scoring/index.ts';
import type { Issue } from '../http/errors.ts';

export function issuesFromScoring(issues: readonly ScoringIssue[], code = 'invalid'): Issue[] {
  return issues.map((i) => ({ field: i.path, code, message: i.message, ...(i.code === null ? {} : { params: { indicator: i.code } }) }));
}
