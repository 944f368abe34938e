import { tOr } from '../i18n.ts';
import { interval, pct } from './format.ts';
import { rt } from './text.ts';
import type { ResultsView } from './types.ts';

type Parts = ResultsView['groups'];

/** The overall rate of each respondent group or channel, with its received and valid counts. */
function PartTable({ caption, parts, prefix }: { caption: string; parts: Parts; prefix: string }) {
  const keys = Object.keys(parts);
  if (keys.length === 0) return null;
  return (
    <div class="scroll">
      <table class="list">
        <caption>{caption}</caption>
        <thead>
          <tr><th scope="col" /><th scope="col" class="num">{rt('received')}</th><th scope="col" class="num">{rt('valid')}</th><th scope="col" class="num">{rt('overall')}</th><th scope="col" class="num">{rt('ci')}</th></tr>
        </thead>
        <tbody>
          {keys.map((k) => {
            const p = parts[k]!;
            return (
              <tr key={k}>
                <th scope="row">{tOr(`${prefix}_${k}`, k)}</th>
                <td class="num">{p.accounting.received}</td>
                <td class="num">{p.accounting.valid}</td>
                <td class="num">{pct(p.overall?.rate)}{p.overall && <span class="sub">n={p.overall.n}</span>}</td>
                <td class="num nowrap">{interval(p.overall?.ci95)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function Breakdown({ data }: { data: ResultsView }) {
  return (
    <section class="card" aria-labelledby="bd-h">
      <h2 id="bd-h">{rt('breakdown')}</h2>
      <div class="results-two">
        <PartTable caption={rt('byGroup')} parts={data.groups} prefix="group" />
        <PartTable caption={rt('byChannel')} parts={data.channels} prefix="channel" />
      </div>
    </section>
  );
}

/** Group and channel filters; the choices are every key seen so far, so a filter can be undone. */
export function Filters({ groups, channels, value, onChange }: { groups: string[]; channels: string[]; value: { group: string; channel: string }; onChange: (v: { group: string; channel: string }) => void }) {
  return (
    <fieldset class="inline results-filters">
      <legend>{rt('filters')}</legend>
      <div class="field">
        <label for="filter-group">{rt('group')}</label>
        <select id="filter-group" value={value.group} onChange={(e) => onChange({ ...value, group: (e.target as HTMLSelectElement).value })}>
          <option value="">{rt('all')}</option>
          {groups.map((g) => <option key={g} value={g}>{tOr(`group_${g}`, g)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="filter-channel">{rt('channel')}</label>
        <select id="filter-channel" value={value.channel} onChange={(e) => onChange({ ...value, channel: (e.target as HTMLSelectElement).value })}>
          <option value="">{rt('all')}</option>
          {channels.map((c) => <option key={c} value={c}>{tOr(`channel_${c}`, c)}</option>)}
        </select>
      </div>
    </fieldset>
  );
}
