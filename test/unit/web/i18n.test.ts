import { describe, expect, test } from 'vitest';
import type { AnswerIssue } from '../../../surveys/index.ts';
import { parseLang, strings } from '../../../web/respondent/i18n.ts';
import { fill, issueMessage, noticeText, type Strings } from '../../../web/respondent/text.ts';

const issue = (code: AnswerIssue['code'], params?: AnswerIssue['params']): AnswerIssue =>
  ({ question: 'q', code, message: `server says ${code}`, ...(params ? { params } : {}) });

describe('issue messages', () => {
  test.each([
    ['required', undefined, '请回答此题。', 'Please answer this question.'],
    ['too_long', { maxLength: 500, length: 612 }, '请不超过 500 字。', 'Please use at most 500 characters.'],
    ['too_small', { value: -1, min: 0 }, '请填写不小于 0 的数。', 'Please enter a number of at least 0.'],
    ['too_large', { value: 9, max: 5 }, '请填写不大于 5 的数。', 'Please enter a number of at most 5.'],
    ['too_few', { minSelected: 2, count: 1 }, '请至少选择 2 项。', 'Please choose at least 2.'],
    ['too_many', { maxSelected: 3, count: 4 }, '最多选择 3 项。', 'Please choose at most 3.'],
    ['not_integer', { value: 1.5 }, '请填写整数。', 'Please enter a whole number.'],
    ['invalid_value', { value: '"x"' }, '请从给出的选项中选择。', 'Please choose one of the options given.'],
  ] as const)('%s', (code, params, zh, en) => {
    expect(issueMessage(strings('zh'), issue(code, params))).toBe(zh);
    expect(issueMessage(strings('en'), issue(code, params))).toBe(en);
  });

  test("the server's message when a param the text needs is missing, or the code is unknown", () => {
    expect(issueMessage(strings('zh'), issue('too_long'))).toBe('server says too_long');
    expect(issueMessage(strings('zh'), { question: 'q', code: 'new_code' as AnswerIssue['code'], message: 'as sent' })).toBe('as sent');
  });
});

describe('the dictionaries', () => {
  const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const flat = (t: Strings): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string') out[path] = value;
      else for (const [k, v] of Object.entries(value as object)) walk(v, path ? `${path}.${k}` : k);
    };
    walk(t, '');
    return out;
  };

  test('English says everything Chinese says, with the same slots', () => {
    const zh = flat(strings('zh'));
    const en = flat(strings('en'));
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) expect(slots(en[key]!), key).toEqual(slots(zh[key]!));
  });

  test('notices by status, with a fallback', () => {
    expect(noticeText(strings('zh'), 409)[0]).toBe('您已提交过本问卷，感谢参与');
    expect(noticeText(strings('en'), 410)[0]).toBe('This survey has ended');
    expect(noticeText(strings('zh'), 418)).toEqual(strings('zh').notices.other);
  });
});

test('fill: slots by name, undefined when one is missing, inherited names are not values', () => {
  expect(fill('已答 {done}/{total}', { done: 3, total: 11 })).toBe('已答 3/11');
  expect(fill('{a}{a}', { a: 'x' })).toBe('xx');
  expect(fill('至少 {min} 项', {})).toBeUndefined();
  expect(fill('{toString}', {})).toBeUndefined();
  expect(fill('无需参数', {})).toBe('无需参数');
});

test('lang: English only when asked for, Chinese otherwise', () => {
  expect(parseLang('en')).toBe('en');
  expect(parseLang('zh')).toBe('zh');
  expect(parseLang('fr')).toBe('zh');
  expect(parseLang(undefined)).toBe('zh');
});
