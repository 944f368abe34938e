// The three files made from a survey's results — JSON (§7 plus the chain head and the report
// text), the report paragraph, and the workbook with its chart — all from one results object,
// so the figures in each are the same.
import type { SurveyDefinition } from '../../surveys/index.ts';
import { chartInput } from './chart-data.ts';
import { svgToPng } from './chart-png.ts';
import { itemChartSvg } from './chart-svg.ts';
import type { ExportMeta } from './log.ts';
import { reportText } from './report-text.ts';
import type { ResultsLike } from './results-doc.ts';
import { resultsWorkbook } from './results-xlsx.ts';
import type { SurveyExport } from './survey.ts';
import type { NoteLine } from './xlsx.ts';

const encoder = new TextEncoder();

export function surveyReport(source: SurveyExport, results: ResultsLike): string {
  // A survey outside any evaluation (the demo) has no evaluated unit: the gap is left visible.
  return reportText({ definition: source.current, results, unit: source.evaluation?.unit ?? '（被评价单位）', year: source.evaluation?.year ?? null });
}

export function resultsJson(source: SurveyExport, results: ResultsLike, meta: ExportMeta): Uint8Array<ArrayBuffer> {
  const body = { ...results, chainHead: meta.chain, reportText: surveyReport(source, results), exportId: meta.id };
  return encoder.encode(`${JSON.stringify(body, null, 2)}\n`);
}

export function reportFile(source: SurveyExport, results: ResultsLike): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${surveyReport(source, results)}\n`);
}

export function chartPng(def: SurveyDefinition, results: ResultsLike): Promise<Uint8Array> {
  return svgToPng(itemChartSvg(chartInput(def, results, `${def.title}：各题目满意度分布`)));
}

export async function resultsXlsx(source: SurveyExport, results: ResultsLike, notes: NoteLine[]): Promise<Uint8Array<ArrayBuffer>> {
  return resultsWorkbook({
    definition: source.current,
    results,
    notes: [...notes, ['报告文字', surveyReport(source, results)]],
    chartPng: await chartPng(source.current, results),
  });
}
