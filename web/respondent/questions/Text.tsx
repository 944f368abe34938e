import type { TextQuestion } from '../../../surveys/index.ts';
import type { FieldProps } from './types.ts';

/** Free text (reasons, 意见建议): a textarea, kept as typed; the server trims it. */
export function Text(props: FieldProps<TextQuestion>) {
  const { question } = props;
  const id = `i-${question.id}`;
  return (
    <>
      <label class="mny-l" for={id}>{props.head}</label>
      {props.notes}
      <textarea
        id={id}
        name={question.id}
        rows={3}
        // Without a declared limit the server's default applies; importing it would pull zod into the bundle.
        maxLength={question.maxLength}
        value={typeof props.value === 'string' ? props.value : ''}
        disabled={props.disabled}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid ? 'true' : undefined}
        onInput={(e) => {
          const text = e.currentTarget.value;
          props.onChange(question.id, text === '' ? undefined : text);
        }}
      />
    </>
  );
}
