import { useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { useLoad } from '../lib/useLoad.ts';
import type { Token } from '../lib/types.ts';
import { t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { Link } from '../components/Link.tsx';

interface TokenList {
  tokens: Token[];
  issued: number;
  used: number;
}

/** Invitation tokens: make N, or one per company pasted; see which are used; CSV and a QR sheet. */
export function Tokens({ surveyId }: { surveyId: string }) {
  const base = `/api/surveys/${encodeURIComponent(surveyId)}`;
  const list = useLoad(() => api<TokenList>(`${base}/tokens`), surveyId);
  const [count, setCount] = useState('10');
  const [companies, setCompanies] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const make = async (e: Event) => {
    e.preventDefault();
    const names = companies.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
    setBusy(true);
    setError(null);
    try {
      await api(`${base}/tokens`, { json: names.length > 0 ? { companies: names } : { count: Number(count) } });
      setCompanies('');
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const d = list.data;
  return (
    <section class="card">
      <h2>{t('tokensTitle')}</h2>
      <p class="help">{t('tokensHelp')}</p>
      <form class="stack" onSubmit={make}>
        <div class="field">
          <label for="token-count">{t('tokenCount')}</label>
          <input id="token-count" type="number" inputMode="numeric" min={1} max={5000} value={count} disabled={companies.trim() !== ''} onInput={(e) => setCount(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="token-companies">{t('companies')}</label>
          <textarea id="token-companies" rows={4} value={companies} onInput={(e) => setCompanies(e.currentTarget.value)} />
        </div>
        <button type="submit" class="btn primary" disabled={busy}>{t('makeTokens')}</button>
      </form>
      <ErrorBox error={error ?? list.error} />
      {d && (
        <>
          <p class="row">
            <span role="status">{t('tokensSummary', { issued: d.issued, used: d.used })}</span>
            {d.issued > 0 && <a class="btn" href={`${base}/tokens.csv`} download>{t('downloadCsv')}</a>}
            {d.issued > 0 && <Link class="btn" href={`/app/surveys/${encodeURIComponent(surveyId)}/tokens`}>{t('printSheet')}</Link>}
          </p>
          {d.tokens.length === 0 ? <p>{t('noTokens')}</p> : (
            <div class="scroll">
              <table class="list tokens">
                <thead><tr><th scope="col">{t('tokenCompany')}</th><th scope="col">{t('tokenLink')}</th><th scope="col">{t('tokenState')}</th></tr></thead>
                <tbody>
                  {d.tokens.map((tk) => (
                    <tr key={tk.token}>
                      <td>{tk.label ?? '—'}</td>
                      <td><code class="url">{tk.url}</code></td>
                      <td><span class={tk.used ? 'badge closed' : 'badge open'}>{tk.used ? t('used') : t('unused')}</span></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
