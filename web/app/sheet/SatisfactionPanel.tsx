import type { SheetView } from './types.ts';
import { st } from './text.ts';
import { bt } from './binding-text.ts';
import { BindingForm } from './BindingForm.tsx';

/**
 * Each satisfaction indicator: its rate with n and interval, the surveys it is bound to, whether
 * the band is settled, and what the total and grade would be one band up or down.
 */
export function SatisfactionPanel({ sheet, evaluationId, onChange }: { sheet: SheetView; evaluationId: string; onChange: () => void }) {
  if (sheet.satisfaction.length === 0) return null;
  return (
    <section class="satisfaction-panel" aria-labelledby="satisfaction-title">
      <h2 id="satisfaction-title">{st('satisfactionTitle')}</h2>
      {sheet.satisfaction.map((s) => {
        const binding = sheet.bindings.find((b) => b.code === s.code);
        const c = s.certainty;
        return (
          <div key={s.code} class="satisfaction" id={`sat-${s.code}`}>
            <p>
              <strong>{s.code} {s.name}</strong>：{s.rate === null ? '—' : `${s.rate}%`}
              {s.n !== null && <> （n = {s.n}{s.ci95 && <>，95% 区间 {s.ci95[0]}%–{s.ci95[1]}%</>}）</>}
              {' → '}{s.score ?? '—'} / {s.points}
            </p>
            {binding && (
              <p class="sub">
                {st('bound')}：{binding.surveys.map((b) => `${b.title ?? b.slug ?? b.surveyId}（${b.result?.rate ?? '—'}%，n = ${b.result?.n ?? 0}，#${b.chain.seq}）`).join('；')}
              </p>
            )}
            {c && <p class={c.certain ? 'sub' : 'sub uncertain'}>{c.certain ? st('certain') : c.settlesAt === null ? st('unsettled', { t: c.straddles.join('%、') }) : st('uncertain', { t: c.straddles.join('%、'), n: c.settlesAt })}</p>}
            <ul class="neighbours">
              {s.neighbours.map((n) => (
                <li key={n.direction}>{st('ifMoved', { dir: st(n.direction), min: n.band.min, score: n.score ?? '—', total: n.total ?? '—', grade: n.grade ?? '—' })}</li>
              ))}
            </ul>
            {binding && binding.problems.length > 0 && <ul class="err">{binding.problems.map((p, n) => <li key={n}>{p.field}：{p.message}</li>)}</ul>}
            {/* Keyed by the binding, so after a save or removal the form starts from what the server stored. */}
            <details class="binding" open={!binding}>
              <summary>{binding ? bt('edit') : bt('bindTitle')}</summary>
              <BindingForm key={JSON.stringify(binding ?? null)} evaluationId={evaluationId} code={s.code} name={s.name} binding={binding} onChange={onChange} />
            </details>
          </div>
        );
      })}
    </section>
  );
}
