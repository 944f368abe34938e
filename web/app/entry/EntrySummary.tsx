import type { Ref } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Answers, Question, SurveyDefinition } from '../../../surveys/index.ts';
import { numberMark, questionNumbers } from '../../../surveys/numbering.ts';
import { choiceLabel } from '../../respondent/hints.ts';
import { answerOf } from '../../respondent/form-state.ts';
import { t } from '../i18n.ts';

interface Props {
  definition: SurveyDefinition;
  questions: Question[];
  answers: Answers;
  headingRef: Ref<HTMLHeadingElement>;
  busy: boolean;
  onSave: () => void;
}

/** What will be saved, question by question, for a last look before Ctrl+Enter. */
export function EntrySummary({ definition, questions, answers, headingRef, busy, onSave }: Props) {
  // A follow-up is numbered under its question ("6.1"), as in the exports (surveys/numbering.ts).
  const numbered = useMemo(() => questionNumbers(definition), [definition]);
  const shown = (q: Question) => {
    const v = answerOf(answers, q.id);
    if (v === undefined) return null;
    if (Array.isArray(v)) return v.map((x) => choiceLabel(definition, q, x)).join('、');
    return choiceLabel(definition, q, v);
  };
  return (
    <section class="summary card" aria-labelledby="entry-summary-h">
      <h2 id="entry-summary-h" ref={headingRef} tabIndex={-1}>{t('entrySummary')}</h2>
      <ol class="summary-list">
        {questions.map((q) => {
          const answer = shown(q);
          return (
            <li key={q.id} class={answer === null && q.required ? 'missing' : undefined}>
              {numbered.has(q.id) && <><span class="sub">{numberMark(numbered.get(q.id))}</span>{' '}</>}{q.label} <strong class="answer">{answer ?? t('entryMissing')}</strong>
            </li>
          );
        })}
      </ol>
      <button type="button" class="btn primary" disabled={busy} onClick={onSave}>{t('entrySave')}</button>
    </section>
  );
}
