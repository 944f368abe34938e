// The results page's sentence about the overall rate's band: settled, how many more answers would
// settle it, or (a rate on a threshold) that more answers will not.
import { expect, test } from 'vitest';
import { bandSentence } from '../../../../web/app/results/format.ts';
import type { Rate } from '../../../../web/app/results/types.ts';

const rate = (band: Partial<NonNullable<Rate['band']>>, n = 12) =>
  ({ n, band: { band: { min: '75.00', factor: '0.6' }, certain: false, straddles: ['85.00', '80.00', '75.00'], settlesAt: null, onThreshold: true, ...band } }) as unknown as Rate;

test('a rate on a threshold is said to sit on it, not to be likely above it', () => {
  const text = bandSentence(rate({}))!;
  expect(text).toBe('比率正处在 75% 的档次界限上，区间跨越 85%、80%、75%：高于还是低于界限可能性相当，增加样本也难以确定');
  expect(text).not.toContain('可能性高');
});

test('a rate just off a threshold, beyond what any survey collects, is likely in its band but not settled', () => {
  // 89.97 % with its interval across 90: not on the 75 threshold of the band it earns.
  const text = bandSentence(rate({ band: { min: '85.00', factor: '1' }, straddles: ['90.00'], onThreshold: false }, 5000))!;
  expect(text).toBe('≥ 85% 可能性高，但区间跨越 90%：比率离档次界限太近，需上百万份答卷才可确定');
});

test('otherwise it says how many more answers would settle the band', () => {
  expect(bandSentence(rate({ settlesAt: 40, onThreshold: false }))).toBe('≥ 75% 可能性高，但区间跨越 85%、80%、75%：再收集约 28 份可确定');
  expect(bandSentence(rate({ certain: true, straddles: [] }))).toContain('75');
});
