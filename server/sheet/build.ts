// The live sheet of an evaluation (DESIGN §7, issue 6): its current framework version, the latest
// input of each indicator, and each bound satisfaction indicator's rate read from its surveys
// now, scored by scoring/ (which does all the arithmetic). With it: which framework version and
// which entries it used, what each bound survey contributed at which chain head, the problems
// with stored inputs (a later framework may no longer fit them), and for each satisfaction
// indicator its band certainty and the neighbouring bands' totals. A report's stated rate under
// which the evaluator has since changed a score is shown as of those earlier figures, not checked.
import type { Kysely } from 'kysely';
import { indicatorsByCode, scoreSheet, type IndicatorInput, type ScoringIssue, type Sheet, type SheetIndicator } from '../../scoring/index.ts';
import type { Database, EvaluationRow } from '../db/schema.ts';
import { entriesNow } from '../db/indicator-entries.ts';
import { requireFramework, type CurrentFramework } from './framework.ts';
import { bindingSchema, type Binding } from './binding-schema.ts';
import { boundRate, type BoundRate } from './bound-rate.ts';
import { neighbourBands, type NeighbourBand } from './what-if.ts';
import { findIndicator } from './tree.ts';
import { inputsAsOf, staleStatedRates } from './stale-stated-rates.ts';

export interface SheetBinding extends Omit<Binding, 'surveys'> {
  code: string;
  result: BoundRate['result'];
  surveys: BoundRate['surveys'];
  problems: BoundRate['problems'];
}

export interface SatisfactionView {
  code: string;
  name: string;
  points: string;
  bound: boolean;
  rate: string | null;
  n: number | null;
  ci95: [string, string] | null;
  score: string | null;
  certainty: SheetIndicator['certainty'] | null;
  neighbours: NeighbourBand[];
}

export interface SheetView extends Sheet {
  evaluation: { id: string; name: string; unit: string; year: number };
  framework: { version: number; name: string; bundled: string | null; createdAt: string };
  /** The last indicator entry read: with the framework version, it pins every input used. */
  entriesSeq: number;
  /** Stored inputs the current framework does not accept; each is left out of the sheet. */
  inputIssues: ScoringIssue[];
  bindings: SheetBinding[];
  satisfaction: SatisfactionView[];
}

// A bound indicator takes rate, n and ci95 from its surveys; the evaluator's own entries for it
// (a score with its reason, a stated rate, a source) stay. With neither (no answers yet, nothing
// entered) it has no input, as an empty one is refused.
function withBound(entered: IndicatorInput | undefined, bound: IndicatorInput | null): IndicatorInput | undefined {
  const { rate: _rate, n: _n, ci95: _ci95, ...rest } = entered ?? {};
  const input = { ...rest, ...(bound ?? {}) };
  return Object.keys(input).length > 0 ? input : undefined;
}

export async function buildSheet(db: Kysely<Database>, evaluation: EvaluationRow, current?: CurrentFramework): Promise<SheetView> {
  const fw = current ?? (await requireFramework(db, evaluation));
  const byCode = indicatorsByCode(fw.framework);
  const entries = await entriesNow(db, evaluation.id);
  const inputs: Record<string, IndicatorInput> = Object.fromEntries(entries.inputs.map((e) => [e.code, JSON.parse(e.value) as IndicatorInput]));

  const bindings: SheetBinding[] = [];
  const boundCodes: string[] = [];
  for (const entry of entries.bindings) {
    const parsed = bindingSchema.safeParse(JSON.parse(entry.value));
    if (!parsed.success) continue; // stored only after this schema accepted it
    const binding = parsed.data;
    const bound = await boundRate(db, evaluation.id, binding);
    const problems = [...bound.problems];
    if (byCode.get(entry.code)?.rule?.kind === 'satisfaction') {
      boundCodes.push(entry.code);
      const input = withBound(inputs[entry.code], bound.input);
      if (input) inputs[entry.code] = input;
      else delete inputs[entry.code];
    }
    else problems.push({ field: 'code', message: `指标 ${entry.code} 在框架第 ${fw.version} 版中不是满意度指标，绑定未计入` });
    bindings.push({
      code: entry.code,
      ...binding,
      result: bound.result,
      surveys: bound.surveys,
      problems,
    });
  }

  // A stale parent's rate is checked against the inputs it was stated with; a bound indicator
  // keeps today's survey figures, which no entry records.
  // Parents stated in one append (an inputs file) share its inputs, made once.
  const statedWith = new Map<string, unknown>();
  const asOf = new Map<number, Record<string, unknown>>();
  for (const [code, append] of staleStatedRates(fw.framework, entries.history)) {
    let then = asOf.get(append);
    if (!then) {
      then = inputsAsOf(entries.history, append);
      for (const bound of boundCodes) {
        if (inputs[bound]) then[bound] = inputs[bound];
        else delete then[bound];
      }
      asOf.set(append, then);
    }
    statedWith.set(code, then);
  }
  const { sheet, issues } = scoreSheet(fw.framework, inputs, { statedWith });
  const satisfaction = [...byCode.values()]
    .filter((ind) => ind.rule?.kind === 'satisfaction')
    .map((ind): SatisfactionView => {
      const node = findIndicator(sheet.indicators, ind.code);
      const input = inputs[ind.code];
      return {
        code: ind.code,
        name: ind.name,
        points: node?.points ?? '',
        bound: bindings.some((b) => b.code === ind.code),
        rate: input?.rate === undefined ? null : String(input.rate),
        n: input?.n ?? null,
        ci95: input?.ci95 ? [String(input.ci95[0]), String(input.ci95[1])] : null,
        score: node?.score ?? null,
        certainty: node?.certainty ?? null,
        neighbours: neighbourBands(fw.framework, inputs, ind),
      };
    });

  return {
    ...sheet,
    evaluation: { id: evaluation.id, name: evaluation.name, unit: evaluation.unit, year: Number(evaluation.year) },
    framework: { version: fw.version, name: fw.framework.name, bundled: fw.bundled, createdAt: fw.createdAt },
    entriesSeq: entries.seq,
    inputIssues: issues,
    bindings,
    satisfaction,
  };
}
