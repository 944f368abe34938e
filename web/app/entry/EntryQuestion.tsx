import type { AnswerValue, Question, SurveyDefinition } from '../../../surveys/index.ts';
import { digitChoices } from './keys.ts';

interface Props {
  definition: SurveyDefinition;
  question: Question;
  number: number | undefined;
  value: AnswerValue | undefined;
  error: string | undefined;
  current: boolean;
  onChange: (id: string, value: AnswerValue | undefined) => void;
}

/** One question of the entry form: each choice shows the digit that picks it. */
export function EntryQuestion({ definition, question, number, value, error, current, onChange }: Props) {
  const id = `eq-${question.id}`;
  const errorId = error ? `${id}-err` : undefined;
  const head = `${number !== undefined ? `${number}. ` : ''}${question.label}${question.required ? ' *' : ''}`;
  const cls = ['eq', current && 'current', error && 'bad'].filter(Boolean).join(' ');

  if (question.kind === 'text' || question.kind === 'number') {
    const text = value === undefined ? '' : String(value);
    return (
      <div class={cls} id={id} data-question={question.id}>
        <label for={`${id}-input`} class="eq-l">{head}</label>
        {error && <p class="eq-err" id={errorId}>{error}</p>}
        {question.kind === 'text'
          ? <textarea id={`${id}-input`} rows={2} value={text} aria-describedby={errorId} onInput={(e) => onChange(question.id, e.currentTarget.value || undefined)} />
          : <input id={`${id}-input`} type="number" inputMode="decimal" value={text} aria-describedby={errorId}
              onInput={(e) => onChange(question.id, e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))} />}
      </div>
    );
  }

  const multi = question.kind === 'multi';
  const chosen = (v: string | number) => (Array.isArray(value) ? value.includes(String(v)) : value !== undefined && String(value) === String(v));
  return (
    <fieldset class={cls} id={id} data-question={question.id} aria-describedby={errorId}>
      <legend class="eq-l">{head}</legend>
      {error && <p class="eq-err" id={errorId}>{error}</p>}
      <div class="eq-opts">
        {digitChoices(definition, question).map((c) => (
          <label key={String(c.value)} class="eq-o">
            <input
              type={multi ? 'checkbox' : 'radio'}
              name={id}
              value={String(c.value)}
              checked={chosen(c.value)}
              onChange={(e) => {
                if (!multi) return onChange(question.id, c.value);
                const list = Array.isArray(value) ? value : [];
                const next = e.currentTarget.checked ? [...list, String(c.value)] : list.filter((v) => v !== String(c.value));
                onChange(question.id, next.length > 0 ? next : undefined);
              }}
            />
            {c.digit !== null && <kbd>{c.digit}</kbd>}
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
