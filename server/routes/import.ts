// Importing answers collected in another tool (问卷星 or any spreadsheet): a preview that says
// which rows would be refused and why, then the import itself, which stores every valid row in
// one transaction on the survey's hash chain, tagged channel `import` and `import:<sha256>`.
import { createHash, randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AppContext } from '../context.ts';
import { ApiError, issuesFromZod } from '../http/errors.ts';
import { multipartForm, publicBodyLimit } from '../http/body.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { visibleSurvey } from '../auth/access.ts';
import type { ImportRow, SurveyRow } from '../db/schema.ts';
import { findImport, listImports, recordImport } from '../db/imports.ts';
import type { PublishedSurvey } from '../surveys/published.ts';
import { mappingSchema, resolveMapping, type ResolvedMapping } from '../import/mapping.ts';
import { readTable, UnreadableFile, type Table } from '../import/table.ts';
import { prepareImport, type PreparedImport } from '../import/prepare.ts';
import { importedResponseId } from '../import/ids.ts';
import { evaluatorResponse } from '../surveys/pending.ts';

const maxFileBytes = 10 * 1024 * 1024;

interface Upload {
  survey: PublishedSurvey;
  fileName: string;
  sha256: string;
  table: Table;
  mapping: ResolvedMapping;
  mappingJson: unknown;
  prepared: PreparedImport;
}

const invalid = (field: string, code: string, message: string) => new ApiError(422, code, `${field}: ${message}`, [{ field, code, message: `${field}: ${message}` }]);

export function importRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const db = ctx.db.db;
  const limit = publicBodyLimit(maxFileBytes + 256 * 1024);

  /** Reads the upload (a `file` and its `mapping` as JSON) and judges every row. */
  async function readUpload(c: Context<AuthEnv>, row: SurveyRow): Promise<Upload> {
    const form = await multipartForm(c);
    const file = form.get('file');
    if (!(file instanceof Blob)) throw invalid('file', 'required', 'attach the CSV or XLSX file');
    const mappingText = form.get('mapping');
    if (typeof mappingText !== 'string') throw invalid('mapping', 'required', 'give the column mapping as JSON');
    let mappingJson: unknown;
    try {
      mappingJson = JSON.parse(mappingText);
    } catch {
      throw invalid('mapping', 'invalid_json', 'not valid JSON');
    }
    const parsed = mappingSchema.safeParse(mappingJson);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error.issues).map((i) => ({ ...i, field: `mapping.${i.field}`, message: `mapping.${i.message}` }));
      throw new ApiError(422, 'invalid_mapping', issues.map((i) => i.message).join('; '), issues);
    }
    const survey = await ctx.published.get(row.slug);
    if (!survey || survey.row.id !== row.id) throw new ApiError(404, 'not_found', 'no such survey');

    const bytes = new Uint8Array(await file.arrayBuffer());
    let table: Table;
    try {
      table = await readTable(bytes, { headerRow: parsed.data.headerRow, sheet: parsed.data.sheet });
    } catch (error) {
      if (error instanceof UnreadableFile) throw invalid('file', 'unreadable', error.message);
      throw error;
    }
    const resolved = resolveMapping(parsed.data, table, survey.definition);
    if (!resolved.ok) throw new ApiError(422, 'invalid_mapping', resolved.issues.map((i) => i.message).join('; '), resolved.issues);
    const fileName = (file instanceof File && file.name ? file.name : 'upload').slice(0, 255);
    return {
      survey,
      fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      table,
      mapping: resolved.mapping,
      mappingJson,
      prepared: prepareImport(table, resolved.mapping, survey.definition, survey.validate),
    };
  }

  const importJson = (i: ImportRow) => ({
    id: i.id,
    fileName: i.file_name,
    sha256: i.sha256,
    userId: i.user_id,
    createdAt: i.created_at,
    rowsAccepted: Number(i.rows_accepted),
    rowsRejected: Number(i.rows_rejected),
  });

  const report = (u: Upload) => ({
    file: { name: u.fileName, sha256: u.sha256, format: u.table.format, ...(u.table.encoding ? { encoding: u.table.encoding } : {}) },
    header: u.table.header,
    columns: u.mapping.columns.map((c) => ({ column: c.header, question: c.question.id })),
    unmappedRequired: u.mapping.unmappedRequired,
    rows: u.prepared.rows,
    accepted: u.prepared.accepted.length,
    rejected: u.prepared.rejected,
  });

  app.post('/api/surveys/:id/import/preview', limit, async (c) => {
    const upload = await readUpload(c, await visibleSurvey(db, c.var.user, c.req.param('id')));
    const previous = await findImport(db, upload.survey.row.id, upload.sha256);
    return c.json({
      ...report(upload),
      sample: upload.prepared.accepted.slice(0, 5).map((r) => ({ row: r.row, answers: r.answers })),
      alreadyImported: previous ? importJson(previous) : null,
    });
  });

  app.post('/api/surveys/:id/import', limit, async (c) => {
    const upload = await readUpload(c, await visibleSurvey(db, c.var.user, c.req.param('id')));
    const { survey, sha256, prepared } = upload;
    if (survey.row.status === 'draft') throw new ApiError(409, 'survey_not_open', 'open the survey before importing responses');
    if (survey.row.status === 'closed') throw new ApiError(410, 'survey_closed', 'this survey is not open');
    const previous = await findImport(db, survey.row.id, sha256);
    if (previous) throw alreadyImported(previous.created_at);
    if (prepared.accepted.length === 0) throw new ApiError(422, 'no_valid_rows', 'no row of the file is valid; see the preview', []);

    const now = ctx.now().toISOString();
    const batch = prepared.accepted.map((r) =>
      evaluatorResponse(survey, {
        id: importedResponseId(survey.row.id, sha256, r.row),
        channel: 'import',
        source: `import:${sha256}`,
        startedAt: r.startedAt,
        submittedAt: r.submittedAt ?? now,
        answers: r.answers,
      }),
    );
    // One batch is one transaction on the survey's chain: all valid rows, or none.
    const outcomes = await ctx.db.writeResponses(batch);
    if (outcomes.some((o) => o.status === 'not_open')) throw new ApiError(410, 'survey_closed', 'this survey was closed before the import was written');
    const created = outcomes.filter((o) => o.status === 'created').length;
    const record: ImportRow = {
      id: randomUUID(),
      survey_id: survey.row.id,
      file_name: upload.fileName,
      sha256,
      user_id: c.var.user.id,
      created_at: now,
      rows_accepted: prepared.accepted.length,
      rows_rejected: prepared.rejected.length,
      mapping: JSON.stringify(upload.mappingJson),
    };
    // Written after the responses: if this process dies in between, the same file imported again
    // finds its rows stored (same ids) and records the import then.
    await recordImport(db, record);
    if (created === 0) throw alreadyImported((await findImport(db, survey.row.id, sha256))?.created_at ?? now);
    const stored = (await findImport(db, survey.row.id, sha256))!;
    return c.json({ import: importJson(stored), ...report(upload) }, 201);
  });

  app.get('/api/surveys/:id/imports', async (c) => {
    const survey = await visibleSurvey(db, c.var.user, c.req.param('id'));
    return c.json({ imports: (await listImports(db, survey.id)).map(importJson) });
  });

  return app;
}

function alreadyImported(at: string): ApiError {
  return new ApiError(409, 'already_imported', `this file was already imported into this survey (${at})`, [{ field: 'file', code: 'already_imported', message: 'file: already imported into this survey' }]);
}
