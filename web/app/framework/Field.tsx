import type { JSX } from 'preact';

/**
 * One labelled input: the short word shown, the full name (indicator and field) for assistive
 * technology and tests, since the same word repeats on every row of the tree.
 */
export function Field({ label, full, value, onInput, size = 6, inputMode, invalid }: {
  label: string;
  full: string;
  value: string | number | undefined;
  onInput: (v: string) => void;
  size?: number;
  inputMode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
  invalid?: boolean;
}) {
  return (
    <label class="fw-field">
      <span>{label}</span>
      <input type="text" size={size} value={value === undefined ? '' : String(value)} aria-label={full} aria-invalid={invalid ? 'true' : undefined}
        inputMode={inputMode} onInput={(e) => onInput(e.currentTarget.value)} />
    </label>
  );
}
