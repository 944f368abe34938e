// Exports of an evaluation's sheet (issue 6): the workbook laid out like the seed's 附件2 with the
// report tables 表3–表7, the tables as HTML to paste, and the sheet as JSON. Each is made whole
// from one reading of the live sheet, recorded (framework version, entries, the bound surveys'
// figures and chain heads, sha256) and then sent; the log lists them.
import { Hono, type Context } from 'hono';
import type { AppContext } from '../context.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { visibleEvaluation } from '../auth/access.ts';
import { listSheetExports } from '../db/sheet-exports.ts';
import { requireFramework } from '../sheet/framework.ts';
import { buildSheet } from '../sheet/build.ts';
import { annexRows, reportTables } from '../sheet/report-tables.ts';
import { exportNotes, newExportMeta, recordedSheetExport, surveySources, type SheetExportKind } from '../sheet/export-record.ts';
import { sheetWorkbook } from '../exports/sheet-xlsx.ts';
import { reportTablesHtml } from '../exports/report-html.ts';

const contentTypes: Record<SheetExportKind, string> = {
  'sheet.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'sheet.json': 'application/json; charset=utf-8',
  'report-tables.html': 'text/html; charset=utf-8',
};

export function sheetExportRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const db = ctx.db.db;

  const exportOf = (kind: SheetExportKind) => async (c: Context<AuthEnv>) => {
    const evaluation = await visibleEvaluation(db, c.var.user, c.req.param('id')!);
    const fw = await requireFramework(db, evaluation);
    const view = await buildSheet(db, evaluation, fw);
    const meta = newExportMeta(kind, c.var.user, ctx.now());
    const notes = exportNotes(view, meta);
    const title = `${view.evaluation.unit}部门整体绩效评价得分表`;
    const body =
      kind === 'sheet.json' ? new TextEncoder().encode(JSON.stringify({ ...view, export: { id: meta.id, createdAt: meta.at, sources: surveySources(view) } }))
      : kind === 'report-tables.html' ? new TextEncoder().encode(reportTablesHtml(`${view.evaluation.name}：评分表`, reportTables(view), notes))
      : await sheetWorkbook({
          title,
          annex: annexRows(view, fw.framework),
          total: { points: view.points, score: view.total, rate: view.rate, grade: view.grade },
          tables: reportTables(view),
          notes,
        });
    await recordedSheetExport(db, view, evaluation.id, meta, body);
    const stamp = meta.at.slice(0, 10);
    c.header('Content-Type', contentTypes[kind]);
    c.header('Content-Disposition', `attachment; filename="evaluation-${kind.replace('.', `-${stamp}.`)}"`);
    c.header('X-Manyidu-Export-Id', meta.id);
    c.header('X-Manyidu-Framework-Version', String(view.framework.version));
    return c.body(body);
  };

  app.get('/api/evaluations/:id/sheet.xlsx', exportOf('sheet.xlsx'));
  app.get('/api/evaluations/:id/sheet.json', exportOf('sheet.json'));
  app.get('/api/evaluations/:id/report-tables.html', exportOf('report-tables.html'));

  app.get('/api/evaluations/:id/sheet-exports', async (c) => {
    const evaluation = await visibleEvaluation(db, c.var.user, c.req.param('id'));
    const rows = await listSheetExports(db, evaluation.id);
    return c.json({
      exports: rows.map((r) => ({
        id: r.id, kind: r.kind, user: { id: r.user_id, username: r.username }, frameworkVersion: r.framework_version, entriesSeq: r.entries_seq,
        sources: JSON.parse(r.sources) as unknown, sha256: r.sha256, bytes: r.bytes, createdAt: r.created_at,
      })),
    });
  });

  return app;
}
