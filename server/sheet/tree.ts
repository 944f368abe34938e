// Walking the sheet's indicator tree: every node depth first with its level (1 = 一级指标).
import type { SheetIndicator } from '../../scoring/index.ts';

export interface Placed {
  indicator: SheetIndicator;
  level: number;
  /** Names from the first level down to this node's parent. */
  ancestors: string[];
}

export function walkSheet(indicators: readonly SheetIndicator[], level = 1, ancestors: string[] = []): Placed[] {
  return indicators.flatMap((indicator) => [
    { indicator, level, ancestors },
    ...walkSheet(indicator.children, level + 1, [...ancestors, indicator.name]),
  ]);
}

export function findIndicator(indicators: readonly SheetIndicator[], code: string): SheetIndicator | undefined {
  return walkSheet(indicators).find((p) => p.indicator.code === code)?.indicator;
}
