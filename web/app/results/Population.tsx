import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { useSave } from '../lib/useSave.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { TextField } from '../components/TextField.tsx';
import { rt } from './text.ts';

/**
 * 总体规模 N, which the sample-size planner corrects for (DESIGN §3: 500 companies → 218 instead
 * of 384). Blank is a large or unknown population, as for the residents of a district: what was
 * issued is a sample of the population, not its size, so it is never taken for N.
 */
export function Population({ surveyId, population, onChanged }: { surveyId: string; population: number | null; onChanged: () => void }) {
  const [value, setValue] = useState(population === null ? '' : String(population));
  const { busy, saved, error, run } = useSave();
  // A change made elsewhere (another evaluator, another tab) comes in with the figures.
  useEffect(() => setValue(population === null ? '' : String(population)), [population]);

  const submit = (e: Event) => {
    e.preventDefault();
    const typed = value.trim();
    return run(async () => {
      await api(`/api/surveys/${encodeURIComponent(surveyId)}/population`, { method: 'PUT', json: { population: typed === '' ? null : Number(typed) } });
      onChanged();
    });
  };

  return (
    <form onSubmit={submit} class="population-form" id="population">
      <TextField id="population-n" label={rt('populationLabel')} type="number" inputMode="numeric" value={value} onInput={setValue} />
      <button type="submit" class="btn" disabled={busy}>{rt('populationSave')}</button>
      {saved && <span role="status"> {rt('populationSaved')}</span>}
      <p class="help">{population === null ? rt('populationNone') : rt('populationSet', { n: population })}</p>
      <ErrorBox error={error} />
    </form>
  );
}
