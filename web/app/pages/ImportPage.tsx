import { useMemo, useState } from 'preact/hooks';
import type { SurveyDefinition } from '../../../surveys/index.ts';
import { mainQuestionNumbers } from '../../../surveys/numbering.ts';
import { api } from '../lib/api.ts';
import { t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { SurveySubpage } from '../components/SurveySubpage.tsx';
import { ColumnMapping } from '../import/ColumnMapping.tsx';
import { RejectedRows } from '../import/RejectedRows.tsx';
import { ValueMapping } from '../import/ValueMapping.tsx';
import { choicesOf, mappingOf, prefillColumns, suggestChoice, unknownTexts, type ColumnRole } from '../import/prefill.ts';
import type { ImportDone, ImportPreview } from '../import/types.ts';
import { dateTime } from '../lib/time.ts';

export function ImportPage({ id }: { id: string }) {
  return (
    <SurveySubpage id={id} title={t('importTitle')} help={t('importHelp')}>
      {(d) => <ImportWizard surveyId={id} definition={d.definition} open={d.survey.status === 'open'} />}
    </SurveySubpage>
  );
}

type Values = Record<string, Record<string, string | number>>;

/**
 * Choose a file → match its columns to questions (pre-filled from the header) → preview the rows
 * that would be refused, mapping unknown texts to codes → confirm. The server judges every row
 * both times with the same mapping, so what the preview shows is what the import does.
 */
function ImportWizard({ surveyId, definition, open }: { surveyId: string; definition: SurveyDefinition; open: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [header, setHeader] = useState<string[] | null>(null);
  const [roles, setRoles] = useState<ColumnRole[]>([]);
  const [values, setValues] = useState<Values>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<ImportDone | null>(null);
  // The mapping the shown preview was made with: a changed mapping must be previewed before import.
  const [previewedWith, setPreviewedWith] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const numbers = useMemo(() => mainQuestionNumbers(definition), [definition]);
  const base = `/api/surveys/${encodeURIComponent(surveyId)}/import`;

  const send = async <T,>(path: string, mapping: object): Promise<T> => {
    const form = new FormData();
    form.set('file', file!);
    form.set('mapping', JSON.stringify(mapping));
    return api<T>(path, { form });
  };

  const step = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  // The server reads the file; a first preview with any one column mapped returns its header.
  const read = () => step(async () => {
    setPreview(null);
    setDone(null);
    const probe = await send<ImportPreview>(`${base}/preview`, { columns: { '#1': definition.questions[0]!.id } });
    setHeader(probe.header);
    setRoles(prefillColumns(probe.header, definition));
    setValues({});
  });

  const runPreview = (nextValues = values) => step(async () => {
    const mapping = mappingOf(roles, nextValues);
    const result = await send<ImportPreview>(`${base}/preview`, mapping);
    setPreview(result);
    setPreviewedWith(JSON.stringify(mapping));
    // Unknown texts get a suggested code at once; the evaluator checks them and previews again.
    const suggested: Values = structuredClone(nextValues);
    for (const u of unknownTexts(result.rejected, definition)) {
      const q = definition.questions.find((x) => x.id === u.question)!;
      const choice = suggestChoice(choicesOf(definition, q), u.text);
      if (choice && suggested[u.question]?.[u.text] === undefined) (suggested[u.question] ??= {})[u.text] = choice.value;
    }
    setValues(suggested);
  });

  const confirm = () => step(async () => {
    setDone(await send<ImportDone>(base, mappingOf(roles, values)));
  });

  const setValue = (question: string, text: string, value: string | number | undefined) => {
    const next = structuredClone(values);
    if (value === undefined) delete next[question]?.[text];
    else (next[question] ??= {})[text] = value;
    setValues(next);
  };

  const unknown = preview ? unknownTexts(preview.rejected, definition) : [];
  const mapped = roles.some((r) => r.kind === 'question');
  const stale = preview !== null && JSON.stringify(mappingOf(roles, values)) !== previewedWith;
  return (
    <div class="wizard">
      <ErrorBox error={error} />
      <section class="card">
        <h2>{t('step1')}</h2>
        <div class="field">
          <label for="import-file">{t('chooseFile')}</label>
          <input id="import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => { setFile(e.currentTarget.files?.[0] ?? null); setHeader(null); setPreview(null); setDone(null); }} />
        </div>
        <button type="button" class="btn primary" disabled={!file || busy} onClick={read}>{t('readFile')}</button>
      </section>

      {header && (
        <section class="card">
          <h2>{t('step2')}</h2>
          <ColumnMapping header={header} roles={roles} definition={definition} numbers={numbers}
            onChange={(i, role) => setRoles(roles.map((r, n) => (n === i ? role : r)))} />
          <button type="button" class="btn primary" disabled={!mapped || busy} onClick={() => runPreview()}>{t('previewButton')}</button>
        </section>
      )}

      {preview && (
        <section class="card" aria-live="polite">
          <h2>{t('step3')}</h2>
          <p><strong>{t('previewSummary', { rows: preview.rows, accepted: preview.accepted, rejected: preview.rejected.length })}</strong></p>
          {preview.unmappedRequired.length > 0 && (
            <p class="warn">{t('unmappedRequired', { list: preview.unmappedRequired.map((q) => `${numbers.get(q) ?? ''} ${q}`).join('、') })}</p>
          )}
          {preview.alreadyImported && <p class="warn">{t('alreadyImported', { at: dateTime(preview.alreadyImported.createdAt) })}</p>}
          <ValueMapping unknown={unknown} definition={definition} values={values} onChange={setValue} />
          {stale && <button type="button" class="btn primary" disabled={busy} onClick={() => runPreview()}>{t('previewButton')}</button>}
          <RejectedRows rejected={preview.rejected} />
        </section>
      )}

      {preview && (
        <section class="card">
          <h2>{t('step4')}</h2>
          {!open && <p class="warn">{t('entryNotOpen')}</p>}
          <button type="button" class="btn primary" disabled={busy || stale || !open || preview.accepted === 0 || preview.alreadyImported !== null || done !== null} onClick={confirm}>
            {t('confirmImport', { n: preview.accepted })}
          </button>
          <p role="status">{done ? t('imported', { n: done.import.rowsAccepted, file: done.import.fileName }) : ''}</p>
        </section>
      )}
    </div>
  );
}
