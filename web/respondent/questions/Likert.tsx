import type { LikertQuestion } from '../../../surveys/index.ts';
import { Choices, type Choice } from './Choices.tsx';
import type { FieldProps } from './types.ts';

/** A satisfaction scale: one radio per level, value = the level code, 不了解 set apart at the end. */
export function Likert(props: FieldProps<LikertQuestion>) {
  const { question, definition } = props;
  const scale = Object.hasOwn(definition.scales, question.scale) ? definition.scales[question.scale] : undefined;
  const choices: Choice[] = scale ? scale.levels.map((l) => ({ value: l.code, label: l.label })) : [];
  if (scale?.notApplicable) choices.push({ value: scale.notApplicable.code, label: scale.notApplicable.label, apart: true });
  return (
    <Choices
      {...props}
      type="radio"
      name={question.id}
      choices={choices}
      // Compared as text: a re-rendered form post may carry the code as a string.
      isChecked={(code) => props.value !== undefined && String(props.value) === String(code)}
      onToggle={(code, checked) => checked && props.onChange(question.id, code)}
    />
  );
}
