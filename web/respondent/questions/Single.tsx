import type { SingleQuestion } from '../../../surveys/index.ts';
import { Choices } from './Choices.tsx';
import type { FieldProps } from './types.ts';

/** One choice among options (radios), including screeners such as 过去一年是否办理过…业务. */
export function Single(props: FieldProps<SingleQuestion>) {
  const { question } = props;
  return (
    <Choices
      {...props}
      type="radio"
      name={question.id}
      choices={question.options}
      isChecked={(value) => props.value === value}
      onToggle={(value, checked) => checked && props.onChange(question.id, String(value))}
    />
  );
}
