import { useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { ft } from './text.ts';

/**
 * A framework from a file, into the editor (not saved: the evaluator looks, then saves). JSON is
 * read here; an XLSX goes to the server, which lays its 一级/二级/三级指标 columns out as §7 JSON
 * and answers with it, or with the rows and columns it could not read.
 */
export function Upload({ evaluationId, onLoaded }: { evaluationId: string; onLoaded: (json: unknown, file: string) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      if (/\.json$/i.test(file.name) || file.type === 'application/json') {
        let json: unknown;
        try {
          json = JSON.parse(await file.text());
        } catch (e) {
          throw new Error(ft('badJson', { message: e instanceof Error ? e.message : String(e) }));
        }
        // An exported framework response ({ framework: … }) is accepted as well as the bare JSON.
        const inner = json && typeof json === 'object' && 'framework' in json && !('indicators' in json) ? (json as { framework: unknown }).framework : json;
        onLoaded(inner, file.name);
      } else {
        const form = new FormData();
        form.append('file', file);
        const r = await api<{ framework: unknown }>(`/api/evaluations/${encodeURIComponent(evaluationId)}/framework/import`, { form });
        onLoaded(r.framework, file.name);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="fw-upload">
      <label class="fw-field">
        <span>{ft('upload')}</span>
        <input type="file" accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy}
          onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void read(f); e.currentTarget.value = ''; }} />
      </label>
      <p class="sub">{ft('uploadHint')}</p>
      <ErrorBox error={error} />
    </div>
  );
}
