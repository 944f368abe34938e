import type { MultiQuestion } from '../../../surveys/index.ts';
import { Choices } from './Choices.tsx';
import type { FieldProps } from './types.ts';

/** Any number of options: checkboxes sharing the question id as their name, as a form post expects. */
export function Multi(props: FieldProps<MultiQuestion>) {
  const { question } = props;
  const chosen = Array.isArray(props.value) ? props.value : [];
  return (
    <Choices
      {...props}
      type="checkbox"
      name={question.id}
      choices={question.options}
      isChecked={(value) => chosen.includes(String(value))}
      onToggle={(value, checked) => {
        // Keep the options' order, whatever order they were ticked in.
        const next = question.options
          .map((o) => o.value)
          .filter((v) => (v === value ? checked : chosen.includes(v)));
        props.onChange(question.id, next.length > 0 ? next : undefined);
      }}
    />
  );
}
