import { describe, expect, test } from 'vitest';
import type { AnswerIssue } from '../../../surveys/index.ts';
import { issueMessage, parseLang } from '../../../web/respondent/i18n.ts';

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
    expect(issueMessage('zh', issue(code, params))).toBe(zh);
    expect(issueMessage('en', issue(code, params))).toBe(en);
  });

  test("the server's message when a param the text needs is missing", () => {
    expect(issueMessage('zh', issue('too_long'))).toBe('server says too_long');
  });

  test('lang: English only when asked for, Chinese otherwise', () => {
    expect(parseLang('en')).toBe('en');
    expect(parseLang('zh')).toBe('zh');
    expect(parseLang('fr')).toBe('zh');
    expect(parseLang(undefined)).toBe('zh');
  });
});
