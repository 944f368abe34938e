import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfUp, toDecimal, toFixedString, toTrimmedString } from '../../../scoring/decimal.ts';

describe('decimal', () => {
  it('rounds half-up once, where a figure is shown', () => {
    expect(toFixedString('96.625')).toBe('96.63');
    expect(toFixedString('84.995')).toBe('85.00');
    expect(toFixedString('84.99499')).toBe('84.99');
    expect(toFixedString('80')).toBe('80.00');
    expect(toTrimmedString('34.10')).toBe('34.1');
    expect(toTrimmedString('2.666666')).toBe('2.67');
    expect(toTrimmedString('20.000')).toBe('20');
  });

  it('never shows a negative zero', () => {
    expect(toFixedString('-0.001')).toBe('0.00');
    expect(toTrimmedString('-0.004')).toBe('0');
  });

  it('adds decimals exactly where binary floating point does not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toDecimal('0.1').plus('0.2').toString()).toBe('0.3');
    expect(toDecimal(0.1).plus(0.2).toString()).toBe('0.3');
  });

  it('reads fractions exactly, so 2/3 of 4 points shows as 2.67', () => {
    expect(toTrimmedString(toDecimal('2/3').times(4))).toBe('2.67');
    expect(toDecimal('1/3').times(3).toFixed(20)).toBe('1.00000000000000000000');
  });

  it('shows a sum of thirds the same in every order of its terms', () => {
    // From a failed property run: these eight scores total exactly 25 of 32 points (78.125 %),
    // but summed in one of their orders the 40-digit thirds came to 24.999…9 and showed 78.12.
    const terms = [['4', '1'], ['4', '1/3'], ['4', '2/3'], ['7', '2/3'], ['3', '1'], ['7', '1'], ['1', '1/3'], ['2', '1']].map(([p, f]) => toDecimal(f!).times(p!));
    for (let s = 0; s < terms.length; s++) {
      const total = [...terms.slice(s), ...terms.slice(0, s)].reduce((a, x) => a.plus(x));
      expect(toTrimmedString(total)).toBe('25');
      expect(toFixedString(total.div(32).times(100))).toBe('78.13');
    }
    expect(toFixedString('78.124999999999')).toBe('78.12');
  });

  it('refuses what is not a decimal', () => {
    for (const bad of ['1e5', '', ' 1', 'NaN', '1/0', '--1']) expect(() => toDecimal(bad)).toThrow(RangeError);
    expect(() => toDecimal(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('rounds half-up at any magnitude (property, against integer arithmetic)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (thousandths) => {
        // x = thousandths / 1000; half-up to hundredths away from zero.
        const abs = thousandths < 0n ? -thousandths : thousandths;
        const hundredths = abs / 10n + (abs % 10n >= 5n ? 1n : 0n);
        const sign = thousandths < 0n && hundredths !== 0n ? '-' : '';
        const expected = `${sign}${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
        const x = `${thousandths < 0n ? '-' : ''}${abs / 1000n}.${(abs % 1000n).toString().padStart(3, '0')}`;
        expect(toFixedString(x)).toBe(expected);
        expect(roundHalfUp(x, 2).abs().times(100).toString()).toBe(hundredths.toString());
      }),
    );
  });
});
