import type { Ref } from 'preact';
import type { AnswerIssue, SurveyDefinition } from '../../surveys/index.ts';
import { questionName } from './hints.ts';
import { format, issueMessage, type Strings } from './text.ts';

interface Props {
  definition: SurveyDefinition;
  issues: AnswerIssue[];
  numbers: Map<string, number>;
  t: Strings;
  boxRef?: Ref<HTMLDivElement>;
}

/** The list of problems at the top of the form, each linking to its question: 第 3 题：请回答此题。 */
export function ErrorSummary({ definition, issues, numbers, t, boxRef }: Props) {
  return (
    <div class="mny-summary" role="alert" tabIndex={-1} ref={boxRef}>
      <p class="mny-summary-t">{format(t.summary, { n: issues.length })}</p>
      <ul>
        {issues.map((issue) => {
          const where = questionName(definition, issue.question, numbers, t);
          // One text node per element: the server merges adjacent ones, and hydration would
          // then add the second again.
          const text = `${where === undefined ? '' : format(t.summaryItem, { where })}${issueMessage(t, issue)}`;
          return (
            <li key={issue.question + issue.code}>
              {where === undefined ? text : <a href={`#q-${issue.question}`}>{text}</a>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
