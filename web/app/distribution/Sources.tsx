import { useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { useLoad } from '../lib/useLoad.ts';
import type { Source } from '../lib/types.ts';
import { t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { Link } from '../components/Link.tsx';
import { TextField } from '../components/TextField.tsx';

/** Poster sources (one per hall or channel) with their print links and kiosk links. */
export function Sources({ surveyId }: { surveyId: string }) {
  const base = `/api/surveys/${encodeURIComponent(surveyId)}`;
  const list = useLoad(() => api<{ sources: Source[] }>(`${base}/sources`), surveyId);
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [kiosk, setKiosk] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const poster = (source: string | null) => `/app/surveys/${encodeURIComponent(surveyId)}/poster${source ? `?source=${encodeURIComponent(source)}` : ''}`;

  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      list.reload();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };

  const add = async (e: Event) => {
    e.preventDefault();
    if (await run(() => api(`${base}/sources`, { json: { code: code.trim(), label: label.trim(), kiosk } }))) {
      setCode('');
      setLabel('');
      setKiosk(false);
    }
  };

  return (
    <section class="card">
      <h2>{t('postersTitle')}</h2>
      <p class="help">{t('postersHelp')}</p>
      <ErrorBox error={error ?? list.error} />
      <ul class="plain sources">
        <li><strong>{t('generalPoster')}</strong> <Link href={poster(null)}>{t('printPoster')}</Link></li>
        {list.data?.sources.map((s) => (
          <li key={s.code}>
            <strong>{s.label}</strong> <code>{s.code}</code>{' '}
            <Link href={poster(s.code)}>{t('printPoster')}<span class="sr"> {s.label}</span></Link>
            <div class="sub">
              {t('kioskLink')}：
              {s.kioskUrl
                ? <a href={s.kioskUrl} target="_blank" rel="noopener">{s.kioskUrl}</a>
                : <button type="button" class="btn small" onClick={() => run(() => api(`${base}/sources/${encodeURIComponent(s.code)}/kiosk`, { json: {} }))}>{t('enableKiosk')}<span class="sr"> {s.label}</span></button>}
            </div>
          </li>
        ))}
      </ul>
      <form class="stack" onSubmit={add}>
        <fieldset>
          <legend>{t('addSource')}</legend>
          <TextField id="src-code" label={t('sourceCode')} value={code} onInput={setCode} required />
          <TextField id="src-label" label={t('sourceLabel')} value={label} onInput={setLabel} required />
          <label class="choice"><input type="checkbox" checked={kiosk} onChange={(e) => setKiosk(e.currentTarget.checked)} /> {t('kiosk')}</label>
          <p class="help">{t('kioskHelp')}</p>
          <button type="submit" class="btn">{t('addSource')}</button>
        </fieldset>
      </form>
    </section>
  );
}
