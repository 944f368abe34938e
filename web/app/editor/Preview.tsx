import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { AnswerValue, Answers, SurveyDefinition } from '../../../surveys/index.ts';
import { Question } from '../../respondent/Question.tsx';
import { answerOf, formView } from '../../respondent/form-state.ts';
import { conditionHint, screenerHint } from '../../respondent/hints.ts';
import { mainQuestionNumbers } from '../../../surveys/numbering.ts';
import { strings } from '../../respondent/i18n.ts';
import { lang } from '../i18n.ts';

/**
 * The phone page as a respondent will see it, drawn by the respondent page's own components from
 * the draft: follow-ups appear and the screener cuts off as answers are tapped. Nothing is sent.
 */
export function Preview({ definition }: { definition: SurveyDefinition }) {
  const [answers, setAnswers] = useState<Answers>({});
  const numbers = useMemo(() => mainQuestionNumbers(definition), [definition]);
  const rt = strings(lang() === 'en' ? 'en' : 'zh');
  const view = formView(definition, answers);
  const change = (id: string, value: AnswerValue | undefined) =>
    setAnswers((a) => {
      const next = { ...a };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });
  return (
    <div class="mny phone">
      <div class="mny-main">
        <p class="preview-title">{definition.title}</p>
        {definition.intro && <p class="mny-intro">{definition.intro}</p>}
        {definition.questions.map((question) => (
          <Fragment key={question.id}>
            <Question
              definition={definition}
              question={question}
              t={rt}
              number={numbers.get(question.id)}
              value={answerOf(answers, question.id)}
              hidden={!view.shown.has(question.id)}
              hint={conditionHint(definition, question, numbers, rt) ?? screenerHint(question, rt)}
              error={undefined}
              disabled={false}
              onChange={change}
            />
            {question.kind === 'single' && question.screener && view.screenedOutAt === question.id && <p class="mny-note">{rt.screenedOut}</p>}
          </Fragment>
        ))}
        <div class="mny-foot">
          <button type="button" class="mny-btn" disabled>{rt.submit}</button>
        </div>
      </div>
    </div>
  );
}
