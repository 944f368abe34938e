import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SurveyDefinition } from '../../../surveys/index.ts';
import { api, ApiFailure } from '../lib/api.ts';
import { t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { checkDefinitionText, serverIssues, type EditorIssue } from './check.ts';
import { lineRange } from './json-locate.ts';
import { IssueList } from './IssueList.tsx';
import { Preview } from './Preview.tsx';

interface Props {
  surveyId: string;
  definition: SurveyDefinition;
  onSaved: () => void;
}

/** The definition as JSON text, checked as it is typed, beside a live phone preview. */
export function DefinitionEditor({ surveyId, definition, onSaved }: Props) {
  const initial = useMemo(() => JSON.stringify(definition, null, 2), [definition]);
  const [text, setText] = useState(initial);
  const [checked, setChecked] = useState(() => checkDefinitionText(initial));
  const [lastValid, setLastValid] = useState<SurveyDefinition>(definition);
  const [fromServer, setFromServer] = useState<EditorIssue[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  // Checked a moment after typing stops: parsing a long definition on every key would lag.
  useEffect(() => {
    const timer = setTimeout(() => {
      const result = checkDefinitionText(text);
      setChecked(result);
      if (result.definition) setLastValid(result.definition);
    }, 150);
    return () => clearTimeout(timer);
  }, [text]);

  const jump = (line: number) => {
    const el = area.current;
    if (!el) return;
    const [start, end] = lineRange(el.value, line);
    el.focus();
    el.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const save = async () => {
    setError(null);
    setSaved(null);
    setFromServer([]);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      jump(checked.issues[0]?.line ?? 1);
      return;
    }
    setBusy(true);
    try {
      const r = await api<{ version: number }>(`/api/surveys/${encodeURIComponent(surveyId)}/definition`, { method: 'PUT', json: { definition: parsed } });
      setSaved(r.version);
      onSaved();
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 422 && err.issues.length > 0) setFromServer(serverIssues(text, err.issues));
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const issues = checked.issues.length > 0 ? checked.issues : fromServer;
  const stale = checked.definition === null;
  return (
    <section class="editor" aria-labelledby="editor-h">
      <h2 id="editor-h">{t('editorTitle')}</h2>
      <p class="help">{t('editorHelp')}</p>
      <div class="editor-grid">
        <div class="editor-text">
          {/* Problems first: they stay in view above the text, and come first in the tab order. */}
          <IssueList issues={issues} onJump={jump} />
          <label for="definition" class="sr">{t('definitionText')}</label>
          <textarea
            id="definition"
            ref={area}
            class="code"
            spellcheck={false}
            value={text}
            aria-invalid={issues.length > 0 ? 'true' : undefined}
            aria-describedby="issues-h"
            onInput={(e) => {
              setText(e.currentTarget.value);
              setSaved(null);
            }}
          />
          <ErrorBox error={error} />
          <p class="row">
            <button type="button" class="btn primary" disabled={busy || issues.length > 0 || text === initial} onClick={save}>
              {busy ? t('saving') : t('saveDefinition')}
            </button>
            <span role="status">{saved !== null ? t('savedVersion', { n: saved }) : ''}</span>
          </p>
        </div>
        <section class="editor-preview" aria-labelledby="preview-h">
          <h3 id="preview-h">{t('previewTitle')}</h3>
          {stale && <p class="warn">{t('previewStale')}</p>}
          <Preview definition={lastValid} />
        </section>
      </div>
    </section>
  );
}
