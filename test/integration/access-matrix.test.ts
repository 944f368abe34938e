// The authorization matrix of issue 4: every evaluator route, called by an anonymous browser, an
// evaluator outside the evaluation, a member and an admin, answers only what it should — 401
// without a session, 404 (not 403) for objects of an evaluation the caller is not in, 403 for
// admin-only routes, and success for the rest.
import { randomUUID } from 'node:crypto';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { templates } from '../../surveys/templates/index.ts';
import { satisfiedAnswers, testApp, type TestApp } from '../support/app.ts';
import { Browser, evaluator, loginAdmin, newEvaluation, newSurvey } from '../support/session.ts';
import { wjxCsv, wjxMapping } from '../support/wjx.ts';
import { authRoutes } from '../../server/routes/auth.ts';
import { userRoutes } from '../../server/routes/users.ts';
import { evaluationRoutes } from '../../server/routes/evaluations.ts';
import { surveyRoutes } from '../../server/routes/surveys.ts';
import { distributionRoutes } from '../../server/routes/distribution.ts';
import { entryRoutes } from '../../server/routes/entry.ts';
import { importRoutes } from '../../server/routes/import.ts';

type Role = 'anonymous' | 'outsider' | 'member' | 'admin';
const roles: Role[] = ['anonymous', 'outsider', 'member', 'admin'];

let t: TestApp;
let browsers: Record<Role, Browser>;
let ids: { evaluation: string; survey: string; slug: string; member: string; outsider: string; token: string };

beforeAll(async () => {
  t = await testApp({ demo: false });
  const member = await evaluator(t, 'member');
  const outsider = await evaluator(t, 'outsider');
  const evaluation = await newEvaluation(member.browser);
  const survey = await newSurvey(member.browser, evaluation);
  await member.browser.post(`/api/surveys/${survey.id}/open`);
  await member.browser.post(`/api/surveys/${survey.id}/sources`, { code: 'hall-1', label: '大厅' });
  const token = (await (await member.browser.post(`/api/surveys/${survey.id}/tokens`, { count: 1 })).json()).tokens[0].token;
  browsers = { anonymous: new Browser(t.app), outsider: outsider.browser, member: member.browser, admin: await loginAdmin(t) };
  ids = { evaluation, survey: survey.id, slug: survey.slug, member: member.id, outsider: outsider.id, token };
});
afterAll(async () => {
  await t.close();
});

function importForm(role: Role): FormData {
  const form = new FormData();
  // A file of its own per caller, so a second import is not refused as the same file.
  form.set('file', new File([`${wjxCsv()}\r\n${'\r\n'.repeat(roles.indexOf(role))}`], `${role}.csv`));
  form.set('mapping', JSON.stringify(wjxMapping()));
  return form;
}

/** An export the member made (once), for the route that shows its record. */
let exportId: string | undefined;
async function memberExport(): Promise<string> {
  exportId ??= (await browsers.member.get(`/api/surveys/${ids.survey}/report.txt`)).headers.get('x-manyidu-export-id')!;
  return exportId;
}

/** A route, and what each role gets: one status, or one for the member and admin both. */
interface Case {
  name: string;
  call: (b: Browser, role: Role) => Promise<Response>;
  allowed: number;
  /** Routes only an admin may use: 403 for evaluators whether members or not. */
  adminOnly?: boolean;
  /** Routes that do not touch one evaluation's objects: an outsider gets what a member gets. */
  open?: boolean;
}

const s = () => `/api/surveys/${ids.survey}`;
const cases: Case[] = [
  { name: 'GET /api/auth/me', call: (b) => b.get('/api/auth/me'), allowed: 200, open: true },
  { name: 'GET /api/evaluations', call: (b) => b.get('/api/evaluations'), allowed: 200, open: true },
  { name: 'POST /api/evaluations', call: (b) => b.post('/api/evaluations', { name: '评价', unit: '某局', year: 2024 }), allowed: 201, open: true },
  { name: 'GET /api/evaluations/:id', call: (b) => b.get(`/api/evaluations/${ids.evaluation}`), allowed: 200 },
  { name: 'GET /api/evaluations/:id/members', call: (b) => b.get(`/api/evaluations/${ids.evaluation}/members`), allowed: 200 },
  { name: 'PUT /api/evaluations/:id/members/:userId', call: (b) => b.put(`/api/evaluations/${ids.evaluation}/members/${ids.member}`), allowed: 204, adminOnly: true },
  { name: 'DELETE /api/evaluations/:id/members/:userId', call: (b) => b.delete(`/api/evaluations/${ids.evaluation}/members/${ids.outsider}`), allowed: 404, adminOnly: true },
  { name: 'GET /api/users', call: (b) => b.get('/api/users'), allowed: 200, adminOnly: true },
  { name: 'POST /api/users', call: (b, r) => b.post('/api/users', { username: `new-${r}`, password: 'long enough password' }), allowed: 201, adminOnly: true },
  { name: 'GET /api/users/:id', call: (b) => b.get(`/api/users/${ids.member}`), allowed: 200, adminOnly: true },
  { name: 'PATCH /api/users/:id', call: (b) => b.patch(`/api/users/${ids.outsider}`, { role: 'evaluator' }), allowed: 200, adminOnly: true },
  { name: 'PUT /api/users/:id/password', call: (b) => b.put(`/api/users/${randomUUID()}/password`, { password: 'long enough password' }), allowed: 404, adminOnly: true },
  { name: 'GET /api/surveys', call: (b) => b.get('/api/surveys'), allowed: 200, open: true },
  { name: 'POST /api/surveys', call: (b) => b.post('/api/surveys', { evaluationId: ids.evaluation, template: 'enterprise' }), allowed: 201 },
  { name: 'GET /api/surveys/:id', call: (b) => b.get(s()), allowed: 200 },
  { name: 'GET /api/surveys/:id/versions/:v', call: (b) => b.get(`${s()}/versions/1`), allowed: 200 },
  { name: 'PUT /api/surveys/:id/definition', call: (b) => b.put(`${s()}/definition`, { definition: { ...templates.public, slug: ids.slug } }), allowed: 200 },
  { name: 'POST /api/surveys/:id/close', call: (b) => b.post(`${s()}/close`), allowed: 200 },
  { name: 'POST /api/surveys/:id/open', call: (b) => b.post(`${s()}/open`), allowed: 200 },
  { name: 'PUT /api/surveys/:id/population', call: (b) => b.put(`${s()}/population`, { population: 500 }), allowed: 200 },
  { name: 'POST /api/surveys/:id/tokens', call: (b) => b.post(`${s()}/tokens`, { count: 2 }), allowed: 201 },
  { name: 'GET /api/surveys/:id/tokens', call: (b) => b.get(`${s()}/tokens`), allowed: 200 },
  { name: 'GET /api/surveys/:id/paper-issues', call: (b) => b.get(`${s()}/paper-issues`), allowed: 200 },
  { name: 'POST /api/surveys/:id/paper-issues', call: (b) => b.post(`${s()}/paper-issues`, { count: 5, note: '大厅' }), allowed: 201 },
  { name: 'GET /api/surveys/:id/tokens.csv', call: (b) => b.get(`${s()}/tokens.csv`), allowed: 200 },
  { name: 'GET /api/surveys/:id/qr.svg', call: (b) => b.get(`${s()}/qr.svg?source=hall-1`), allowed: 200 },
  { name: 'GET /api/surveys/:id/qr.png', call: (b) => b.get(`${s()}/qr.png?token=${ids.token}&size=128`), allowed: 200 },
  { name: 'GET /api/surveys/:id/sources', call: (b) => b.get(`${s()}/sources`), allowed: 200 },
  { name: 'POST /api/surveys/:id/sources', call: (b, r) => b.post(`${s()}/sources`, { code: `hall-${r}`, label: r }), allowed: 201 },
  { name: 'POST /api/surveys/:id/sources/:code/kiosk', call: (b) => b.post(`${s()}/sources/hall-1/kiosk`), allowed: 200 },
  { name: 'DELETE /api/surveys/:id/sources/:code/kiosk', call: (b) => b.delete(`${s()}/sources/hall-1/kiosk`), allowed: 204 },
  { name: 'POST /api/surveys/:id/responses', call: (b) => b.post(`${s()}/responses`, { id: randomUUID(), channel: 'paper', answers: satisfiedAnswers() }), allowed: 201 },
  { name: 'POST /api/surveys/:id/import/preview', call: (b, r) => b.post(`${s()}/import/preview`, importForm(r)), allowed: 200 },
  { name: 'POST /api/surveys/:id/import', call: (b, r) => b.post(`${s()}/import`, importForm(r)), allowed: 201 },
  { name: 'GET /api/surveys/:id/imports', call: (b) => b.get(`${s()}/imports`), allowed: 200 },
  { name: 'GET /api/surveys/:id/export.csv', call: (b) => b.get(`${s()}/export.csv?excluded=exclude`), allowed: 200 },
  { name: 'GET /api/surveys/:id/export.xlsx', call: (b) => b.get(`${s()}/export.xlsx`), allowed: 200 },
  { name: 'GET /api/surveys/:id/results.json', call: (b) => b.get(`${s()}/results.json`), allowed: 200 },
  { name: 'GET /api/surveys/:id/results.xlsx', call: (b) => b.get(`${s()}/results.xlsx?group=public`), allowed: 200 },
  { name: 'GET /api/surveys/:id/report.txt', call: (b) => b.get(`${s()}/report.txt`), allowed: 200 },
  { name: 'GET /api/surveys/:id/exports', call: (b) => b.get(`${s()}/exports`), allowed: 200 },
  { name: 'GET /api/exports/:id', call: async (b) => b.get(`/api/exports/${await memberExport()}`), allowed: 200 },
];

describe('authorization matrix', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const got: Record<string, number> = {};
      // Callers without rights first: what they are refused must not have changed anything the
      // member's and admin's calls then see.
      for (const role of roles) got[role] = (await c.call(browsers[role], role)).status;
      const expected = {
        anonymous: 401,
        outsider: c.adminOnly ? 403 : c.open ? c.allowed : 404,
        member: c.adminOnly ? 403 : c.allowed,
        admin: c.allowed,
      };
      expect(got).toEqual(expected);
    });
  }

  it('covers every route of the evaluator modules', () => {
    const routes = [authRoutes, userRoutes, evaluationRoutes, surveyRoutes, distributionRoutes, entryRoutes, importRoutes]
      .flatMap((make) => make(t.ctx).routes)
      .filter((r) => r.method !== 'ALL' && r.path !== '/api/auth/login' && r.path !== '/api/auth/logout')
      .map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThanOrEqual(cases.length - 2);
    const normalise = (route: string) => route.replace(/\/:[A-Za-z]+/g, '/:x');
    const covered = new Set(cases.map((c) => normalise(c.name)));
    expect(routes.filter((r) => !covered.has(normalise(r))), 'a new evaluator route needs its row in this matrix').toEqual([]);
  });

  it('answers 401 to an anonymous caller on every route under /api/ but the public ones and login', async () => {
    const app = t.app as unknown as { routes: { method: string; path: string }[] };
    const routes = app.routes.filter((r) => r.path.startsWith('/api/') && !r.path.startsWith('/api/public/') && r.method !== 'ALL' && r.path !== '/api/auth/login' && r.path !== '/api/auth/logout');
    for (const r of routes) {
      const path = r.path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, randomUUID());
      const res = await browsers.anonymous.request(r.method, path, r.method === 'GET' ? undefined : {});
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
    }
  });
});
