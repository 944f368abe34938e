import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  label: ComponentChildren;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'password' | 'number' | 'url';
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  min?: number;
  max?: number;
  /** Focus on first render: the one field a page is for. */
  autoFocus?: boolean;
}

/** A labelled single-line input, label above, full width on a phone. */
export function TextField(p: Props) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <input
        id={p.id}
        name={p.id}
        type={p.type ?? 'text'}
        value={p.value}
        required={p.required}
        autoComplete={p.autoComplete}
        inputMode={p.inputMode}
        min={p.min}
        max={p.max}
        autoFocus={p.autoFocus}
        onInput={(e) => p.onInput(e.currentTarget.value)}
      />
    </div>
  );
}
