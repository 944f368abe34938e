import { useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { navigate } from '../lib/router.ts';
import { useLoad } from '../lib/useLoad.ts';
import type { Evaluation } from '../lib/types.ts';
import { t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { Link } from '../components/Link.tsx';
import { TextField } from '../components/TextField.tsx';

/** The evaluations the user may see, and a form to start a new one. */
export function Evaluations() {
  const list = useLoad(() => api<{ evaluations: Evaluation[] }>('/api/evaluations'), 'evaluations');
  return (
    <section>
      <h1 tabIndex={-1}>{t('evaluationsTitle')}</h1>
      <ErrorBox error={list.error} />
      {list.data && (list.data.evaluations.length === 0
        ? <p>{t('noEvaluations')}</p>
        : (
          <table class="list">
            <thead>
              <tr><th scope="col">{t('evaluationName')}</th><th scope="col">{t('evaluationUnit')}</th><th scope="col">{t('evaluationYear')}</th></tr>
            </thead>
            <tbody>
              {list.data.evaluations.map((e) => (
                <tr key={e.id}>
                  <td><Link href={`/app/evaluations/${encodeURIComponent(e.id)}`}>{e.name}</Link></td>
                  <td>{e.unit}</td>
                  <td>{e.year}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <NewEvaluation />
    </section>
  );
}

function NewEvaluation() {
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ id: string }>('/api/evaluations', { json: { name, unit, year: Number(year) } });
      navigate(`/app/evaluations/${encodeURIComponent(r.id)}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card stack" onSubmit={submit}>
      <fieldset>
        <legend>{t('newEvaluation')}</legend>
        <ErrorBox error={error} />
        <TextField id="ev-name" label={t('evaluationName')} value={name} onInput={setName} required />
        <TextField id="ev-unit" label={t('evaluationUnit')} value={unit} onInput={setUnit} required />
        <TextField id="ev-year" type="number" inputMode="numeric" min={2000} max={2100} label={t('evaluationYear')} value={year} onInput={setYear} required />
        <button type="submit" class="btn primary" disabled={busy}>{t('create')}</button>
      </fieldset>
    </form>
  );
}
