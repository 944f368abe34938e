// What a sheet export records and states: the framework version and last entry it scored, and
// for every bound survey the figures it took and the chain head and results version they were
// read at. The same lines go into the file (说明, the JSON) and the log (sheet_exports).
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordSheetExport } from '../db/sheet-exports.ts';
import type { SheetView } from './build.ts';
import type { NoteLine } from '../exports/xlsx.ts';
import { shanghaiTime } from '../exports/time.ts';

export type SheetExportKind = 'sheet.xlsx' | 'sheet.json' | 'report-tables.html';

export interface SurveySource {
  code: string;
  surveyId: string;
  slug: string | null;
  rate: string | null;
  n: number | null;
  chain: { seq: number; hash: string };
  resultsVersion: string;
}

export interface SheetExportMeta {
  id: string;
  kind: SheetExportKind;
  userId: string;
  username: string;
  at: string;
}

export function newExportMeta(kind: SheetExportKind, user: { id: string; username: string }, now: Date): SheetExportMeta {
  return { id: randomUUID(), kind, userId: user.id, username: user.username, at: now.toISOString() };
}

export function surveySources(view: SheetView): SurveySource[] {
  return view.bindings.flatMap((b) =>
    b.surveys.map((s) => ({ code: b.code, surveyId: s.surveyId, slug: s.slug, rate: s.result?.rate ?? null, n: s.result?.n ?? null, chain: s.chain, resultsVersion: s.resultsVersion })),
  );
}

/** The 说明 lines: enough for a reader of the file alone to trace every figure back. */
export function exportNotes(view: SheetView, meta: SheetExportMeta): NoteLine[] {
  return [
    ['评价项目', view.evaluation.name],
    ['被评价单位', view.evaluation.unit],
    ['年度', view.evaluation.year],
    ['指标体系', `${view.framework.name}（第 ${view.framework.version} 版${view.framework.bundled ? `，内置 ${view.framework.bundled}` : ''}）`],
    ['指标录入序号', view.entriesSeq],
    ['总分', view.total],
    ['等级', view.grade],
    ['导出编号', meta.id],
    ['导出时间（北京时间）', shanghaiTime(meta.at)],
    ['导出人', meta.username],
    ...surveySources(view).map((s): NoteLine => [
      `满意度来源 ${s.code}`,
      `问卷 ${s.slug ?? s.surveyId}：满意度 ${s.rate ?? '—'}%，n = ${s.n ?? 0}；答卷链头 #${s.chain.seq} ${s.chain.hash}；结果版本 ${s.resultsVersion}`,
    ]),
  ];
}

/** Records the file in the log before it is sent; a record exists for every file handed out. */
export async function recordedSheetExport(db: Kysely<Database>, view: SheetView, evaluationId: string, meta: SheetExportMeta, body: Uint8Array): Promise<Uint8Array> {
  await recordSheetExport(db, {
    id: meta.id,
    evaluation_id: evaluationId,
    user_id: meta.userId,
    kind: meta.kind,
    framework_version: view.framework.version,
    entries_seq: view.entriesSeq,
    sources: JSON.stringify(surveySources(view)),
    sha256: createHash('sha256').update(body).digest('hex'),
    bytes: body.byteLength,
    created_at: meta.at,
  });
  return body;
}
