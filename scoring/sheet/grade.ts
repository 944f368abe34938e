import { published } from '../bands.ts';
import type { Decimal } from '../decimal.ts';
import type { Grade } from '../framework/types.ts';

/** 等级: the first grade, from the top, whose min ≤ the published total (优 ≥ 90, 80 ≤ 良 < 90, 60 ≤ 中 < 80, 差 < 60). */
export function gradeFor(grades: readonly Grade[], total: Decimal): string | null {
  const shown = published(total);
  return [...grades].sort((a, b) => b.min.comparedTo(a.min)).find((g) => g.min.lte(shown))?.label ?? null;
}
