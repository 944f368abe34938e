// A report's 得分率 beside a parent (its input is { statedRate, source }, no score of its own) was
// printed for the sum of its children as the report scored them. The sheet checks it against the
// sum now (DESIGN §4 audit); once the evaluator changes a score under it, the two differ by the
// evaluator's change, recorded in the history, not by a slip of the report. Which stated rates
// are that old is a question of the history, which the entries keep and scoring/ does not see,
// so it is answered here and handed to scoreSheet.
import { indicatorsByCode, toDecimal, type Framework, type Indicator, type IndicatorInput } from '../../scoring/index.ts';
import { factKeys } from '../../scoring/sheet/input-schema.ts';
import type { HistoryEntry } from '../db/indicator-entries.ts';

// What an entry gives its indicator's score: an input's score, which wins over its facts, or else
// its facts (a reworded reason, a source or a stated rate leave the parent's sum as it was); a
// binding whole; nothing once cleared.
function figuresOf(e: Read): string | null {
  if (e.input === null) return e.value;
  const { input } = e;
  const figures = input.score !== undefined ? [input.score] : factKeys.map((k) => input[k] ?? null);
  return figures.some((f) => f !== null) ? JSON.stringify(figures, sameFigure) : null;
}

// A figure by its value: "2", "2.0" and 2 are one score, so retyping one is no change of figures.
function sameFigure(_key: string, value: unknown): unknown {
  if (typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))) return toDecimal(value).toString();
  return value;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a, sameFigure) === JSON.stringify(b, sameFigure);

/** An entry with its input read once (null for a binding or a cleared input). */
type Read = HistoryEntry & { input: IndicatorInput | null };

/** Each code's entries by kind, oldest first, and its current input with the append it was made in. */
function readHistory(history: readonly HistoryEntry[]) {
  const entries = new Map<string, Read[]>();
  const inputs = new Map<string, { input: IndicatorInput; append: number }>();
  for (const entry of history) {
    const e: Read = { ...entry, input: entry.kind === 'input' && entry.value !== null ? (JSON.parse(entry.value) as IndicatorInput) : null };
    const key = `${e.kind}:${e.code}`;
    const list = entries.get(key) ?? [];
    list.push(e);
    entries.set(key, list);
    if (e.kind !== 'input') continue;
    if (e.input === null) {
      inputs.delete(e.code);
      continue;
    }
    const { input } = e;
    // A rate is as old as the entry that stated it: a reworded reason or source beside the same
    // rate says nothing new about the figures it was printed for.
    const before = inputs.get(e.code);
    const sameRate = before !== undefined && input.statedRate !== undefined && sameValue(before.input.statedRate, input.statedRate);
    inputs.set(e.code, { input, append: sameRate ? before.append : e.append });
  }
  const latest = (key: string, append: number) => entries.get(key)?.findLast((e) => e.append <= append);
  // What gave a code its score once the append numbered `append` was made: an entered score alone
  // (a survey bound beside it does not count), else its facts and its binding.
  const figuresAt = (code: string, append: number): string | null => {
    const input = latest(`input:${code}`, append);
    const entered = input?.input?.score !== undefined;
    const binding = entered ? null : latest(`binding:${code}`, append);
    return JSON.stringify([input ? figuresOf(input) : null, binding ? figuresOf(binding) : null]);
  };
  const movedSince = (code: string, append: number) => figuresAt(code, append) !== figuresAt(code, Infinity);
  return { inputs, movedSince };
}

/**
 * The codes whose stated rate is stale, each with the append that stated it: a parent summed from
 * its children, with figures under it that are no longer those they were when its rate was
 * entered. Entries made together (an inputs file) are the figures the rate was stated with,
 * whatever their order; a reworded reason changes no figure. A child scored as a whole is its own figure, so nothing under it moves the
 * parent. Stale or not, a rate that still agrees with the sheet is no finding either way.
 */
export function staleStatedRates(framework: Framework, history: readonly HistoryEntry[]): Map<string, number> {
  const { inputs, movedSince } = readHistory(history);
  const movedUnder = (ind: Indicator, append: number): boolean =>
    ind.children.some((c) => movedSince(c.code, append) || (inputs.get(c.code)?.input.score === undefined && movedUnder(c, append)));
  const stale = new Map<string, number>();
  for (const ind of indicatorsByCode(framework).values()) {
    const own = inputs.get(ind.code);
    if (own?.input.statedRate !== undefined && own.input.score === undefined && movedUnder(ind, own.append)) stale.set(ind.code, own.append);
  }
  return stale;
}

/** The inputs as they stood once the append numbered `append` was made: each code's latest entry. */
export function inputsAsOf(history: readonly HistoryEntry[], append: number): Record<string, IndicatorInput> {
  const inputs: Record<string, IndicatorInput> = {};
  for (const e of history) {
    if (e.kind !== 'input' || e.append > append) continue;
    if (e.value === null) delete inputs[e.code];
    else inputs[e.code] = JSON.parse(e.value) as IndicatorInput;
  }
  return inputs;
}
