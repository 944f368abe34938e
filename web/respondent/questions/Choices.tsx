import type { ComponentChildren } from 'preact';

export interface Choice {
  value: string | number;
  label: string;
  /** "Not applicable" (不了解) sits apart from the scale, so it is not read as its lowest level. */
  apart?: boolean;
}

interface Props {
  type: 'radio' | 'checkbox';
  name: string;
  choices: Choice[];
  isChecked: (value: string | number) => boolean;
  onToggle: (value: string | number, checked: boolean) => void;
  disabled: boolean;
  head: ComponentChildren;
  notes: ComponentChildren;
  describedBy: string | undefined;
  invalid: boolean;
}

/**
 * A fieldset of radios or checkboxes, shared by likert, single and multi questions. Each option is
 * a whole-row label around its input, so the full row is the tap target and no ids are needed.
 */
export function Choices(props: Props) {
  const { type, name, disabled, invalid } = props;
  return (
    <fieldset class="mny-set" aria-describedby={props.describedBy}>
      <legend class="mny-l">{props.head}</legend>
      {props.notes}
      {props.choices.map((choice) => (
        <label class={choice.apart ? 'mny-o mny-apart' : 'mny-o'} key={choice.value}>
          <input
            type={type}
            name={name}
            value={String(choice.value)}
            checked={props.isChecked(choice.value)}
            disabled={disabled}
            aria-invalid={invalid ? 'true' : undefined}
            onChange={(e) => props.onToggle(choice.value, e.currentTarget.checked)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
