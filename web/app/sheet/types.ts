// The sheet as GET /api/evaluations/:id/sheet answers it (server/sheet/build.ts): scoring/'s
// sheet (types only; the web computes no figure) with the framework version, bindings and the
// satisfaction indicators' neighbouring bands.
import type { Sheet, SheetIndicator, IndicatorInput } from '../../../scoring/index.ts';

export type { SheetIndicator, IndicatorInput };

export interface RateView {
  rate: string | null;
  n: number;
  ci95: [string, string] | null;
}

export interface SheetView extends Sheet {
  evaluation: { id: string; name: string; unit: string; year: number };
  framework: { version: number; name: string; bundled: string | null; createdAt: string };
  entriesSeq: number;
  inputIssues: { code: string | null; path: string; message: string }[];
  bindings: {
    code: string;
    metric: 'overall' | { dimension: string };
    combine: 'bySample' | 'fixed';
    result: RateView | null;
    surveys: { surveyId: string; weight: string | null; slug: string | null; title: string | null; result: RateView | null; chain: { seq: number; hash: string } }[];
    problems: { field: string; message: string }[];
  }[];
  satisfaction: {
    code: string;
    name: string;
    rate: string | null;
    n: number | null;
    ci95: [string, string] | null;
    score: string | null;
    points: string;
    bound: boolean;
    certainty: SheetIndicator['certainty'] | null;
    neighbours: { direction: 'above' | 'below'; band: { min: string; factor: string }; score: string | null; total: string | null; grade: string | null }[];
  }[];
}

export interface StoredInput {
  code: string;
  input: IndicatorInput;
}
