// Evaluations and the survey lifecycle through the evaluator API: create from a template or a
// definition, edit (always a new version), open, answer, close (410), reopen; and who may see
// what (404 for objects of other evaluations).
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templates } from '../../surveys/templates/index.ts';
import { postJson, satisfiedAnswers, testApp, type TestApp } from '../support/app.ts';
import { evaluator, loginAdmin, newEvaluation, newSurvey, type Browser } from '../support/session.ts';

let t: TestApp;
let admin: Browser;

beforeEach(async () => {
  t = await testApp();
  admin = await loginAdmin(t);
});
afterEach(async () => {
  await t.close();
});

const answer = (slug: string, answers = satisfiedAnswers()) => postJson(t.app, `/api/public/surveys/${slug}/responses`, { id: randomUUID(), answers });

describe('evaluations', () => {
  it('creates one with its creator as member and lists it with its surveys and members', async () => {
    const { browser, id: userId } = await evaluator(t, 'zhangsan');
    const res = await browser.post('/api/evaluations', { name: '2023年度部门整体支出绩效评价', unit: '威海临港区科技创新局', year: 2023, framework: 'department-overall' });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const survey = await newSurvey(browser, id);
    const detail = await (await browser.get(`/api/evaluations/${id}`)).json();
    expect(detail.evaluation).toMatchObject({ id, name: '2023年度部门整体支出绩效评价', unit: '威海临港区科技创新局', year: 2023, framework: 'department-overall', createdBy: userId });
    expect(detail.surveys).toEqual([expect.objectContaining({ id: survey.id, slug: survey.slug, status: 'draft', title: templates.public.title, responses: 0 })]);
    expect(detail.members).toEqual([expect.objectContaining({ id: userId, username: 'zhangsan' })]);
    expect((await (await browser.get('/api/evaluations')).json()).evaluations.map((e: { id: string }) => e.id)).toEqual([id]);
  });

  it('refuses bad fields by name', async () => {
    const res = await admin.post('/api/evaluations', { name: ' ', unit: '某局', year: 23, extra: 1 });
    expect(res.status).toBe(422);
    const fields = (await res.json()).error.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['extra', 'name', 'year']);
  });
});

describe('survey lifecycle', () => {
  it('creates from a template, edits the draft, opens, takes answers, closes (410) and reopens', async () => {
    const evaluationId = await newEvaluation(admin);
    const created = await admin.post('/api/surveys', { evaluationId, template: 'public', slug: 'lingang-2023' });
    expect(created.status).toBe(201);
    const { id, slug } = await created.json();
    expect(slug).toBe('lingang-2023');

    // A draft is not public.
    expect((await t.app.request(`/api/public/surveys/${slug}`)).status).toBe(404);
    expect((await answer(slug)).status).toBe(404);

    const edited = { ...templates.public, slug, title: '临港区科技创新局 2023 年度工作满意度调查（修订）' };
    const edit = await admin.put(`/api/surveys/${id}/definition`, { definition: edited });
    expect(edit.status).toBe(200);
    expect(await edit.json()).toEqual({ id, version: 2 });

    expect((await admin.post(`/api/surveys/${id}/close`)).status).toBe(409);
    const open = await admin.post(`/api/surveys/${id}/open`);
    expect(await open.json()).toEqual({ id, status: 'open' });
    const page = await t.app.request(`/api/public/surveys/${slug}`);
    expect(page.status).toBe(200);
    expect((await page.json()).definition.title).toBe(edited.title);
    expect((await answer(slug)).status).toBe(201);

    // An edit of a survey with responses is version 3; the stored response keeps version 2.
    const v3 = await admin.put(`/api/surveys/${id}/definition`, { definition: { ...edited, intro: '新的说明' } });
    expect((await v3.json()).version).toBe(3);
    expect((await answer(slug)).status).toBe(201);
    const versions = (await t.db.selectFrom('responses').select('definition_version').orderBy('seq').execute()).map((r) => Number(r.definition_version));
    expect(versions).toEqual([2, 3]);

    const detail = await (await admin.get(`/api/surveys/${id}`)).json();
    expect(detail.survey).toMatchObject({ id, slug, status: 'open', currentVersion: 3, responses: 2, url: `http://localhost/s/${slug}` });
    expect(detail.definition.intro).toBe('新的说明');
    expect(detail.versions).toEqual([
      { version: 1, createdAt: expect.any(String), responses: 0 },
      { version: 2, createdAt: expect.any(String), responses: 1 },
      { version: 3, createdAt: expect.any(String), responses: 1 },
    ]);
    expect(detail.channels).toEqual({ link: 2 });
    const old = await (await admin.get(`/api/surveys/${id}/versions/2`)).json();
    expect(old.definition.intro).toBe(templates.public.intro);

    const close = await admin.post(`/api/surveys/${id}/close`);
    expect(await close.json()).toEqual({ id, status: 'closed' });
    const late = await answer(slug);
    expect(late.status).toBe(410);
    expect((await late.json()).error.code).toBe('survey_closed');

    expect((await admin.post(`/api/surveys/${id}/open`)).status).toBe(200);
    expect((await answer(slug)).status).toBe(201);
    expect((await (await admin.get(`/api/surveys/${id}`)).json()).survey.responses).toBe(3);
  });

  it('fixes the declared method once the survey has opened: rewording is a new version, a new method is refused', async () => {
    const evaluationId = await newEvaluation(admin);
    const { id, slug } = await (await admin.post('/api/surveys', { evaluationId, template: 'public', slug: 'fixed-method' })).json();
    const base = { ...templates.public, slug };
    // A draft may still change its method.
    const draft = await admin.put(`/api/surveys/${id}/definition`, { definition: { ...base, method: { ...base.method, satisfied: [5, 4, 3] } } });
    expect(draft.status).toBe(200);
    expect((await admin.post(`/api/surveys/${id}/open`)).status).toBe(200);
    const opened = { ...base, method: { ...base.method, satisfied: [5, 4, 3] } };

    const method = await admin.put(`/api/surveys/${id}/definition`, { definition: { ...opened, method: { ...opened.method, satisfied: [5, 4] } } });
    expect(method.status).toBe(422);
    expect((await method.json()).error.issues).toEqual([expect.objectContaining({ field: 'definition.method', code: 'method_fixed' })]);
    const sat5 = opened.scales.sat5!;
    const weights = { ...opened, scales: { ...opened.scales, sat5: { ...sat5, levels: sat5.levels.map((l) => (l.code === 2 ? { ...l, weight: 0 } : l)) } } };
    const scale = await admin.put(`/api/surveys/${id}/definition`, { definition: weights });
    expect((await scale.json()).error.issues).toEqual([expect.objectContaining({ field: 'definition.scales.sat5' })]);

    const reworded = await admin.put(`/api/surveys/${id}/definition`, { definition: { ...opened, title: '临港区科技创新局 2023 年度满意度调查' } });
    expect(await reworded.json()).toEqual({ id, version: 3 });
    // Closing does not reopen the method either.
    await admin.post(`/api/surveys/${id}/close`);
    expect((await admin.put(`/api/surveys/${id}/definition`, { definition: { ...opened, method: { ...opened.method, notApplicable: 'dissatisfied' } } })).status).toBe(422);
  });

  it('creates from a pasted definition and refuses a bad one naming the bad id, storing nothing', async () => {
    const evaluationId = await newEvaluation(admin);
    const definition = structuredClone(templates.enterprise) as Record<string, unknown> & { questions: Record<string, unknown>[] };
    definition.slug = 'qiye-2023';
    const ok = await admin.post('/api/surveys', { evaluationId, definition });
    expect(ok.status).toBe(201);
    expect((await ok.json()).slug).toBe('qiye-2023');

    const broken = structuredClone(definition);
    broken.slug = 'qiye-2023-b';
    const index = broken.questions.findIndex((q) => q.kind === 'likert');
    broken.questions[index]!.scale = 'sat7';
    const res = await admin.post('/api/surveys', { evaluationId, definition: broken });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_definition');
    expect(body.error.issues).toContainEqual(expect.objectContaining({ field: `definition.questions.${index}.scale`, message: expect.stringContaining('sat7') }));

    const taken = await admin.post('/api/surveys', { evaluationId, definition });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.issues).toEqual([expect.objectContaining({ field: 'definition.slug' })]);
    const both = await admin.post('/api/surveys', { evaluationId, template: 'public', definition });
    expect(both.status).toBe(422);
    expect((await t.db.selectFrom('surveys').select('slug').where('evaluation_id', '=', evaluationId).execute()).map((r) => r.slug)).toEqual(['qiye-2023']);
  });

  it('refuses an edit that changes the slug or breaks the definition, keeping the current version', async () => {
    const { id, slug } = await newSurvey(admin, await newEvaluation(admin));
    const moved = await admin.put(`/api/surveys/${id}/definition`, { definition: { ...templates.public, slug: 'elsewhere' } });
    expect(moved.status).toBe(422);
    expect((await moved.json()).error.issues).toEqual([expect.objectContaining({ field: 'definition.slug' })]);
    const bad = await admin.put(`/api/surveys/${id}/definition`, { definition: { ...templates.public, slug, method: { kind: 'share' } } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues.every((i: { field: string }) => i.field.startsWith('definition.method'))).toBe(true);
    expect((await (await admin.get(`/api/surveys/${id}`)).json()).survey.currentVersion).toBe(1);
  });
});

describe('who sees what', () => {
  it('answers 404 to an evaluator for every survey route of an evaluation they are not in', async () => {
    const a = await evaluator(t, 'member');
    const b = await evaluator(t, 'outsider');
    const evaluationId = await newEvaluation(a.browser);
    const { id, slug } = await newSurvey(a.browser, evaluationId);
    const definition = { ...templates.public, slug };

    expect((await b.browser.get(`/api/evaluations/${evaluationId}`)).status).toBe(404);
    expect((await b.browser.get(`/api/evaluations/${evaluationId}/members`)).status).toBe(404);
    for (const [method, path, body] of [
      ['GET', `/api/surveys/${id}`, undefined],
      ['GET', `/api/surveys/${id}/versions/1`, undefined],
      ['PUT', `/api/surveys/${id}/definition`, { definition }],
      ['POST', `/api/surveys/${id}/open`, {}],
      ['POST', `/api/surveys/${id}/close`, {}],
    ] as const) {
      const res = await b.browser.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
    // An id in the body that points into another evaluation is refused the same way.
    const smuggled = await b.browser.post('/api/surveys', { evaluationId, template: 'public' });
    expect(smuggled.status).toBe(404);
    expect((await smuggled.json()).error.issues).toEqual([expect.objectContaining({ field: 'evaluationId' })]);
    expect((await (await b.browser.get('/api/surveys')).json()).surveys).toEqual([]);
    expect((await (await b.browser.get(`/api/surveys?evaluationId=${evaluationId}`)).json()).surveys).toEqual([]);
    expect((await (await b.browser.get('/api/evaluations')).json()).evaluations).toEqual([]);
    expect((await t.db.selectFrom('surveys').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('draft');

    // Membership is what grants access, and taking it away takes access away.
    expect((await b.browser.put(`/api/evaluations/${evaluationId}/members/${b.id}`)).status).toBe(403);
    expect((await admin.put(`/api/evaluations/${evaluationId}/members/${b.id}`)).status).toBe(204);
    expect((await b.browser.get(`/api/surveys/${id}`)).status).toBe(200);
    expect((await (await b.browser.get('/api/surveys')).json()).surveys.map((s: { id: string }) => s.id)).toEqual([id]);
    const members = (await (await a.browser.get(`/api/evaluations/${evaluationId}/members`)).json()).members;
    expect(members.map((m: { username: string }) => m.username)).toEqual(['member', 'outsider']);
    expect((await admin.delete(`/api/evaluations/${evaluationId}/members/${b.id}`)).status).toBe(204);
    expect((await b.browser.get(`/api/surveys/${id}`)).status).toBe(404);
    expect((await admin.delete(`/api/evaluations/${evaluationId}/members/${b.id}`)).status).toBe(404);
  });

  it('keeps a survey outside any evaluation (the demo) to admins', async () => {
    const demo = (await t.db.selectFrom('surveys').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow()).id;
    const { browser } = await evaluator(t, 'zhangsan');
    expect((await browser.get(`/api/surveys/${demo}`)).status).toBe(404);
    expect((await admin.get(`/api/surveys/${demo}`)).status).toBe(200);
    expect((await (await admin.get('/api/surveys')).json()).surveys.map((s: { slug: string }) => s.slug)).toContain('demo');
  });

  it('answers 404 for ids that do not exist, the same as for hidden ones', async () => {
    expect((await admin.get(`/api/surveys/${randomUUID()}`)).status).toBe(404);
    expect((await admin.get('/api/evaluations/nope')).status).toBe(404);
    expect((await admin.put(`/api/evaluations/nope/members/${randomUUID()}`)).status).toBe(404);
  });
});
