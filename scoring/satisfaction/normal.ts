// Quantiles are statistical constants, not published figures, so they are computed in binary
// floating point (accurate to ~1e-9) and only then enter Decimal arithmetic.

// Acklam's rational approximation of the inverse normal CDF, relative error below 1.2e-9.
const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function poly(coefficients: number[], x: number): number {
  return coefficients.reduce((acc, k) => acc * x + k, 0);
}

/** The p-quantile of the standard normal distribution: normalQuantile(0.975) ≈ 1.959964. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must lie in (0, 1): ${p}`);
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** The two-sided critical value for a confidence level: 0.95 → 1.959964. */
export function zFor(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must lie in (0, 1): ${confidence}`);
  return normalQuantile(1 - (1 - confidence) / 2);
}
