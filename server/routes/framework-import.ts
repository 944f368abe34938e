// A framework from an XLSX file (issue 6): POST /api/evaluations/:id/framework/import with the
// file as multipart `file`. The answer is the §7 framework JSON for the editor to show; nothing is
// stored (the evaluator looks at it, then saves it with PUT …/framework). Only members of the
// evaluation may use it, as every evaluation route.
import { Hono } from 'hono';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { multipartForm, publicBodyLimit } from '../http/body.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { visibleEvaluation } from '../auth/access.ts';
import { readTable, UnreadableFile, type Table } from '../import/table.ts';
import { frameworkFromTable } from '../sheet/framework-table.ts';

const maxFileBytes = 2 * 1024 * 1024;

const invalid = (code: string, message: string) => new ApiError(422, code, `file: ${message}`, [{ field: 'file', code, message: `file: ${message}` }]);

export function frameworkImportRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const db = ctx.db.db;

  app.post('/api/evaluations/:id/framework/import', publicBodyLimit(maxFileBytes + 64 * 1024), async (c) => {
    await visibleEvaluation(db, c.var.user, c.req.param('id'));
    const form = await multipartForm(c);
    const file = form.get('file');
    if (!(file instanceof Blob)) throw invalid('required', 'attach the XLSX file (field "file")');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const fileName = file instanceof File && file.name ? file.name : '';
    let table: Table;
    try {
      table = await readTable(bytes);
    } catch (error) {
      if (error instanceof UnreadableFile) throw invalid('unreadable', error.message);
      throw error;
    }
    // The framework is named after the file (without its extension) until the evaluator renames it.
    const name = fileName.replace(/\.(xlsx|csv)$/i, '').trim().slice(0, 200) || '导入的指标体系';
    const result = frameworkFromTable(table, name);
    if (!result.ok) throw new ApiError(422, 'invalid_framework', result.issues.map((i) => i.message).join('; '), result.issues);
    return c.json({ framework: result.framework, rows: result.rows, format: table.format });
  });

  return app;
}
