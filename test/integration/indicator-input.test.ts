// Indicator inputs a fuzzing pass got through (issue 6): a satisfaction rate, interval or stated
// rate outside 0–100, an empty input, a "__proto__" code, problems whose issue named no field, and
// the history of a code not in the framework. Each is refused naming the field and nothing is
// stored; one indicator and a whole inputs file are held to the same schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.ts';
import { evaluator, newEvaluation, newSurvey, refused, type Browser } from '../support/session.ts';

let t: TestApp;
let member: Browser;
let evaluationId: string;
const e = () => `/api/evaluations/${evaluationId}`;

/** What a refused request must leave as it was: the stored inputs and the sheet. */
async function state() {
  const [indicators, sheet] = await Promise.all(['/indicators', '/sheet'].map(async (p) => (await member.get(`${e()}${p}`)).json()));
  return { indicators, sheet };
}

beforeAll(async () => {
  t = await testApp({ demo: false });
  member = (await evaluator(t, 'member')).browser;
  evaluationId = await newEvaluation(member);
  expect((await member.put(`${e()}/framework`, { framework: 'department-overall' })).status).toBe(201);
  expect((await member.put(`${e()}/indicators/1.1.1`, { score: '3.2', reason: '扣 1.8 分' })).status).toBe(200);
});

afterAll(async () => {
  await t?.close();
});

describe('satisfaction figures are percentages', () => {
  const bad: [Record<string, unknown>, string[]][] = [
    [{ rate: '150' }, ['rate']],
    [{ rate: '-5' }, ['rate']],
    [{ rate: 100.01 }, ['rate']],
    [{ rate: '96.67', n: 30, ci95: ['99', '1'] }, ['ci95']],
    [{ rate: '96.67', n: 30, ci95: ['-50', '500'] }, ['ci95.0', 'ci95.1']],
    [{ rate: '96.67', statedRate: '-5' }, ['statedRate']],
    [{ rate: '96.67', statedRate: '100.5' }, ['statedRate']],
    // Text is named by its format, not checked for range (which would be a 500).
    [{ rate: 'abc' }, ['rate']],
    [{ rate: '96.67', n: 30, ci95: ['x', '1'] }, ['ci95.0']],
  ];

  it('refuses a rate, an interval or a stated rate outside 0–100 for one indicator, naming the field', async () => {
    const before = await state();
    for (const [input, fields] of bad) {
      const err = await refused(await member.put(`${e()}/indicators/3.2.1`, input), 422);
      expect([input, err.code, err.issues.map((i) => i.field)]).toEqual([input, 'invalid_input', fields]);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses them by the same rule in an inputs file', async () => {
    const before = await state();
    for (const [input, fields] of bad) {
      const err = await refused(await member.put(`${e()}/inputs`, { '1.1.1': { score: '5' }, '3.2.1': input }), 422);
      expect([input, err.issues.map((i) => i.field)]).toEqual([input, fields.map((f) => `inputs["3.2.1"].${f.replace(/\.(\d+)$/, '[$1]')}`)]);
      expect(err.issues[0].params).toEqual({ indicator: '3.2.1' });
    }
    expect(await state()).toEqual(before);
  });

  it('takes the bounds themselves', async () => {
    const res = await member.put(`${e()}/indicators/3.2.1`, { rate: '100', n: 30, ci95: ['0', '100'], statedRate: '100' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ stored: true, indicator: { code: '3.2.1', score: '4' } });
    const low = await member.put(`${e()}/indicators/3.2.1`, { rate: 0, ci95: [0, 0] });
    expect(await low.json()).toMatchObject({ stored: true, indicator: { score: '0' } });
  });
});

describe('every problem names its field', () => {
  it('a grade not in the table, a checklist of the wrong length, a measure that is not the rule’s', async () => {
    const before = await state();
    const cases: [string, Record<string, unknown>, string][] = [
      ['3.2.2', { grade: '神' }, 'grade'],
      ['2.1.1', { met: [true, true] }, 'met'],
      ['2.5.2', { values: { utilization: '100', idleOffLedger: '0', extra: '1' } }, 'values.extra'],
      // Named as an inputs file names it, so both routes give the same field.
      ['2.5.2', { values: { utilization: '100', idleOffLedger: '0', 'm-1': '1' } }, 'values["m-1"]'],
      ['2.5.2', { values: { utilization: '100' } }, 'values.idleOffLedger'],
      ['2.5.2', JSON.parse('{ "values": { "utilization": "100", "idleOffLedger": "0", "__proto__": "1" } }'), 'values.__proto__'],
      ['2.5.2', { value: '100' }, 'value'],
      ['2.3.2.2', { value: '3.5' }, 'target'],
      ['3.2.1', { n: 30 }, 'rate'],
    ];
    for (const [code, input, field] of cases) {
      const err = await refused(await member.put(`${e()}/indicators/${code}`, input), 422);
      expect([code, field, err.issues]).toEqual([code, field, [expect.objectContaining({ field })]]);
      expect(err.issues[0].message).toContain(field);
    }
    expect(await state()).toEqual(before);
  });
});

describe('an empty input', () => {
  it('is refused saying what the indicator takes, for one indicator and in a file', async () => {
    const before = await state();
    const manual = await refused(await member.put(`${e()}/indicators/1.1.1`, {}), 422);
    expect(manual.issues).toEqual([expect.objectContaining({ field: 'score', params: { indicator: '1.1.1' } })]);
    expect(manual.issues[0].message).toMatch(/录入为空.*score/);
    const grade = await refused(await member.put(`${e()}/indicators/3.2.2`, {}), 422);
    expect(grade.issues).toEqual([expect.objectContaining({ field: 'grade' })]);
    const measures = await refused(await member.put(`${e()}/indicators/2.5.2`, {}), 422);
    expect(measures.issues).toEqual([expect.objectContaining({ field: 'values' })]);
    const file = await refused(await member.put(`${e()}/inputs`, { '1.1.1': {} }), 422);
    expect(file.issues).toEqual([expect.objectContaining({ field: 'inputs["1.1.1"].score', params: { indicator: '1.1.1' } })]);
    expect(await state()).toEqual(before);
  });

  it('is not how an entry is cleared: DELETE is, as the page does', async () => {
    expect((await member.put(`${e()}/indicators/1.1.2`, { score: '5' })).status).toBe(200);
    const res = await member.request('DELETE', `${e()}/indicators/1.1.2`, {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: '1.1.2', input: null, indicator: { score: null } });
    const history = ((await (await member.get(`${e()}/indicators/1.1.2`)).json()) as any).history;
    expect(history.map((h: any) => h.input)).toEqual([{ score: '5' }, null]);
  });

  it('is not made of a bound indicator whose surveys have no answers yet', async () => {
    const survey = (await newSurvey(member, evaluationId)).id;
    expect((await member.request('DELETE', `${e()}/indicators/3.2.1`, {})).status).toBe(200);
    expect((await member.put(`${e()}/bindings/3.2.1`, { surveys: [{ surveyId: survey }], metric: 'overall', combine: 'bySample' })).status).toBe(200);
    const sheet = (await (await member.get(`${e()}/sheet`)).json()) as any;
    expect(sheet.inputIssues).toEqual([]);
    expect(sheet.satisfaction[0]).toMatchObject({ code: '3.2.1', bound: true, rate: null, score: null });
    expect((await member.request('DELETE', `${e()}/bindings/3.2.1`, {})).status).toBe(200);
  });
});

describe('codes not in the framework', () => {
  it('a "__proto__" code in an inputs file is refused as any other unknown code', async () => {
    const before = await state();
    const unknown = await refused(await member.put(`${e()}/inputs`, { '1.1.1': { score: '5' }, '9.9.9': { score: '1' } }), 422);
    const proto = await refused(await member.put(`${e()}/inputs`, JSON.parse('{ "1.1.1": { "score": "5" }, "__proto__": { "score": "1" } }')), 422);
    expect(unknown.issues).toEqual([expect.objectContaining({ field: 'inputs["9.9.9"]', code: 'invalid_input', params: { indicator: '9.9.9' } })]);
    expect(proto.issues).toEqual([expect.objectContaining({ field: 'inputs.__proto__', code: 'invalid_input', params: { indicator: '__proto__' } })]);
    expect(await state()).toEqual(before);
  });

  it('have no history: 404 unknown_indicator, as for PUT and DELETE', async () => {
    for (const code of ['nope', '__proto__', 'x'.repeat(5000), '3.2']) {
      const shown = code.slice(0, 10);
      const get = await member.get(`${e()}/indicators/${code}`);
      if (code === '3.2') {
        // A parent is an indicator: it may be scored as a whole.
        expect([shown, get.status]).toEqual([shown, 200]);
        continue;
      }
      const err = await refused(get, 404);
      expect([shown, err.issues]).toEqual([shown, [expect.objectContaining({ field: 'code', code: 'unknown_indicator' })]]);
      expect([shown, (await member.put(`${e()}/indicators/${code}`, { score: '1', reason: '无' })).status]).toEqual([shown, 404]);
      expect([shown, (await member.request('DELETE', `${e()}/indicators/${code}`, {})).status]).toEqual([shown, 404]);
    }
    expect(await (await member.get(`${e()}/indicators/1.1.1`)).json()).toMatchObject({ code: '1.1.1', input: { score: '3.2' } });
    const without = await newEvaluation(member, '尚未选定指标体系');
    expect((await refused(await member.get(`/api/evaluations/${without}/indicators/1.1.1`), 409)).code).toBe('no_framework');
  });
});
