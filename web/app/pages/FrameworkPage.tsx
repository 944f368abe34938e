import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiFailure } from '../lib/api.ts';
import { useLoad } from '../lib/useLoad.ts';
import { t } from '../i18n.ts';
import { messageOf } from '../lib/messages.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { Link } from '../components/Link.tsx';
import {
  addChild, draftFrom, duplicateCodes, frameworkOf, indent, move, nodeOfField, outdent, remove, sumProblems, totalPoints, update, type Draft,
} from '../framework/tree.ts';
import { buttonId, NodeItem, type Action, type TreeState } from '../framework/NodeItem.tsx';
import { Upload } from '../framework/Upload.tsx';
import { SheetGrades } from '../framework/SheetGrades.tsx';
import { ft } from '../framework/text.ts';
import '../framework/framework.css';

interface Current {
  version: number | null;
  framework: unknown;
  evaluation: { name: string };
}

/**
 * The evaluation's indicator system in the browser: start from the bundled 部门整体支出 framework,
 * the current version or a file; edit the tree; save as a new version (PUT …/framework). The
 * children's points are checked against their parent while editing; everything else the server
 * checks, and its issues are shown beside the indicator each names.
 */
export function FrameworkPage({ id }: { id: string }) {
  const base = `/api/evaluations/${encodeURIComponent(id)}`;
  const current = useLoad(async (): Promise<Current> => {
    const [fw, detail] = await Promise.all([api<Omit<Current, 'evaluation'>>(`${base}/framework`), api<{ evaluation: { name: string } }>(base)]);
    return { ...fw, evaluation: detail.evaluation };
  }, id);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Kept as a key and its parameters, not as words, so it follows a change of language.
  const [note, setNote] = useState<{ key: 'saved' | 'unchanged' | 'uploadLoaded'; params: Record<string, string | number> } | null>(null);
  const [saving, setSaving] = useState(false);
  // After a move the node's DOM is new: focus goes back to the control the keyboard user pressed.
  const [focus, setFocus] = useState<{ node: string; action: Action | 'input' } | null>(null);

  useEffect(() => {
    if (!focus) return;
    const byAction = focus.action === 'input' ? null : document.getElementById(buttonId(focus.node, focus.action));
    const target = byAction && !(byAction as HTMLButtonElement).disabled ? byAction : document.querySelector<HTMLElement>(`[data-node="${focus.node}"] input`);
    target?.focus();
    setFocus(null);
  }, [focus]);

  const start = (json: unknown, file: string | null = null) => {
    setDraft(draftFrom(json));
    setError(null);
    setNote(file === null ? null : { key: 'uploadLoaded', params: { file } });
  };

  const loadBundled = async () => {
    // Its own chunk: only evaluators who start from it download the JSON.
    const bundled = await import('../../../scoring/frameworks/department-overall.json');
    start(structuredClone(bundled.default));
  };

  const state: TreeState | null = useMemo(() => {
    if (!draft) return null;
    const issues = new Map<string, string[]>();
    if (error instanceof ApiFailure) {
      for (const i of error.issues) {
        const node = i.field ? nodeOfField(draft, i.field) : null;
        if (node) issues.set(node, [...(issues.get(node) ?? []), i.message]);
      }
    }
    return { sums: sumProblems(draft), duplicates: duplicateCodes(draft), issues };
  }, [draft, error]);

  const onAction = (node: string, action: Action) => {
    if (!draft) return;
    if (action === 'addChild') {
      const added = addChild(draft, node);
      setDraft(added.draft);
      setFocus({ node: added.id, action: 'input' });
      return;
    }
    const next = { up: () => move(draft, node, -1), down: () => move(draft, node, 1), indent: () => indent(draft, node), outdent: () => outdent(draft, node), remove: () => remove(draft, node) }[action]();
    setDraft(next);
    if (action !== 'remove') setFocus({ node, action });
  };

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setError(null);
    setNote(null);
    try {
      const r = await api<{ version: number; created: boolean }>(`${base}/framework`, { method: 'PUT', json: { framework: frameworkOf(draft) } });
      setNote(r.created ? { key: 'saved', params: { v: r.version } } : { key: 'unchanged', params: {} });
      current.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const c = current.data;
  // The grades' issues go beside the grades; those that name no indicator and no grade (the name,
  // the body) are shown with the error.
  const serverIssues = error instanceof ApiFailure ? error.issues : [];
  const ofGrades = (i: { field?: string | null }) => /^(framework\.)?grades\b/.test(i.field ?? '');
  const gradeIssues = serverIssues.filter(ofGrades).map((i) => i.message);
  const unplaced = draft ? serverIssues.filter((i) => !ofGrades(i) && (!i.field || nodeOfField(draft, i.field) === null)) : [];
  const total = draft ? totalPoints(draft) : null;
  return (
    <section class="framework-page">
      <p class="crumbs">
        <Link href="/app/">{t('navEvaluations')}</Link> › <Link href={`/app/evaluations/${encodeURIComponent(id)}`}>{current.data?.evaluation.name ?? t('back')}</Link> › <Link href={`/app/evaluations/${encodeURIComponent(id)}/sheet`}>{ft('toSheet')}</Link>
      </p>
      <h1 tabIndex={-1}>{ft('title')}</h1>
      <ErrorBox error={current.error} />
      {c && <p class="meta">{c.version === null ? ft('none') : ft('current', { name: (c.framework as { name?: string }).name ?? '', v: c.version })}</p>}
      <fieldset class="fw-start">
        <legend>{ft('start')}</legend>
        <button type="button" class="btn" onClick={() => void loadBundled()}>{ft('loadBundled')}</button>
        {c?.framework != null && <button type="button" class="btn" onClick={() => start(c.framework)}>{ft('loadCurrent')}</button>}
        <Upload evaluationId={id} onLoaded={(json, file) => start(json, file)} />
      </fieldset>
      <p class="fw-note" role="status">{note && ft(note.key, note.params)} {note && note.key !== 'uploadLoaded' && <Link href={`/app/evaluations/${encodeURIComponent(id)}/sheet`}>{ft('toSheet')}</Link>}</p>
      {draft && state && (
        <form class="fw-editor" onSubmit={(e) => (e.preventDefault(), void save())}>
          <label class="fw-field fw-wide">
            <span>{ft('name')}</span>
            <input type="text" size={40} value={draft.name} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
          </label>
          <SheetGrades grades={draft.grades} issues={gradeIssues} onChange={(grades) => setDraft({ ...draft, grades })} />
          <p class="meta">{ft('totalPoints', { p: total ?? '—' })}</p>
          <ol class="fw-tree" aria-label={ft('title')}>
            {draft.indicators.map((n, i) => (
              <NodeItem key={n.id} node={n} level={1} first={i === 0} last={i === draft.indicators.length - 1} state={state}
                onEdit={(nodeId, patch) => setDraft(update(draft, nodeId, patch))} onAction={onAction} />
            ))}
          </ol>
          <p><button type="button" class="link" onClick={() => { const a = addChild(draft, null); setDraft(a.draft); setFocus({ node: a.id, action: 'input' }); }}>{ft('addTop')}</button></p>
          {error !== null && (
            <div class="err" role="alert">
              <p>{messageOf(error)}</p>
              {unplaced.length > 0 && <ul>{unplaced.map((i, n) => <li key={n}>{i.message}</li>)}</ul>}
            </div>
          )}
          {state.sums.size > 0 && <p class="fw-warn" role="status">{ft('warnings', { n: state.sums.size })}</p>}
          <p class="actions"><button type="submit" class="btn primary" disabled={saving}>{ft('save')}</button></p>
        </form>
      )}
    </section>
  );
}
