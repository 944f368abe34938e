// The definition editor's problems in the app's language: a reference problem of surveys/ by its
// code and ids, a shape problem by zod's figures, a JSON syntax problem by what json-locate found.
// In English the reference problems keep surveys' own sentence.
import { afterEach, describe, expect, test } from 'vitest';
import { checkDefinitionText } from '../../../../web/app/editor/check.ts';
import { setLang } from '../../../../web/app/i18n.ts';
import { templates } from '../../../../surveys/templates/index.ts';

// setLang marks the page's language; the node test has no page.
(globalThis as { document?: unknown }).document = { documentElement: {} };
afterEach(() => setLang('zh'));

const base = templates.public!;
const text = (change: (d: any) => void) => {
  const d = structuredClone(base) as any;
  change(d);
  return JSON.stringify(d, null, 2);
};
const likert = (d: any) => d.questions.findIndex((q: any) => q.kind === 'likert');

describe('reference problems', () => {
  test('in Chinese by code and ids, in English as surveys words them', () => {
    const broken = text((d) => {
      const i = likert(d);
      d.questions[i].scale = 'nope';
      d.questions[i + 1].id = d.questions[i].id;
    });
    const i = likert(structuredClone(base));
    const id = (base as any).questions[i].id;
    const zh = checkDefinitionText(broken).issues.map((x) => x.message);
    expect(zh).toContain(`questions.${i}.scale：题目 "${id}" 的量表 "nope" 不存在`);
    expect(zh).toContain(`questions.${i + 1}.id：题目编号 "${id}" 重复`);
    setLang('en');
    const en = checkDefinitionText(broken).issues.map((x) => x.message);
    expect(en).toContain(`question "${id}": unknown scale "nope"`);
    expect(en).toContain(`duplicate question id "${id}"`);
  });
});

describe('a language switch', () => {
  test('rewords the problems the editor already holds', () => {
    const { issues } = checkDefinitionText(text((d) => delete d.questions[0].label));
    expect(issues[0]!.message).toBe('questions.0.label：必须填写');
    setLang('en');
    expect(issues[0]!.message).toBe('questions.0.label: is required');
    const [json] = checkDefinitionText('{"a" 1}').issues;
    expect(json!.message).toBe('JSON: expected ":" after a property name');
    setLang('zh');
    expect(json!.message).toBe('JSON: 属性名后应为 ":"');
  });
});

describe('shape problems', () => {
  test('a missing label is required, a wrong type says what it should be', () => {
    const issues = checkDefinitionText(text((d) => {
      delete d.questions[0].label;
      d.title = 5;
    })).issues.map((x) => x.message);
    expect(issues).toEqual(expect.arrayContaining(['questions.0.label：必须填写', 'title：应为文字']));
    setLang('en');
    const en = checkDefinitionText(text((d) => delete d.questions[0].label)).issues.map((x) => x.message);
    expect(en).toEqual(['questions.0.label: is required']);
  });
});

describe('JSON syntax', () => {
  test('says where and what, in the app\'s language', () => {
    const broken = JSON.stringify(base, null, 2).replace('"title": ', '"title" ');
    const [issue] = checkDefinitionText(broken).issues;
    expect(issue!.message).toBe('JSON: 属性名后应为 ":"');
    expect(issue!.line).toBe(3);
    setLang('en');
    expect(checkDefinitionText('{"a": x}').issues[0]!.message).toBe('JSON: unexpected character "x"');
  });
});
