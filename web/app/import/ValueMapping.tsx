import type { SurveyDefinition } from '../../../surveys/index.ts';
import { t } from '../i18n.ts';
import { choicesOf, type UnknownText } from './prefill.ts';

interface Props {
  unknown: UnknownText[];
  definition: SurveyDefinition;
  values: Record<string, Record<string, string | number>>;
  onChange: (question: string, text: string, value: string | number | undefined) => void;
}

/** Texts of the file that are no answer the survey knows, each with a select of what it stands for. */
export function ValueMapping({ unknown, definition, values, onChange }: Props) {
  if (unknown.length === 0) return null;
  const questions = new Map(definition.questions.map((q) => [q.id, q]));
  return (
    <fieldset class="card">
      <legend>{t('valuesTitle')}</legend>
      <p class="help">{t('valuesHelp')}</p>
      <table class="list">
        <thead><tr><th scope="col">{t('question')}</th><th scope="col">{t('valueText')}</th><th scope="col">{t('valueCode')}</th></tr></thead>
        <tbody>
          {unknown.map((u, n) => {
            const q = questions.get(u.question)!;
            const choices = choicesOf(definition, q);
            const chosen = values[u.question]?.[u.text];
            return (
              <tr key={`${u.question}-${u.text}`}>
                <td>{q.label}</td>
                <td><label for={`val-${n}`}>{u.text}</label> <span class="sub">×{u.rows}</span></td>
                <td>
                  <select id={`val-${n}`} value={chosen === undefined ? '' : String(chosen)} onChange={(e) => {
                    const v = e.currentTarget.value;
                    const choice = choices.find((c) => String(c.value) === v);
                    onChange(u.question, u.text, choice?.value);
                  }}>
                    <option value="">—</option>
                    {choices.map((c) => <option key={String(c.value)} value={String(c.value)}>{`${c.value} ${c.label}`}</option>)}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
