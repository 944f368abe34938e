import { useEffect, useState } from 'preact/hooks';
import type { NumberQuestion } from '../../../surveys/index.ts';
import type { FieldProps } from './types.ts';

/**
 * A number (e.g. 员工人数). The typed text is kept as local state: feeding the parsed number back
 * into the input would turn "1." into "1" under the respondent's thumb.
 */
export function NumberInput(props: FieldProps<NumberQuestion>) {
  const { question } = props;
  const id = `i-${question.id}`;
  const fromValue = typeof props.value === 'number' ? String(props.value) : '';
  const [text, setText] = useState(fromValue);
  // A restored draft sets the value from outside; follow it unless it is what is typed. An
  // undefined value is what half-typed input gives, so it never clears the field.
  useEffect(() => {
    if (props.value !== undefined && (text.trim() === '' || Number(text) !== props.value)) setText(fromValue);
  }, [props.value]);
  return (
    <>
      <label class="mny-l" for={id}>{props.head}</label>
      {props.notes}
      <span class="mny-num">
        <input
          id={id}
          name={question.id}
          type="number"
          inputMode={question.integer ? 'numeric' : 'decimal'}
          min={question.min}
          max={question.max}
          step={question.integer ? 1 : 'any'}
          value={text}
          disabled={props.disabled}
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid ? 'true' : undefined}
          onInput={(e) => {
            const raw = e.currentTarget.value;
            setText(raw);
            const n = raw.trim() === '' ? Number.NaN : Number(raw);
            props.onChange(question.id, Number.isFinite(n) ? n : undefined);
          }}
        />
        {question.unit && <span class="mny-unit">{question.unit}</span>}
      </span>
    </>
  );
}
