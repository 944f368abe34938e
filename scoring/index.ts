// The public face of scoring/: pure functions from counts and inputs to rates, scores and sheets.
// No IO, no clock, no database; decimals travel as strings.

export { Decimal, toDecimal, roundHalfUp, toFixedString, toTrimmedString, type Decimalish } from './decimal.ts';
export { bandFor, bandFactor, published, seedSatisfactionBands, type Band } from './bands.ts';
export { formatPath, type ScoringIssue } from './issues.ts';

// Satisfaction (DESIGN §3)
export { surveyResults, surveyEstimates, type SurveyResults, type SurveyEstimates, type ItemResult } from './satisfaction/results.ts';
export { rateView } from './satisfaction/rate-view.ts';
export { combineGroups, type GroupCombination } from './satisfaction/groups.ts';
export { bandCertainty, type BandCertainty } from './satisfaction/band-certainty.ts';
export { planSample, type PlanInput, type SamplePlan } from './satisfaction/planner.ts';
export { responseRate } from './satisfaction/response-rate.ts';
export type {
  DefinitionLike, DimensionLike, Estimate, ItemCounts, LevelCode, MethodLike, NotApplicableTreatment, QuestionLike, RateView, ScaleLike,
} from './satisfaction/types.ts';

// Frameworks, rules and the sheet (DESIGN §4, §7)
export { parseFramework, type ParseResult } from './framework/compile.ts';
export { formatPassed, frameworkSchema, type FrameworkJson, type IndicatorJson, type RuleJson } from './framework/schema.ts';
export type { Framework, Indicator, Rule, RuleKind } from './framework/types.ts';
export { indicatorInputSchema, type IndicatorInput, type Inputs } from './sheet/input-schema.ts';
export { checkInputs, inputProblems, indicatorsByCode } from './sheet/check-inputs.ts';
export { scoreSheet, scoreFromJson, type SheetResult } from './sheet/score-sheet.ts';
export { satisfactionInput } from './sheet/satisfaction-input.ts';
export { sheetTable } from './sheet/text-table.ts';
export type { Sheet, SheetIndicator } from './sheet/types.ts';
export { bundledFramework, bundledFrameworks, bundledExampleInputs } from './frameworks/index.ts';
