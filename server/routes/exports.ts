// Exports of a survey (issue 5, DESIGN §6): all responses as CSV and XLSX, streamed from the
// database; the results as XLSX (tables and chart) and JSON; the report paragraph; and the log of
// every export, each record showable to the finance bureau. Every file is cut at the survey's
// chain head as it stood when the export began, and says so.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { queryOf } from '../http/parse.ts';
import { sliceQuery } from '../http/filters.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { canSeeEvaluation, notFound, visibleSurvey } from '../auth/access.ts';
import type { SurveyRow } from '../db/schema.ts';
import { chainHead } from '../db/export-reads.ts';
import { findExport, listExports, type ExportListing } from '../db/exports.ts';
import { findSurvey } from '../db/surveys.ts';
import { findEvaluation } from '../db/evaluations.ts';
import { exportColumns } from '../exports/columns.ts';
import { csvChunks } from '../exports/csv.ts';
import { xlsxChunks } from '../exports/xlsx.ts';
import { recordedBytes, recordedStream, type ExportKind, type ExportMeta, type ExportTally } from '../exports/log.ts';
import { exportPages } from '../exports/rows.ts';
import { responseNotes, surveyNotes } from '../exports/notes.ts';
import { reportFile, resultsJson, resultsXlsx } from '../exports/results-files.ts';
import { resultsOf } from '../results/results.ts';
import { loadSurveyExport, type SurveyExport } from '../exports/survey.ts';

const responsesQuery = sliceQuery.extend({
  excluded: z.enum(['include', 'exclude', 'only']).default('include'),
});

/** The filters as recorded: only those given. */
const given = (query: Record<string, string | undefined>) => Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<string, string>;

const contentTypes: Record<ExportKind, string> = {
  'responses.csv': 'text/csv; charset=utf-8',
  'responses.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'results.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'results.json': 'application/json; charset=utf-8',
  'report.txt': 'text/plain; charset=utf-8',
};

/** The record as JSON: what an evaluator lists and what the finance bureau is shown. */
export function exportJson(r: ExportListing) {
  return {
    id: r.id,
    surveyId: r.survey_id,
    kind: r.kind,
    user: { id: r.user_id, username: r.username },
    filters: JSON.parse(r.filters) as Record<string, string>,
    rows: r.rows,
    bytes: r.bytes,
    sha256: r.sha256,
    chainHead: { seq: r.chain_seq, hash: r.chain_head },
    lastHash: r.last_hash,
    createdAt: r.created_at,
  };
}

export function exportRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const db = ctx.db.db;

  /** What every export starts from: the survey the caller may see, cut at its chain head now. */
  const begin = async (c: Context<AuthEnv>, kind: ExportKind, filters: Record<string, string>): Promise<{ survey: SurveyRow; source: SurveyExport; meta: ExportMeta }> => {
    const survey = await visibleSurvey(db, c.var.user, c.req.param('id')!);
    const source = await loadSurveyExport(db, survey);
    const chain = (await chainHead(db, survey.id)) ?? { seq: 0, hash: '' };
    const meta: ExportMeta = { id: randomUUID(), surveyId: survey.id, userId: c.var.user.id, kind, filters, chain, now: ctx.now };
    const extension = kind.slice(kind.indexOf('.'));
    const stamp = ctx.now().toISOString().slice(0, 10);
    c.header('Content-Type', contentTypes[kind]);
    c.header('Content-Disposition', `attachment; filename="${survey.slug}-${kind.slice(0, kind.indexOf('.'))}-${stamp}${extension}"`);
    c.header('X-Manyidu-Export-Id', meta.id);
    c.header('X-Manyidu-Chain-Seq', String(chain.seq));
    c.header('X-Manyidu-Chain-Head', chain.hash);
    return { survey, source, meta };
  };

  const responsesExport = (format: 'csv' | 'xlsx') => async (c: Context<AuthEnv>) => {
    const query = queryOf(c, responsesQuery);
    const { survey, source, meta } = await begin(c, `responses.${format}`, given(query));
    const columns = exportColumns(source.definitions, Number(survey.current_version));
    const tally: ExportTally = { rows: 0, lastHash: null };
    const pages = exportPages(db, survey.id, meta.chain.seq, query, tally);
    const chunks = format === 'csv' ? csvChunks(columns, pages) : xlsxChunks(columns, pages, () => responseNotes(source, meta, tally, c.var.user.username));
    return c.body(recordedStream(db, meta, chunks, () => tally));
  };

  app.get('/api/surveys/:id/export.csv', responsesExport('csv'));
  app.get('/api/surveys/:id/export.xlsx', responsesExport('xlsx'));

  // Results are small: made whole, recorded, then sent. The head is read before the counts, so
  // the figures cover at least the responses up to it (a response stored in between may be in).
  const resultsExport = (kind: 'results.json' | 'results.xlsx' | 'report.txt') => async (c: Context<AuthEnv>) => {
    const filter = queryOf(c, sliceQuery);
    const { survey, source, meta } = await begin(c, kind, given(filter));
    const results = await resultsOf(db, survey, source.current, filter);
    const body =
      kind === 'results.json' ? resultsJson(source, results, meta)
      : kind === 'report.txt' ? reportFile(source, results)
      : await resultsXlsx(source, results, surveyNotes(source, meta, c.var.user.username));
    return c.body(await recordedBytes(db, meta, body, { rows: results.accounting.valid, lastHash: null }));
  };

  app.get('/api/surveys/:id/results.json', resultsExport('results.json'));
  app.get('/api/surveys/:id/results.xlsx', resultsExport('results.xlsx'));
  app.get('/api/surveys/:id/report.txt', resultsExport('report.txt'));

  app.get('/api/surveys/:id/exports', async (c) => {
    const survey = await visibleSurvey(db, c.var.user, c.req.param('id'));
    return c.json({ exports: (await listExports(db, survey.id)).map(exportJson) });
  });

  app.get('/api/exports/:id', async (c) => {
    const record = await findExport(db, c.req.param('id'));
    const survey = record && (await findSurvey(db, record.survey_id));
    if (!record || !survey || !(await canSeeEvaluation(db, c.var.user, survey.evaluation_id))) throw notFound('export');
    const evaluation = survey.evaluation_id === null ? undefined : await findEvaluation(db, survey.evaluation_id);
    return c.json({
      export: exportJson(record),
      survey: { id: survey.id, slug: survey.slug },
      evaluation: evaluation ? { id: evaluation.id, name: evaluation.name, unit: evaluation.unit, year: evaluation.year } : null,
      // How a reader holding the file checks it against this record.
      verify: `sha256sum 该文件，结果应为 ${record.sha256}；文件截至答卷链第 ${record.chain_seq} 份（链头哈希 ${record.chain_head}）。`,
    });
  });

  return app;
}
