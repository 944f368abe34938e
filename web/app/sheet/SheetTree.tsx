import { useEffect, useRef, useState } from 'preact/hooks';
import type { IndicatorInput, SheetIndicator } from './types.ts';
import { ScoreEditor } from './ScoreEditor.tsx';
import { st } from './text.ts';

interface Row {
  indicator: SheetIndicator;
  level: number;
}

function rowsOf(list: readonly SheetIndicator[], level = 1): Row[] {
  return list.flatMap((indicator) => [{ indicator, level }, ...rowsOf(indicator.children, level + 1)]);
}

/**
 * The indicator tree as one table, depth first, with each level set in: points, score, rate,
 * the reason and how the rule scored it, a report's stated rate that belongs to figures changed
 * since, and the findings where a score does not follow from its rule or its children. Any score
 * can be edited in its row (§7: any node may be scored whole).
 * On a phone the table scrolls sideways in its own box (a region, reachable by keyboard) instead
 * of widening the page or squeezing the names a character or two a line.
 */
export function SheetTree({ evaluationId, indicators, inputs, onChange }: {
  evaluationId: string;
  indicators: readonly SheetIndicator[];
  inputs: ReadonlyMap<string, IndicatorInput>;
  onChange: () => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  // When the editor closes, the focus goes back to its row's edit button (there once the row has
  // rendered without the editor) rather than to the page.
  const closed = useRef<string | null>(null);
  useEffect(() => {
    if (editing !== null || closed.current === null) return;
    document.getElementById(`ind-${closed.current}`)?.querySelector<HTMLButtonElement>('button.edit-score')?.focus();
    closed.current = null;
  }, [editing]);
  const close = (code: string) => {
    closed.current = code;
    setEditing(null);
  };
  return (
    <div class="scroll sheet-scroll" role="region" aria-label={st('scrollHint')} tabIndex={0}>
      <table class="list sheet">
        <thead>
          <tr>
            <th scope="col">{st('code')}</th>
            <th scope="col">{st('indicator')}</th>
            <th scope="col" class="num">{st('points')}</th>
            <th scope="col" class="num">{st('score')}</th>
            <th scope="col" class="num">{st('rate')}</th>
            <th scope="col">{st('assessment')}</th>
          </tr>
        </thead>
        <tbody>
          {rowsOf(indicators).map(({ indicator: i, level }) => (
            <tr key={i.code} id={`ind-${i.code}`} class={`level-${Math.min(level, 4)}${i.findings.length > 0 ? ' has-finding' : ''}`}>
              <td class="code">{i.code}</td>
              <th scope="row" style={{ '--depth': level - 1 } as Record<string, number>}>{i.name}</th>
              <td class="num">{i.points}</td>
              <td class="num score">
                {editing === i.code ? (
                  <ScoreEditor
                    evaluationId={evaluationId}
                    indicator={i}
                    input={inputs.get(i.code)}
                    onSaved={() => (close(i.code), onChange())}
                    onCancel={() => close(i.code)}
                  />
                ) : (
                  <>
                    <span class="value">{i.score ?? '—'}</span>
                    {i.entered && <span class="sub">{st('entered')}</span>}
                    <button type="button" class="link edit-score" aria-label={`${st('edit')}：${i.name}`} onClick={() => setEditing(i.code)}>{st('edit')}</button>
                  </>
                )}
              </td>
              <td class="num">{i.rate === null ? '—' : `${i.rate}%`}</td>
              <td class="assessment">
                {i.reason && <p class="reason">{i.reason}</p>}
                {i.basis && <p class="sub">{i.basis}</p>}
                {i.staleStatedRate && <p class="sub stated-before">{st('statedBefore', { rate: i.staleStatedRate })}</p>}
                {i.findings.length > 0 && (
                  <ul class="findings" aria-label={st('findings')}>
                    {i.findings.map((f, n) => <li key={n}>{f}</li>)}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
