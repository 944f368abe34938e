import * as decimalModule from 'decimal.js';

// decimal.mjs has only a default export, while its typings describe the CommonJS build; the
// namespace import reads `default` and is correct under both.
const DecimalBase = decimalModule.default as unknown as typeof decimalModule.Decimal;

// The one place decimal.js is configured. Every figure in scoring/ is a Decimal inside and a
// decimal string outside (DESIGN §3): binary floating point would make 0.1 + 0.2 publish wrong.

/**
 * Decimal with 40 significant digits (far beyond any published figure, so rounding happens only
 * where a figure is shown) and half-up rounding (四舍五入). Plain notation for every magnitude a
 * sheet can hold, so `toString()` never prints exponents.
 */
export const Decimal = DecimalBase.clone({
  precision: 40,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 30,
});
export type Decimal = InstanceType<typeof Decimal>;

/** What the outside may hand in: a decimal string ("96.67"), a JSON number, or a Decimal. */
export type Decimalish = string | number | Decimal;

const plainDecimal = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const fraction = /^\s*([+-]?\d+)\s*\/\s*(\d+)\s*$/;

/** True when `s` is a plain decimal such as "96.67" or "-3" (no exponent, no spaces). */
export function isDecimalString(s: string): boolean {
  return plainDecimal.test(s);
}

/** True when `s` is a fraction such as "2/3" with a non-zero denominator. */
export function isFractionString(s: string): boolean {
  const m = fraction.exec(s);
  return m !== null && m[2] !== undefined && !/^0+$/.test(m[2]);
}

/**
 * A Decimal from a decimal string, a fraction string ("2/3", so 良好 = 2/3 stays exact to 40
 * digits instead of 0.6667), a finite number or a Decimal. Throws on anything else: callers
 * validate user data with zod first, so a throw here is a programming error.
 */
export function toDecimal(x: Decimalish): Decimal {
  if (x instanceof Decimal) return x;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    return new Decimal(x);
  }
  const m = fraction.exec(x);
  if (m && m[1] !== undefined && m[2] !== undefined) {
    if (/^0+$/.test(m[2])) throw new RangeError(`zero denominator: ${x}`);
    return new Decimal(m[1]).div(m[2]);
  }
  if (!plainDecimal.test(x)) throw new RangeError(`not a decimal: ${JSON.stringify(x)}`);
  return new Decimal(x);
}

// A quotient such as 2/3 is held to 40 significant digits, so a sum of thirds can end one unit
// in the 40th digit off its exact value, and on which side depends on the order of the terms:
// 4·1/3 + 4·2/3 + 7·2/3 + … is 25 in one order and 24.999…9 in another, and its rate 78.125 %
// would show as 78.13 or 78.12. Rounding to this many places first removes that arithmetic error
// (below 1e-30 for any figure up to 1e9) and nothing else: what users enter and what is published
// has a few decimals, so no real figure lies within 1e-24 of a rounding boundary without being on it.
const ARITHMETIC_NOISE_PLACES = 24;

/** Rounds half away from zero (四舍五入) to `places` decimals: 96.625 → 96.63, 84.995 → 85.00. */
export function roundHalfUp(x: Decimalish, places: number): Decimal {
  return toDecimal(x).toDecimalPlaces(ARITHMETIC_NOISE_PLACES, Decimal.ROUND_HALF_UP).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** A figure as published: rounded half-up once, with exactly `places` decimals ("80.00"). */
export function toFixedString(x: Decimalish, places = 2): string {
  return noNegativeZero(roundHalfUp(x, places).toFixed(places));
}

/** A score as published: rounded half-up to `places` decimals, trailing zeros dropped ("34.1", "20"). */
export function toTrimmedString(x: Decimalish, places = 2): string {
  return noNegativeZero(roundHalfUp(x, places).toString());
}

// -0.004 rounds to "-0.00"; a sheet must never show a negative zero.
function noNegativeZero(s: string): string {
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** Sum of Decimals, exact (no rounding until shown). */
export function sum(xs: readonly Decimal[]): Decimal {
  return xs.reduce((acc, x) => acc.plus(x), new Decimal(0));
}

/** Clamps `x` into [lo, hi]. */
export function clamp(x: Decimal, lo: Decimal, hi: Decimal): Decimal {
  return Decimal.min(hi, Decimal.max(lo, x));
}
