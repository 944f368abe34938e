import type { Ref } from 'preact';
import type { AnswerIssue, SurveyDefinition } from '../../surveys/index.ts';
import { issueMessage, strings, type Lang } from './i18n.ts';

interface Props {
  definition: SurveyDefinition;
  issues: AnswerIssue[];
  numbers: Map<string, number>;
  lang: Lang;
  boxRef?: Ref<HTMLDivElement>;
}

/** The list of problems at the top of the form, each linking to its question. */
export function ErrorSummary({ definition, issues, numbers, lang, boxRef }: Props) {
  const labels = new Map(definition.questions.map((q) => [q.id, q.label]));
  return (
    <div class="mny-summary" role="alert" tabIndex={-1} ref={boxRef}>
      <p class="mny-summary-t">{strings(lang).summary(issues.length)}</p>
      <ul>
        {issues.map((issue) => {
          const label = labels.get(issue.question);
          const number = numbers.get(issue.question);
          const message = issueMessage(lang, issue);
          return (
            <li key={issue.question + issue.code}>
              {label === undefined ? message : (
                <a href={`#q-${issue.question}`}>
                  {number !== undefined && `${number}. `}{label}{strings(lang).colon}{message}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
