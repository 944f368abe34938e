import { toDecimal, type Decimal } from '../decimal.ts';
import type { ItemCounts, LevelCode, ScaleLike } from './types.ts';

export interface LevelTally {
  code: string;
  weight: Decimal;
  count: number;
}

export interface Tally {
  levels: LevelTally[];
  /** Answers with a real level. */
  answered: number;
  notApplicable: number;
}

function checkCount(questionId: string, what: string, n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${questionId}: count for ${what} must be a whole number ≥ 0, got ${n}`);
  return n;
}

/**
 * Matches the counts of one question to its scale. A count under a code the scale does not have
 * is a bug upstream (answers are validated against the scale), so it throws rather than being
 * silently dropped from a published rate.
 */
export function tally(questionId: string, counts: ItemCounts, scale: ScaleLike): Tally {
  const naCode = scale.notApplicable === undefined ? undefined : String(scale.notApplicable.code);
  const known = new Map(scale.levels.map((l) => [String(l.code), l]));
  let notApplicable = checkCount(questionId, 'not applicable', counts.notApplicable ?? 0);
  const byCode = new Map<string, number>();
  for (const [code, n] of Object.entries(counts.levels)) {
    checkCount(questionId, `level ${code}`, n);
    if (code === naCode) notApplicable += n;
    else if (known.has(code)) byCode.set(code, n);
    else throw new RangeError(`${questionId}: level ${code} is not on its scale`);
  }
  const levels = scale.levels.map((l) => ({ code: String(l.code), weight: toDecimal(l.weight), count: byCode.get(String(l.code)) ?? 0 }));
  return { levels, answered: levels.reduce((acc, l) => acc + l.count, 0), notApplicable };
}

export function codeSet(codes: readonly LevelCode[]): Set<string> {
  return new Set(codes.map(String));
}
