import { useState } from 'preact/hooks';
import { api, ApiFailure } from '../lib/api.ts';
import { useLoad } from '../lib/useLoad.ts';
import { t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { Link } from '../components/Link.tsx';
import { SheetTree } from '../sheet/SheetTree.tsx';
import { SatisfactionPanel } from '../sheet/SatisfactionPanel.tsx';
import type { IndicatorInput, SheetView, StoredInput } from '../sheet/types.ts';
import { st } from '../sheet/text.ts';
import { ft } from '../framework/text.ts';
import '../sheet/sheet.css';

interface Loaded {
  sheet: SheetView | null;
  inputs: Map<string, IndicatorInput>;
}

/**
 * An evaluation's score sheet, live: the total and grade, the satisfaction indicators with their
 * surveys and band certainty, and the indicator tree, where any score can be changed in its row.
 * Every figure is the server's (scored by scoring/); after a change the sheet is read again.
 */
export function SheetPage({ id }: { id: string }) {
  const base = `/api/evaluations/${encodeURIComponent(id)}`;
  const loaded = useLoad(async (): Promise<Loaded> => {
    try {
      const [sheet, stored] = await Promise.all([api<SheetView>(`${base}/sheet`), api<{ inputs: StoredInput[] }>(`${base}/indicators`)]);
      return { sheet, inputs: new Map(stored.inputs.map((i) => [i.code, i.input])) };
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 409 && e.code === 'no_framework') return { sheet: null, inputs: new Map() };
      throw e;
    }
  }, id);
  const [error, setError] = useState<unknown>(null);
  const d = loaded.data;
  const s = d?.sheet;

  const useBundled = async () => {
    try {
      await api(`${base}/framework`, { method: 'PUT', json: { framework: 'department-overall' } });
      loaded.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section>
      <p class="crumbs">
        <Link href="/app/">{t('navEvaluations')}</Link>
        {s && <> › <Link href={`/app/evaluations/${encodeURIComponent(id)}`}>{s.evaluation.name}</Link></>}
      </p>
      <h1 tabIndex={-1}>{st('title')}</h1>
      <ErrorBox error={loaded.error ?? error} />
      {d && !s && (
        <>
          <p>{st('noFramework')}</p>
          <button type="button" onClick={() => void useBundled()}>{st('useBundled')}</button>
          <p><Link href={`/app/evaluations/${encodeURIComponent(id)}/framework`}>{ft('editFramework')}</Link></p>
        </>
      )}
      {s && (
        <>
          <p class="meta">{s.framework.name} · {st('frameworkVersion', { v: s.framework.version })} · <Link href={`/app/evaluations/${encodeURIComponent(id)}/framework`}>{ft('editFramework')}</Link></p>
          <div class="sheet-total" aria-live="polite">
            <span>{st('total')} <span class="figure" id="sheet-total">{s.total ?? '—'}</span> / {s.points}</span>
            <span>{st('grade')} <span class="grade" id="sheet-grade">{s.grade ?? '—'}</span></span>
            {!s.complete && <span class="sub">{st('incomplete')}</span>}
          </div>
          <p class="exports">
            {st('exports')}：
            <a href={`${base}/sheet.xlsx`} download>{st('exportXlsx')}</a>
            <a href={`${base}/report-tables.html`} target="_blank" rel="noopener">{st('exportHtml')}</a>
            <a href={`${base}/sheet.json`} download>{st('exportJson')}</a>
          </p>
          {s.inputIssues.length > 0 && (
            <div class="err">
              <p>{st('inputIssues')}</p>
              <ul>{s.inputIssues.map((i, n) => <li key={n}>{i.message}</li>)}</ul>
            </div>
          )}
          <SatisfactionPanel sheet={s} evaluationId={id} onChange={loaded.reload} />
          <SheetTree evaluationId={id} indicators={s.indicators} inputs={d.inputs} onChange={loaded.reload} />
        </>
      )}
    </section>
  );
}
