// "Never a 500 for client input" (DESIGN §8, §9) on the evaluator side: random JSON to every
// route that reads a body, and random bytes and mappings as an import, answer 4xx or success.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.ts';
import { adminWithOpenSurvey, type Browser } from '../support/session.ts';
import { wjxCsv, wjxMapping } from '../support/wjx.ts';

let t: TestApp;
let admin: Browser;
let survey: { id: string; slug: string };
let evaluationId: string;

beforeAll(async () => {
  t = await testApp({ demo: false });
  ({ admin, evaluationId, survey } = await adminWithOpenSurvey(t));
});
afterAll(async () => {
  await t.close();
});

describe('random input never yields a 500', () => {
  const routes: [string, string][] = [
    ['POST', '/api/evaluations'],
    ['POST', '/api/surveys'],
    ['PUT', '/api/surveys/:id/definition'],
    ['POST', '/api/surveys/:id/tokens'],
    ['POST', '/api/surveys/:id/sources'],
    ['POST', '/api/surveys/:id/responses'],
    ['POST', '/api/users'],
    ['POST', '/api/auth/login'],
  ];
  for (const [method, path] of routes) {
    it(`${method} ${path}`, async () => {
      const url = path.replace(':id', survey.id);
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (body) => {
          const res = await admin.request(method, url, body);
          expect(res.status).toBeLessThan(500);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('bodies shaped almost right', async () => {
    const field = fc.oneof(fc.jsonValue(), fc.constant(undefined));
    await fc.assert(
      fc.asyncProperty(field, field, field, async (a, b, c) => {
        for (const res of await Promise.all([
          admin.post('/api/surveys', { evaluationId: a ?? evaluationId, template: b, definition: c }),
          admin.post(`/api/surveys/${survey.id}/responses`, { id: randomUUID(), channel: a ?? 'paper', answers: b, interviewer: c }),
          admin.post(`/api/surveys/${survey.id}/tokens`, { companies: a, count: b }),
        ])) {
          expect(res.status).toBeLessThan(500);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('any JSON or text where a framework, a binding or a framework file has a figure', async () => {
    const figure = fc.oneof(fc.jsonValue(), fc.string(), fc.constantFrom('abc', '1/0', '-1', '2/3', '__proto__'));
    const word = fc.oneof(fc.string(), fc.constantFrom('valueOf', '__proto__', 'hasOwnProperty', 'toLocaleString', 'satisfaction'));
    const framework = (points: unknown, min: unknown, factor: unknown) => ({
      name: 'x', grades: [{ min, label: 'a' }],
      indicators: [{ code: '1', name: 'a', points, rule: { kind: 'band', bands: [{ min, factor }] } }, { code: '2', name: 'b', points: 1, rule: { kind: 'stepDeduction', target: points, step: min, deduct: factor } }],
    });
    expect((await admin.put(`/api/evaluations/${evaluationId}/framework`, { framework: 'department-overall' })).status).toBeLessThan(300);
    await fc.assert(
      fc.asyncProperty(figure, figure, figure, word, async (a, b, c, w) => {
        const form = new FormData();
        form.set('file', new File([`一级指标,二级指标,三级指标,分值,规则\r\n决策,目标,依据,4,"${w.replaceAll('"', '""')}"\r\n`], 'x.csv'));
        for (const res of await Promise.all([
          admin.post('/api/evaluations', { name: 'x', unit: 'y', year: 2024, framework: framework(a, b, c) }),
          admin.put(`/api/evaluations/${evaluationId}/bindings/3.2.1`, { surveys: [{ surveyId: survey.id, weight: a }], metric: 'overall', combine: 'fixed' }),
          admin.post(`/api/evaluations/${evaluationId}/framework/import`, form),
        ])) {
          expect(res.status).toBeLessThan(500);
        }
        // Last, so the bindings above always meet the seed framework.
        expect((await admin.put(`/api/evaluations/${evaluationId}/framework`, { framework: framework(a, b, c) })).status).toBeLessThan(500);
        expect((await admin.get(`/api/evaluations/${evaluationId}/sheet`)).status).toBeLessThan(500);
        await admin.put(`/api/evaluations/${evaluationId}/framework`, { framework: 'department-overall' });
      }),
      { numRuns: 60 },
    );
  });

  it('random files and mappings to the import preview', async () => {
    const mapping = fc.oneof(fc.constant(wjxMapping()), fc.jsonValue().map((v) => v as unknown));
    const file = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.string().map((s) => new TextEncoder().encode(s)),
      fc.constant(new TextEncoder().encode(wjxCsv())),
      fc.uint8Array({ maxLength: 500 }).map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail])),
    );
    await fc.assert(
      fc.asyncProperty(file, mapping, async (bytes, m) => {
        const form = new FormData();
        form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], 'x.csv'));
        form.set('mapping', JSON.stringify(m) ?? 'null');
        const res = await admin.post(`/api/surveys/${survey.id}/import/preview`, form);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
  });
});
