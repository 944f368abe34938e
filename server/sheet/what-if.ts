// For a satisfaction indicator: what the total and grade would be if its rate moved into the
// band just above or just below the one it earns now. The evaluator sees how much the survey's
// uncertainty matters to the overall grade. The sheet is scored again by scoring/ with the rate
// set to the neighbouring band's lower bound (any rate in a band scores the same).
import { bandFor, scoreSheet, toFixedString, type Framework, type Indicator, type IndicatorInput, type SheetIndicator } from '../../scoring/index.ts';
import { findIndicator } from './tree.ts';

export interface NeighbourBand {
  direction: 'above' | 'below';
  band: { min: string; factor: string };
  /** The rate the sheet was scored with: the band's lower bound. */
  rate: string;
  score: string | null;
  total: string | null;
  grade: string | null;
}

export function neighbourBands(framework: Framework, inputs: Readonly<Record<string, IndicatorInput>>, indicator: Indicator): NeighbourBand[] {
  const rule = indicator.rule;
  const rate = inputs[indicator.code]?.rate;
  if (rule?.kind !== 'satisfaction' || rate === undefined) return [];
  // compileRule keeps bands from the highest min down.
  const bands = rule.bands;
  const here = bandFor(bands, rate);
  const at = here === null ? bands.length : bands.indexOf(here);
  const neighbours = [
    { direction: 'above' as const, band: bands[at - 1] },
    { direction: 'below' as const, band: bands[at + 1] },
  ];
  return neighbours.flatMap(({ direction, band }) => {
    if (!band) return [];
    const moved = toFixedString(band.min);
    const { ci95: _ci95, n: _n, ...rest } = inputs[indicator.code]!;
    const { sheet } = scoreSheet(framework, { ...inputs, [indicator.code]: { ...rest, rate: moved } });
    const node: SheetIndicator | undefined = findIndicator(sheet.indicators, indicator.code);
    return [{ direction, band: { min: moved, factor: band.factor.toString() }, rate: moved, score: node?.score ?? null, total: sheet.total, grade: sheet.grade }];
  });
}
