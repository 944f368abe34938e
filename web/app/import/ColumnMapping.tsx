import type { SurveyDefinition } from '../../../surveys/index.ts';
import { t } from '../i18n.ts';
import type { ColumnRole } from './prefill.ts';

interface Props {
  header: string[];
  roles: ColumnRole[];
  definition: SurveyDefinition;
  numbers: Map<string, number>;
  onChange: (index: number, role: ColumnRole) => void;
}

const encode = (r: ColumnRole) => (r.kind === 'question' ? `q:${r.id}` : r.kind);
const decode = (v: string): ColumnRole => (v.startsWith('q:') ? { kind: 'question', id: v.slice(2) } : { kind: v as 'skip' | 'submittedAt' | 'duration' });

/** One row per column of the file: its header and a select of what it holds. */
export function ColumnMapping({ header, roles, definition, numbers, onChange }: Props) {
  return (
    <div class="scroll">
      <table class="list">
        <thead><tr><th scope="col">{t('column')}</th><th scope="col">{t('question')}</th></tr></thead>
        <tbody>
          {header.map((h, i) => (
            <tr key={i}>
              <th scope="row"><label for={`col-${i}`}>{`#${i + 1} ${h}`}</label></th>
              <td>
                <select id={`col-${i}`} value={encode(roles[i] ?? { kind: 'skip' })} onChange={(e) => onChange(i, decode(e.currentTarget.value))}>
                  <option value="skip">{t('notImported')}</option>
                  <option value="submittedAt">{t('submittedAtColumn')}</option>
                  <option value="duration">{t('durationColumn')}</option>
                  {definition.questions.map((q) => (
                    <option key={q.id} value={`q:${q.id}`}>{numbers.has(q.id) ? `${numbers.get(q.id)}. ${q.label}` : `↳ ${q.label} (${q.id})`}</option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
