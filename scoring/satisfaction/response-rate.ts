import { Decimal, toFixedString } from '../decimal.ts';

/**
 * A response rate as published (回收率 = received ÷ issued, 有效回收率 = valid ÷ issued): a
 * percentage with two decimals, half-up; null when nothing was issued (the rate is unknown, not 0).
 */
export function responseRate(part: number, issued: number | null): string | null {
  if (issued === null || issued <= 0) return null;
  return toFixedString(new Decimal(part).div(issued).times(100));
}
