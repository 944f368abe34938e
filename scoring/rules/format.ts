import { toDecimal, toFixedString, toTrimmedString, type Decimalish } from '../decimal.ts';

/** A factor as a percentage in words: 0.8 → "80%", 2/3 → "66.67%". */
export function percent(factor: Decimalish): string {
  return `${toTrimmedString(toDecimal(factor).times(100))}%`;
}

/** A measured percentage as published: "45.81%". */
export function shownRate(rate: Decimalish): string {
  return `${toFixedString(rate)}%`;
}

/** A score or count in words: "2", "0.2", "2.67". */
export function shown(x: Decimalish): string {
  return toTrimmedString(x, 4);
}
