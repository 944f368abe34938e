import { useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { navigate } from '../lib/router.ts';
import { t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { TextField } from '../components/TextField.tsx';
import { lineOf, locateJson } from '../editor/json-locate.ts';
import { jsonProblemText } from '../editor/json-words.ts';

type Source = 'public' | 'enterprise' | 'definition';

/** A survey from a bundled template, or from a definition pasted or read from a file. */
export function NewSurvey({ evaluationId }: { evaluationId: string }) {
  const [source, setSource] = useState<Source>('public');
  const [slug, setSlug] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (file) setText(await file.text());
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    let body: Record<string, unknown>;
    if (source === 'definition') {
      // Where the text stops being JSON, said as the definition editor says it (the browser's own
      // JSON.parse message is English and worded differently in each browser).
      const located = locateJson(text);
      if (located.error) {
        setError(new Error(`${t('lineN', { n: lineOf(text, located.error.offset) })} JSON: ${jsonProblemText(located.error)}`));
        return;
      }
      body = { evaluationId, definition: JSON.parse(text) as unknown };
    } else {
      body = { evaluationId, template: source, ...(slug.trim() ? { slug: slug.trim() } : {}) };
    }
    setBusy(true);
    try {
      const r = await api<{ id: string }>('/api/surveys', { json: body });
      navigate(`/app/surveys/${encodeURIComponent(r.id)}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const choice = (value: Source, label: string) => (
    <label class="choice">
      <input type="radio" name="survey-source" value={value} checked={source === value} onChange={() => setSource(value)} />
      {label}
    </label>
  );

  return (
    <form class="card stack" onSubmit={submit}>
      <h2>{t('newSurvey')}</h2>
      <ErrorBox error={error} />
      <fieldset>
        <legend>{t('source')}</legend>
        {choice('public', t('templatePublic'))}
        {choice('enterprise', t('templateEnterprise'))}
        {choice('definition', t('fromDefinition'))}
      </fieldset>
      {source === 'definition' ? (
        <>
          <div class="field">
            <label for="def-file">{t('definitionFile')}</label>
            <input id="def-file" type="file" accept=".json,application/json" onChange={(e) => readFile(e.currentTarget)} />
          </div>
          <div class="field">
            <label for="def-text">{t('definitionText')}</label>
            <textarea id="def-text" class="code" rows={10} value={text} spellcheck={false} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
        </>
      ) : (
        <TextField id="survey-slug" label={t('slug')} value={slug} onInput={setSlug} />
      )}
      <button type="submit" class="btn primary" disabled={busy}>{t('create')}</button>
    </form>
  );
}
