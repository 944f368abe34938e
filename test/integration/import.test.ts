// Importing a 问卷星-style export (CSV in UTF-8 with BOM or GB18030, and XLSX): the preview names
// every refused row by row number, column, value and the validator's issue; the import stores
// exactly the valid rows, once, in one transaction on an intact hash chain.
import { createHash, randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkChains } from '../../server/db/chain-check.ts';
import { importedResponseId } from '../../server/import/ids.ts';
import { postJson, satisfiedAnswers, testApp, type TestApp } from '../support/app.ts';
import { adminWithSurvey, evaluator, newEvaluation, newSurvey, type Browser } from '../support/session.ts';
import { wjxCsv, wjxHeader, wjxMapping, wjxRejected, wjxXlsx } from '../support/wjx.ts';

let t: TestApp;
let admin: Browser;
let survey: { id: string; slug: string };

beforeEach(async () => {
  t = await testApp({ demo: false });
  ({ admin, survey } = await adminWithSurvey(t, 'lingang-public'));
  await admin.post(`/api/surveys/${survey.id}/open`);
});
afterEach(async () => {
  await t.close();
});

function upload(file: Uint8Array | string, name: string, mapping: unknown = wjxMapping()): FormData {
  const form = new FormData();
  form.set('file', new File([typeof file === 'string' ? file : new Uint8Array(file)], name));
  form.set('mapping', typeof mapping === 'string' ? mapping : JSON.stringify(mapping));
  return form;
}

const preview = (form: FormData, id = survey.id, browser = admin) => browser.post(`/api/surveys/${id}/import/preview`, form);
const importFile = (form: FormData, id = survey.id, browser = admin) => browser.post(`/api/surveys/${id}/import`, form);
const stored = () => t.db.selectFrom('responses').selectAll().where('survey_id', '=', survey.id).orderBy('seq').execute();

function rejectedSummary(rejected: { row: number; issues: { column: string; value: string; question: string | null; code: string }[] }[]) {
  return rejected.map((r) => ({ row: r.row, ...r.issues.map(({ column, value, question, code }) => ({ column, value, question, code }))[0], issues: r.issues.length }));
}

describe('import preview', () => {
  it('lists the rows a CSV export would lose, with row, column, value and the reason', async () => {
    const res = await preview(upload(wjxCsv(), '问卷星导出.csv'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.file).toEqual({ name: '问卷星导出.csv', sha256: createHash('sha256').update(wjxCsv()).digest('hex'), format: 'csv', encoding: 'utf-8' });
    expect(body.header).toEqual(wjxHeader);
    expect(body.rows).toBe(7);
    expect(body.accepted).toBe(3);
    expect(rejectedSummary(body.rejected)).toEqual(wjxRejected.map((r) => ({ ...r, issues: 1 })));
    expect(body.rejected[0].issues[0].message).toContain('overall');
    expect(body.unmappedRequired).toEqual([]);
    expect(body.alreadyImported).toBeNull();
    // Option texts became option values and level labels became codes.
    expect(body.sample[0]).toEqual({ row: 2, answers: expect.objectContaining({ contact: 'yes', identity: 'employee', town: 'caomiaozi', q1: 4, q2: 5, overall: 5 }) });
    expect(body.sample[0].answers.suggestion).toBe('建议多开展政策宣讲，\n尤其是"高企认定", 谢谢');
    expect(await stored()).toEqual([]);
  });

  it('applies the text-to-code mapping, so a row refused before is accepted', async () => {
    const body = await (await preview(upload(wjxCsv(), 'a.csv', wjxMapping({ values: { overall: { 很满意: 5 } } })))).json();
    expect(body.accepted).toBe(4);
    expect(body.rejected.map((r: { row: number }) => r.row)).toEqual([6, 7, 8]);
  });

  it('reads an XLSX workbook and a GB18030 CSV the same way', async () => {
    const xlsx = await (await preview(upload(await wjxXlsx(), '问卷星导出.xlsx'))).json();
    expect(xlsx.file.format).toBe('xlsx');
    expect(xlsx.accepted).toBe(3);
    expect(rejectedSummary(xlsx.rejected)).toEqual(wjxRejected.map((r) => ({ ...r, issues: 1 })));

    const gbk = iconv.encode(wjxCsv().slice(1), 'gb18030');
    const body = await (await preview(upload(gbk, 'gbk.csv'))).json();
    expect(body.file.encoding).toBe('gb18030');
    expect(body.header).toEqual(wjxHeader);
    expect(body.accepted).toBe(3);
    expect(body.sample[1].answers['q2-why']).toBe('办事要跑好几趟');
  });

  it('refuses a mapping that does not fit the file or the survey, naming the field', async () => {
    const mapping = wjxMapping();
    const bad = { ...mapping, columns: { ...mapping.columns, '99、不存在的题': 'q1', [wjxHeader[17]!]: 'nope' } };
    const res = await preview(upload(wjxCsv(), 'a.csv', bad));
    expect(res.status).toBe(422);
    const fields = (await res.json()).error.issues.map((i: { field: string }) => i.field).sort();
    // The made-up column is both missing from the file and a second column for q1.
    expect(fields).toEqual([`mapping.columns.${wjxHeader[17]}`, 'mapping.columns.99、不存在的题', 'mapping.columns.99、不存在的题'].sort());
    const shape = await preview(upload(wjxCsv(), 'a.csv', { columns: {}, extra: 1 }));
    expect(shape.status).toBe(422);
    expect((await shape.json()).error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['mapping.columns', 'mapping.extra']);
    const notJson = await preview(upload(wjxCsv(), 'a.csv', '{columns'));
    expect((await notJson.json()).error.issues).toEqual([expect.objectContaining({ field: 'mapping' })]);
    const noFile = new FormData();
    noFile.set('mapping', JSON.stringify(mapping));
    expect((await (await preview(noFile)).json()).error.issues).toEqual([expect.objectContaining({ field: 'file' })]);
    const garbage = await preview(upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx'));
    expect(garbage.status).toBe(422);
    expect((await garbage.json()).error.issues).toEqual([expect.objectContaining({ field: 'file', code: 'unreadable' })]);
  });

  it('names a column by number when its header is ambiguous', async () => {
    const csv = wjxCsv().replace(wjxHeader[10]!, wjxHeader[17]!);
    const mapping = wjxMapping();
    const columns = { ...mapping.columns };
    delete (columns as Record<string, string>)[wjxHeader[10]!];
    const ambiguous = await preview(upload(csv, 'a.csv', { ...mapping, columns }));
    expect(ambiguous.status).toBe(422);
    expect((await ambiguous.json()).error.issues[0].message).toContain('#11');
    const { [wjxHeader[17]!]: _, ...rest } = columns as Record<string, string>;
    const byNumber = await preview(upload(csv, 'a.csv', { ...mapping, columns: { ...rest, '#11': 'q2-why', '#18': 'suggestion' } }));
    expect((await byNumber.json()).accepted).toBe(3);
  });
});

describe('import', () => {
  it('stores exactly the valid rows in one go, tagged import with the file hash, and refuses the same file again', async () => {
    const csv = wjxCsv();
    const sha256 = createHash('sha256').update(csv).digest('hex');
    const res = await importFile(upload(csv, '问卷星导出.csv'));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.import).toMatchObject({ fileName: '问卷星导出.csv', sha256, rowsAccepted: 3, rowsRejected: 4 });
    expect(rejectedSummary(body.rejected)).toEqual(wjxRejected.map((r) => ({ ...r, issues: 1 })));

    const rows = await stored();
    expect(rows.map((r) => [r.channel, r.source, Number(r.definition_version)])).toEqual(Array(3).fill(['import', `import:${sha256}`, 1]));
    expect(rows.map((r) => [r.submitted_at, r.started_at])).toEqual([
      ['2023-11-20T02:31:02.000Z', '2023-11-20T02:28:57.000Z'],
      ['2023-11-20T03:02:45.000Z', '2023-11-20T03:01:07.000Z'],
      ['2023-11-21T01:15:00.000Z', '2023-11-21T01:11:39.000Z'],
    ]);
    expect(JSON.parse(rows[1]!.answers)).toMatchObject({ contact: 'yes', q2: 2, 'q2-why': '办事要跑好几趟' });
    expect((await checkChains(t.db)).find((r) => r.surveyId === survey.id)).toEqual({ surveyId: survey.id, responses: 3, head: expect.any(String) });
    const recorded = await t.db.selectFrom('imports').selectAll().execute();
    expect(recorded).toEqual([expect.objectContaining({ survey_id: survey.id, file_name: '问卷星导出.csv', sha256, rows_accepted: 3, rows_rejected: 4 })]);

    const again = await importFile(upload(csv, 'renamed.csv'));
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('already_imported');
    expect((await (await preview(upload(csv, 'renamed.csv'))).json()).alreadyImported).toMatchObject({ sha256 });
    expect((await stored()).length).toBe(3);
    const list = await (await admin.get(`/api/surveys/${survey.id}/imports`)).json();
    expect(list.imports).toEqual([expect.objectContaining({ fileName: '问卷星导出.csv', rowsAccepted: 3 })]);
    expect((await (await admin.get(`/api/surveys/${survey.id}`)).json()).channels).toEqual({ import: 3 });
  });

  it('imports an XLSX beside responses from the page, keeping one chain', async () => {
    await postJson(t.app, `/api/public/surveys/${survey.slug}/responses`, { id: randomUUID(), answers: satisfiedAnswers() });
    const res = await importFile(upload(await wjxXlsx(), 'export.xlsx'));
    expect(res.status).toBe(201);
    await postJson(t.app, `/api/public/surveys/${survey.slug}/responses`, { id: randomUUID(), answers: satisfiedAnswers() });
    expect((await stored()).map((r) => r.channel)).toEqual(['link', 'import', 'import', 'import', 'link']);
    expect((await checkChains(t.db)).find((r) => r.surveyId === survey.id)?.broken).toBeUndefined();
  });

  it('stores a file imported twice at once only once', async () => {
    const csv = wjxCsv();
    const statuses = (await Promise.all([importFile(upload(csv, 'a.csv')), importFile(upload(csv, 'a.csv'))])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    expect((await stored()).length).toBe(3);
    expect((await t.db.selectFrom('imports').selectAll().execute()).length).toBe(1);
  });

  it('a retry after the responses were stored but the import not recorded stores nothing twice', async () => {
    const csv = wjxCsv();
    const sha256 = createHash('sha256').update(csv).digest('hex');
    // As if a process had died between the responses' commit and the import's record: the rows
    // are there under the ids the import derives, the record is not.
    const outcomes = await t.ctx.db.writeResponses([2, 3, 4].map((row) => ({
      id: importedResponseId(survey.id, sha256, row), survey_id: survey.id, definition_version: 1, channel: 'import',
      respondent_group: 'public', token: null, device: null, network: null, source: `import:${sha256}`,
      started_at: null, submitted_at: new Date().toISOString(), answers: '{}', tally: { eligible: true, items: [], flags: [] },
    })));
    expect(outcomes.map((o) => o.status)).toEqual(['created', 'created', 'created']);
    const retry = await importFile(upload(csv, 'a.csv'));
    expect(retry.status).toBe(409);
    expect((await stored()).length).toBe(3);
    expect(await t.db.selectFrom('imports').select(['sha256', 'rows_accepted']).execute()).toEqual([{ sha256, rows_accepted: 3 }]);
  });

  it('needs an open survey and a valid row, and writes nothing otherwise', async () => {
    const draft = await newSurvey(admin, await newEvaluation(admin));
    expect((await importFile(upload(wjxCsv(), 'a.csv'), draft.id)).status).toBe(409);
    const onlyBad = wjxCsv().split('\r\n').filter((_, i) => i === 0 || i >= 4).join('\r\n');
    const none = await importFile(upload(onlyBad, 'bad.csv'));
    expect(none.status).toBe(422);
    expect((await none.json()).error.code).toBe('no_valid_rows');
    await admin.post(`/api/surveys/${survey.id}/close`);
    expect((await importFile(upload(wjxCsv(), 'a.csv'))).status).toBe(410);
    expect(await stored()).toEqual([]);
    expect(await t.db.selectFrom('imports').selectAll().execute()).toEqual([]);
  });

  it('answers 404 to an evaluator outside the evaluation', async () => {
    const { browser } = await evaluator(t, 'outsider');
    expect((await preview(upload(wjxCsv(), 'a.csv'), survey.id, browser)).status).toBe(404);
    expect((await importFile(upload(wjxCsv(), 'a.csv'), survey.id, browser)).status).toBe(404);
    expect((await browser.get(`/api/surveys/${survey.id}/imports`)).status).toBe(404);
    expect(await stored()).toEqual([]);
  });
});
