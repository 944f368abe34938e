// The server's field issues as the evaluator app words them: the server keeps zod's English
// message for API clients and gives the figures of the issue as params (server/http/errors.ts);
// the app turns them into a line in its own language (web/app/lib/issue-words.ts). Driven through
// the real routes, so a change of either side's vocabulary shows here.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.ts';
import { adminWithOpenSurvey, refused, type Browser } from '../support/session.ts';
import { issueLine } from '../../web/app/lib/issue-words.ts';
import { messageOf, toldInFull } from '../../web/app/lib/messages.ts';
import { ApiFailure, type ApiIssue } from '../../web/app/lib/api.ts';
import { setLang } from '../../web/app/i18n.ts';

let t: TestApp;
let admin: Browser;
let survey: { id: string };

// setLang marks the page's language; the node test has no page.
(globalThis as { document?: unknown }).document = { documentElement: {} };

beforeAll(async () => {
  t = await testApp();
  ({ admin, survey } = await adminWithOpenSurvey(t));
});
afterAll(async () => {
  await t.close();
});
afterEach(() => setLang('zh'));

const issuesOf = async (res: Response) => (await refused(res)).issues as ApiIssue[];
const lines = (issues: ApiIssue[]) => issues.map(issueLine);

describe('issues of an evaluation that cannot be created', () => {
  it('are worded in Chinese by default, each naming its field, with zod English kept for API clients', async () => {
    const issues = await issuesOf(await admin.post('/api/evaluations', { name: '', year: 1999, department: 5, colour: 'red' }));
    expect(issues.map((i) => i.message)).toContain('name: Too small: expected string to have >=1 characters');
    expect(lines(issues)).toEqual(expect.arrayContaining([
      'name：不能为空',
      'year：不能小于 2000',
      'colour：不是可接受的字段',
    ]));
    expect(lines(issues).join('\n')).not.toMatch(/Too small|expected|Unrecognized/);
  });

  it('in English when the app is in English', async () => {
    setLang('en');
    const issues = await issuesOf(await admin.post('/api/evaluations', { name: 'x'.repeat(300), year: 2101 }));
    expect(lines(issues)).toEqual(expect.arrayContaining(['year: must be at most 2100']));
    expect(lines(issues).some((l) => /^name: must have at most \d+ characters$/.test(l))).toBe(true);
  });

  it('a missing field is said to be required, a wrong type by what it should be', async () => {
    const issues = await issuesOf(await admin.post('/api/evaluations', { year: '2026' }));
    expect(lines(issues)).toEqual(expect.arrayContaining(['name：必须填写', 'year：应为数字']));
  });
});

describe('a pattern rule', () => {
  it('is told in the app\'s language: the rule a slug, a username or an id must follow', async () => {
    const users = await admin.post('/api/users', { username: 'a b', password: 'correct horse battery staple' });
    expect(lines(await issuesOf(users))).toEqual(['username：须为 2–64 个字母、数字或 "."、"_"、"-"']);
    const definition = structuredClone((await (await admin.get(`/api/surveys/${survey.id}`)).json()).definition);
    definition.questions[0].id = '1st';
    const edited = await admin.put(`/api/surveys/${survey.id}/definition`, { definition });
    expect(lines(await issuesOf(edited))).toContain('definition.questions.0.id：须以字母开头，只用字母、数字、"_" 和 "-"（最多 64 个）');
    setLang('en');
    expect(lines(await issuesOf(await admin.post('/api/users', { username: 'a b', password: 'correct horse battery staple' })))).toEqual(['username: must be 2–64 letters, digits, ".", "_" or "-"']);
  });
});

describe('our own rules and the forms that broke them', () => {
  it('a refinement names its rule; a body that gives neither field is not called "(body)"', async () => {
    const paper = await admin.post(`/api/surveys/${survey.id}/paper-issues`, { count: 0 });
    expect(lines(await issuesOf(paper))).toEqual(['count：不能为 0']);
    const fraction = await admin.post(`/api/surveys/${survey.id}/tokens`, { count: 2.5 });
    expect(lines(await issuesOf(fraction))).toEqual(['count：应为整数']);
    const neither = await admin.post(`/api/surveys/${survey.id}/tokens`, {});
    expect(lines(await issuesOf(neither))).toEqual(['须给出份数（count）或企业名单（companies）之一']);
    expect((await admin.post(`/api/surveys/${survey.id}/tokens`, { count: 2 })).status).toBe(201);
    expect((await admin.post(`/api/surveys/${survey.id}/tokens`, { companies: ['甲公司'] })).status).toBe(201);
    setLang('en');
    expect(lines(await issuesOf(await admin.post(`/api/surveys/${survey.id}/paper-issues`, { count: 0 })))).toEqual(['count: must not be 0']);
  });

  it('a definition\'s blank label, unknown kind and changed slug', async () => {
    const { definition } = (await (await admin.get(`/api/surveys/${survey.id}`)).json()) as { definition: any };
    const changed = structuredClone(definition);
    changed.questions[0].label = '  ';
    changed.questions[1].kind = 'slider';
    expect(lines(await issuesOf(await admin.put(`/api/surveys/${survey.id}/definition`, { definition: changed })))).toEqual([
      'definition.questions.0.label：不能为空',
      'definition.questions.1.kind：须为以下之一：likert, single, multi, text, number',
    ]);
    const moved = { ...structuredClone(definition), slug: 'elsewhere' };
    expect(lines(await issuesOf(await admin.put(`/api/surveys/${survey.id}/definition`, { definition: moved })))).toEqual([
      `definition.slug：须保持为 "${definition.slug}"：问卷链接不能更改`,
    ]);
  });
});

describe('the sentence above the list', () => {
  it('leads into the problems and the list stays; a sentence with the figures of its one issue stands alone', async () => {
    const res = await admin.post('/api/evaluations', { name: '' });
    const body = (await res.json()) as { error: { code: string; message: string; issues: ApiIssue[] } };
    const failure = new ApiFailure(res.status, body.error.code, body.error.message, body.error.issues);
    expect(messageOf(failure)).toBe('请更正以下问题：');
    expect(toldInFull(failure)).toBe(false);

    const population = await admin.put(`/api/surveys/${survey.id}/population`, { population: 0 });
    expect(lines(await issuesOf(population))).toEqual(['population：不能小于 1']);

    const paper = new ApiFailure(422, 'paper_below_zero', 'x', [{ field: 'count', code: 'too_small', message: 'count: x', params: { count: -5, total: 3 } }]);
    expect(toldInFull(paper)).toBe(true);
    expect(messageOf(paper)).toBe('登记后已发放的纸质问卷将少于 0 份：本次 -5 份，此前共 3 份。');
  });

  it('an issue the app has no words for keeps the server message', () => {
    expect(issueLine({ field: 'slug', code: 'custom', message: 'slug: the slug of a definition is its own "slug" field' })).toBe('slug: the slug of a definition is its own "slug" field');
    expect(issueLine({ field: 'count', code: 'too_small', message: 'count: 纸质问卷将少于 0 份', params: { count: -5, total: 3 } })).toBe('count: 纸质问卷将少于 0 份');
  });
});
