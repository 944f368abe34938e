import type { RuleJson } from '../../../scoring/framework/schema.ts';
import { defaultRule, type RuleKind } from './tree.ts';
import { Field } from './Field.tsx';
import { ft, type FtKey } from './text.ts';

const kinds: RuleKind[] = ['satisfaction', 'band', 'stepDeduction', 'completion', 'grade', 'checklist', 'manual'];
type Figure = string | number;
type Band = { min: Figure; factor: Figure };

/**
 * A leaf's rule: its kind and that kind's parameters as in DESIGN §7. Figures stay as typed
 * (strings); the server parses and checks them, and its issues come back beside the indicator.
 */
export function RuleEditor({ rule, who, onChange }: { rule: RuleJson; who: string; onChange: (r: RuleJson) => void }) {
  const full = (field: string) => `${who}：${field}`;
  const set = (patch: Record<string, unknown>) => onChange({ ...rule, ...patch } as RuleJson);
  return (
    <div class="fw-rule">
      <label class="fw-field">
        <span>{ft('rule')}</span>
        <select value={rule.kind} aria-label={full(ft('rule'))} onChange={(e) => onChange(defaultRule(e.currentTarget.value as RuleKind))}>
          {kinds.map((k) => <option key={k} value={k}>{ft(`k_${k}` as FtKey)}</option>)}
        </select>
      </label>
      <Params rule={rule} full={full} set={set} />
    </div>
  );
}

function Params({ rule, full, set }: { rule: RuleJson; full: (f: string) => string; set: (patch: Record<string, unknown>) => void }) {
  switch (rule.kind) {
    case 'satisfaction':
    case 'band':
      return <Bands bands={rule.bands as Band[]} full={full} onChange={(bands) => set({ bands })} />;
    case 'stepDeduction':
      if (rule.measures) {
        return (
          <div class="fw-params">
            {rule.measures.map((m, i) => {
              const put = (patch: object) => set({ measures: rule.measures!.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
              const name = `${ft('measure')} ${m.label ?? m.id}`;
              return (
                <p key={i} class="fw-row">
                  <span>{name}</span>
                  <Field label={ft('target')} full={full(`${name} ${ft('target')}`)} value={m.target} onInput={(v) => put({ target: v })} inputMode="decimal" />
                  <Field label={ft('step')} full={full(`${name} ${ft('step')}`)} value={m.step} onInput={(v) => put({ step: v })} inputMode="decimal" />
                  <Field label={ft('deduct')} full={full(`${name} ${ft('deduct')}`)} value={m.deduct} onInput={(v) => put({ deduct: v })} inputMode="decimal" />
                </p>
              );
            })}
          </div>
        );
      }
      return (
        <p class="fw-params fw-row">
          <Field label={ft('target')} full={full(ft('target'))} value={rule.target} onInput={(v) => set({ target: v })} inputMode="decimal" />
          <Field label={ft('step')} full={full(ft('step'))} value={rule.step} onInput={(v) => set({ step: v })} inputMode="decimal" />
          <Field label={ft('deduct')} full={full(ft('deduct'))} value={rule.deduct} onInput={(v) => set({ deduct: v })} inputMode="decimal" />
        </p>
      );
    case 'completion':
      return (
        <p class="fw-params fw-row">
          <Field label={ft('target')} full={full(ft('target'))} value={rule.target} onInput={(v) => set({ target: v })} inputMode="decimal" />
          <Direction value={rule.direction ?? 'atLeast'} full={full(ft('direction'))} onChange={(direction) => set({ direction })} />
          <Field label={ft('floor')} full={full(ft('floor'))} value={rule.floor} onInput={(v) => set({ floor: v })} inputMode="decimal" />
        </p>
      );
    case 'grade':
      return <Grades factors={rule.factors} full={full} onChange={(factors) => set({ factors })} />;
    case 'checklist':
      return (
        <div class="fw-params">
          <label class="fw-field fw-wide">
            <span>{ft('elements')}</span>
            <textarea rows={Math.max(2, rule.elements.length)} value={rule.elements.join('\n')} aria-label={full(ft('elements'))}
              onInput={(e) => set({ elements: e.currentTarget.value.split('\n') })} />
          </label>
          <p class="fw-row">
            <label class="fw-field">
              <span>{ft('missing')}</span>
              <select value={rule.missing === 'zero' ? 'zero' : 'deduct'} aria-label={full(ft('missing'))}
                onChange={(e) => set({ missing: e.currentTarget.value === 'zero' ? 'zero' : { deductEach: 0.2 } })}>
                <option value="zero">{ft('missingZero')}</option>
                <option value="deduct">{ft('missingDeduct')}</option>
              </select>
            </label>
            {rule.missing !== 'zero' && (
              <Field label={ft('missingDeduct')} full={full(ft('missingDeduct'))} value={rule.missing.deductEach} onInput={(v) => set({ missing: { deductEach: v } })} inputMode="decimal" />
            )}
          </p>
        </div>
      );
    case 'manual':
      return <p class="fw-params sub">{ft('noParams')}</p>;
  }
}

function Direction({ value, full, onChange }: { value: 'atLeast' | 'atMost'; full: string; onChange: (d: 'atLeast' | 'atMost') => void }) {
  return (
    <label class="fw-field">
      <span>{ft('direction')}</span>
      <select value={value} aria-label={full} onChange={(e) => onChange(e.currentTarget.value as 'atLeast' | 'atMost')}>
        <option value="atLeast">{ft('atLeast')}</option>
        <option value="atMost">{ft('atMost')}</option>
      </select>
    </label>
  );
}

function Bands({ bands, full, onChange }: { bands: Band[]; full: (f: string) => string; onChange: (b: Band[]) => void }) {
  const put = (i: number, patch: Partial<Band>) => onChange(bands.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <fieldset class="fw-params">
      <legend>{ft('bands')}</legend>
      {bands.map((b, i) => (
        <p key={i} class="fw-row">
          <Field label={ft('bandMin')} full={full(`${ft('bands')} ${i + 1} ${ft('bandMin')}`)} value={b.min} onInput={(v) => put(i, { min: v })} size={5} inputMode="decimal" />
          <Field label={ft('bandFactor')} full={full(`${ft('bands')} ${i + 1} ${ft('bandFactor')}`)} value={b.factor} onInput={(v) => put(i, { factor: v })} size={5} inputMode="decimal" />
          <button type="button" class="link" aria-label={full(`${ft('removeBand')} ${i + 1}`)} disabled={bands.length === 1} onClick={() => onChange(bands.filter((_, j) => j !== i))}>{ft('removeBand')}</button>
        </p>
      ))}
      <button type="button" class="link" aria-label={full(ft('addBand'))} onClick={() => onChange([...bands, { min: 0, factor: 0 }])}>{ft('addBand')}</button>
    </fieldset>
  );
}

function Grades({ factors, full, onChange }: { factors: Record<string, Figure>; full: (f: string) => string; onChange: (f: Record<string, Figure>) => void }) {
  // An ordered list while editing, so renaming a grade keeps its place and its factor.
  const entries = Object.entries(factors);
  const write = (list: [string, Figure][]) => onChange(Object.fromEntries(list));
  return (
    <fieldset class="fw-params">
      <legend>{ft('factors')}</legend>
      {entries.map(([label, factor], i) => (
        <p key={i} class="fw-row">
          <Field label={ft('gradeLabel')} full={full(`${ft('gradeLabel')} ${i + 1}`)} value={label} onInput={(v) => write(entries.map((e, j) => (j === i ? [v, e[1]] : e)))} size={6} />
          <Field label={ft('bandFactor')} full={full(`${ft('gradeLabel')} ${i + 1} ${ft('bandFactor')}`)} value={factor} onInput={(v) => write(entries.map((e, j) => (j === i ? [e[0], v] : e)))} size={6} />
          <button type="button" class="link" aria-label={full(`${ft('removeGrade')} ${i + 1}`)} disabled={entries.length === 1} onClick={() => write(entries.filter((_, j) => j !== i))}>{ft('removeGrade')}</button>
        </p>
      ))}
      <button type="button" class="link" aria-label={full(ft('addGrade'))} onClick={() => write([...entries, [`等级${entries.length + 1}`, 0]])}>{ft('addGrade')}</button>
    </fieldset>
  );
}
