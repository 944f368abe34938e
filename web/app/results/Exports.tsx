import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { dateTime, filterText } from './format.ts';
import { rt } from './text.ts';
import { filterQuery, type ExportRecord, type Filter } from './types.ts';

const files = [
  ['export.csv', 'exportCsv'],
  ['export.xlsx', 'exportXlsx'],
  ['results.xlsx', 'resultsXlsx'],
  ['results.json', 'resultsJson'],
  ['report.txt', 'reportTxt'],
] as const;

/**
 * Links to the exports (plain links: the browser downloads them with the session cookie), with
 * the current filter, and the export log the server keeps of every download.
 */
export function Exports({ surveyId, filter, version }: { surveyId: string; filter: Filter; version: string }) {
  const [log, setLog] = useState<ExportRecord[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [seen, setSeen] = useState(0);
  const base = `/api/surveys/${encodeURIComponent(surveyId)}`;
  const q = filterQuery(filter);

  useEffect(() => {
    let live = true;
    api<{ exports: ExportRecord[] }>(`${base}/exports`).then(
      (r) => live && setLog(r.exports),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [surveyId, version, seen]);

  const filtered = filterText(filter);
  return (
    <section class="card" aria-labelledby="exports-h">
      <h2 id="exports-h">{rt('exportsTitle')}</h2>
      {filtered && <p class="help">{rt('exportFilterNote', { filter: filtered })}</p>}
      <nav class="actions" aria-label={rt('exportsTitle')}>
        {files.map(([file, key]) => (
          // The log gains a row once the download has been recorded: read it again shortly after.
          <a key={file} class="btn small" href={`${base}/${file}${q}`} download onClick={() => setTimeout(() => setSeen((n) => n + 1), 1500)}>{rt(key)}</a>
        ))}
      </nav>
      <ErrorBox error={error} />
      <h3>{rt('exportLog')}</h3>
      {log && log.length === 0 && <p class="help">{rt('noExports')}</p>}
      {log && log.length > 0 && (
        <div class="scroll">
          <table class="list" id="export-log">
            <thead>
              <tr><th scope="col">{rt('when')}</th><th scope="col">{rt('kind')}</th><th scope="col">{rt('who')}</th><th scope="col">{rt('filters')}</th><th scope="col" class="num">{rt('rows')}</th><th scope="col">sha256</th></tr>
            </thead>
            <tbody>
              {log.map((x) => (
                <tr key={x.id}>
                  <td class="nowrap">{dateTime(x.createdAt)}</td>
                  <td>{x.kind}</td>
                  <td>{x.user.username}</td>
                  <td>{Object.entries(x.filters).map(([k, v]) => `${k}=${v}`).join(' ') || '—'}</td>
                  <td class="num">{x.rows}</td>
                  <td><code class="hash" title={x.sha256}>{x.sha256.slice(0, 16)}…</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
