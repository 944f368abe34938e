import type { ComponentChildren } from 'preact';
import type { SurveyDefinition } from '../../../surveys/index.ts';
import { bandSentence, interval, methodSentences, pct } from './format.ts';
import { rt } from './text.ts';
import type { Rate, ResultsView } from './types.ts';

/** The declared method, printed with the figures it made (DESIGN §3 "Declared method"). */
export function Method({ method, def }: { method: ResultsView['method']; def: SurveyDefinition }) {
  return (
    <div class="results-method" id="method">
      <h2>{rt('method')}</h2>
      <ul>{methodSentences(method, def).map((s) => <li key={s}>{s}</li>)}</ul>
    </div>
  );
}

/** The overall rate, large, with its n, interval, 不了解 and whether its band is settled. */
export function Overall({ overall, plan, children }: { overall: Rate | null; plan: ResultsView['plan']; children?: ComponentChildren }) {
  const band = overall && bandSentence(overall);
  return (
    <section class="card results-overall" aria-labelledby="overall-h">
      <h2 id="overall-h">{rt('overall')}</h2>
      <p class="big" id="overall-rate">{pct(overall?.rate)}</p>
      {overall && (
        <p class="meta">
          {rt('n')} {overall.n} · {rt('ci')} {interval(overall.ci95)} · {rt('notApplicable')} {overall.notApplicable}
        </p>
      )}
      {band && <p class={overall?.band?.certain ? 'band ok' : 'band warn'} id="overall-band">{band}</p>}
      <p class="help">{rt('plan', { n: plan.required })}</p>
      {children}
    </section>
  );
}

interface Row {
  id: string;
  label?: string | undefined;
  rate: string | null;
  n: number;
  notApplicable: number;
  ci95: [string, string] | null;
}

/** Dimension or item rates: each with n, 不了解 and the 95 % interval. */
export function RateTable({ caption, head, rows, id }: { caption: string; head: string; rows: Row[]; id: string }) {
  if (rows.length === 0) return null;
  return (
    <div class="scroll">
      <table class="list results-rates" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr><th scope="col">{head}</th><th scope="col" class="num">{rt('rate')}</th><th scope="col" class="num">{rt('n')}</th><th scope="col" class="num">{rt('notApplicable')}</th><th scope="col" class="num">{rt('ci')}</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-id={r.id}>
              <th scope="row">{r.label ?? r.id}</th>
              <td class="num rate">{pct(r.rate)}</td>
              <td class="num">{r.n}</td>
              <td class="num">{r.notApplicable}</td>
              <td class="num nowrap">{interval(r.ci95)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
