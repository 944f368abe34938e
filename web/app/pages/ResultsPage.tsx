import { useEffect, useState } from 'preact/hooks';
import type { SurveyDetail } from '../lib/types.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { SurveySubpage } from '../components/SurveySubpage.tsx';
import { useLiveResults, pollSeconds } from '../results/live.ts';
import { rt } from '../results/text.ts';
import { Accounting } from '../results/Accounting.tsx';
import { Method, Overall, RateTable } from '../results/Rates.tsx';
import { Population } from '../results/Population.tsx';
import { Breakdown, Filters } from '../results/Breakdown.tsx';
import { ItemChart } from '../results/ItemChart.tsx';
import { ResponseList } from '../results/ResponseList.tsx';
import { Texts } from '../results/Texts.tsx';
import { Exports } from '../results/Exports.tsx';
import type { Filter } from '../results/types.ts';
import { timeOfDay } from '../lib/time.ts';
import '../results/results.css';

/** The results of a survey during fieldwork (issue 5): live figures, the chart, review, exports. */
export function ResultsPage({ id }: { id: string }) {
  return (
    <SurveySubpage id={id} title={rt('title')}>
      {(detail) => <Results id={id} detail={detail} />}
    </SurveySubpage>
  );
}

/** Every key a filter can take, kept across loads: a filtered result names only its own. */
function useKnownKeys(groups: string[] | undefined, channels: string[] | undefined) {
  const [known, setKnown] = useState<{ groups: string[]; channels: string[] }>({ groups: [], channels: [] });
  const g = (groups ?? []).join('\n');
  const c = (channels ?? []).join('\n');
  useEffect(() => {
    const merge = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();
    setKnown((k) => ({ groups: merge(k.groups, groups ?? []), channels: merge(k.channels, channels ?? []) }));
  }, [g, c]);
  return known;
}

function Results({ id, detail }: { id: string; detail: SurveyDetail }) {
  const [filter, setFilter] = useState<Filter>({ group: '', channel: '' });
  const live = useLiveResults(id, filter);
  const d = live.data;
  const known = useKnownKeys(d && Object.keys(d.groups), d && Object.keys(d.channels));
  // Changes of the figures (a response, an exclusion) also refresh the lists beside them.
  const version = live.version;
  const def = detail.definition;

  return (
    <>
      <p class={`results-status help ${live.mode}`} role="status">
        <span class="dot" aria-hidden="true" />
        {live.mode === 'polling' ? rt('polling', { s: pollSeconds }) : rt('live')}
        {live.updatedAt && ` · ${rt('updatedAt', { time: timeOfDay(live.updatedAt) })}`}
      </p>
      <ErrorBox error={live.error} />
      <Filters groups={known.groups} channels={known.channels} value={filter} onChange={setFilter} />
      {d && (
        <>
          <div class="results-top">
            <Overall overall={d.overall} plan={d.plan}>
              <Population surveyId={id} population={d.plan.population} onChanged={live.refresh} />
            </Overall>
            <Accounting a={d.accounting} surveyId={id} version={version} onChanged={live.refresh} />
          </div>
          <Method method={d.method} def={def} />
          <section class="card" aria-labelledby="rates-h">
            <h2 id="rates-h" class="sr">{rt('items')}</h2>
            <RateTable id="dimension-rates" caption={rt('dimensions')} head={rt('dimension')} rows={d.dimensions} />
            <RateTable id="item-rates" caption={rt('items')} head={rt('item')} rows={d.items} />
            <ItemChart items={d.items} def={def} fileName={`${detail.survey.slug}-图1`} />
          </section>
          <Breakdown data={d} />
          <ResponseList surveyId={id} filter={filter} version={version} onChanged={live.refresh} />
          <Texts surveyId={id} version={version} def={def} />
          <Exports surveyId={id} filter={filter} version={version} />
        </>
      )}
    </>
  );
}
