import type { FrameworkJson } from '../../../scoring/framework/schema.ts';
import { Field } from './Field.tsx';
import { ft } from './text.ts';

export type SheetGrade = FrameworkJson['grades'][number];

/**
 * 总分等级: the grades the sheet's total is given (优 ≥ 90, 良 ≥ 80, …), each a name and the lowest
 * total that earns it, highest first as the server requires. The server's issues about them are
 * shown inside the same fieldset.
 */
export function SheetGrades({ grades, issues, onChange }: { grades: SheetGrade[]; issues: string[]; onChange: (g: SheetGrade[]) => void }) {
  const put = (i: number, patch: Partial<SheetGrade>) => onChange(grades.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const full = (i: number, field: string) => `${ft('sheetGrades')} ${i + 1}：${field}`;
  return (
    <fieldset class="fw-params fw-grades">
      <legend>{ft('sheetGrades')}</legend>
      {grades.map((g, i) => (
        <p key={i} class="fw-row">
          <Field label={ft('sheetGradeLabel')} full={full(i, ft('sheetGradeLabel'))} value={g.label} onInput={(label) => put(i, { label })} size={5} />
          <Field label={ft('sheetGradeMin')} full={full(i, ft('sheetGradeMin'))} value={g.min} onInput={(min) => put(i, { min })} size={5} inputMode="decimal" />
          <button type="button" class="link" aria-label={full(i, ft('removeSheetGrade'))} disabled={grades.length === 1} onClick={() => onChange(grades.filter((_, j) => j !== i))}>{ft('removeSheetGrade')}</button>
        </p>
      ))}
      <button type="button" class="link" onClick={() => onChange([...grades, { min: '0', label: '' }])}>{ft('addSheetGrade')}</button>
      {issues.length > 0 && <ul class="fw-issues err">{issues.map((m, i) => <li key={i}>{m}</li>)}</ul>}
    </fieldset>
  );
}
