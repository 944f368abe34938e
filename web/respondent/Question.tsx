import type { AnswerValue, Question as QuestionData, SurveyDefinition } from '../../surveys/index.ts';
import type { Strings } from './text.ts';
import { Likert } from './questions/Likert.tsx';
import { Multi } from './questions/Multi.tsx';
import { NumberInput } from './questions/NumberInput.tsx';
import { Single } from './questions/Single.tsx';
import { Text } from './questions/Text.tsx';
import type { FieldProps } from './questions/types.ts';

interface Props {
  definition: SurveyDefinition;
  question: QuestionData;
  t: Strings;
  number: number | undefined;
  value: AnswerValue | undefined;
  /** Off screen (a follow-up not triggered, or past an ineligible screener) but kept in the DOM. */
  hidden: boolean;
  /** For respondents without JavaScript, who see every question: when this one applies. */
  hint: string | undefined;
  error: string | undefined;
  /** The survey text's language where it differs from the page's (see textLang). */
  textLang?: string | undefined;
  disabled: boolean;
  onChange: FieldProps['onChange'];
}

// Text is always one string per element position: the server merges adjacent text nodes into one,
// and Preact's hydration would then add the second one again ("1. . 题目").

/**
 * One question's box: heading, notes and the control for its kind. Hidden questions stay in
 * the markup (CSS hides them), so the server's HTML and the hydrated page match node for node.
 */
export function Question(props: Props) {
  const { question, error } = props;
  const { t } = props;
  const helpId = question.help ? `d-${question.id}` : undefined;
  const errorId = error ? `e-${question.id}` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  // The box takes the survey text's language; the page's own words inside it keep the page's.
  const ui = props.textLang && t.htmlLang;
  const head = (
    <>
      {props.number !== undefined && <span class="mny-n">{`${props.number}. `}</span>}
      {question.label}
      {question.required && (
        <>
          <span class="mny-req" aria-hidden="true"> *</span>
          <span class="mny-sr" lang={ui}>{`（${t.required}）`}</span>
        </>
      )}
      {question.kind === 'multi' && <span class="mny-sub" lang={ui}>{t.multiHint}</span>}
    </>
  );
  const notes = (
    <>
      {question.help && <p class="mny-help" id={helpId}>{question.help}</p>}
      {props.hint && <p class="mny-hint" lang={ui}>{props.hint}</p>}
      {error && <p class="mny-err" id={errorId} lang={ui}>{error}</p>}
    </>
  );
  const field = { ...props, head, notes, describedBy, invalid: error !== undefined };
  const classes = ['mny-q', question.visibleIf && 'mny-fu', props.hidden && 'mny-off', error && 'mny-bad'];
  return (
    <div class={classes.filter(Boolean).join(' ')} id={`q-${question.id}`} lang={props.textLang}>
      {fieldFor(field)}
    </div>
  );
}

function fieldFor(field: Omit<FieldProps, 'question'> & { question: QuestionData }) {
  const { question } = field;
  switch (question.kind) {
    case 'likert':
      return <Likert {...field} question={question} />;
    case 'single':
      return <Single {...field} question={question} />;
    case 'multi':
      return <Multi {...field} question={question} />;
    case 'text':
      return <Text {...field} question={question} />;
    case 'number':
      return <NumberInput {...field} question={question} />;
  }
}
