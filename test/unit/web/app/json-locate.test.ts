import { describe, expect, test } from 'vitest';
import { lineOf, lineRange, locateJson, offsetOfPath } from '../../../../web/app/editor/json-locate.ts';
import { checkDefinitionText, serverIssues } from '../../../../web/app/editor/check.ts';
import { templates } from '../../../../surveys/templates/index.ts';

describe('locateJson', () => {
  const text = '{\n  "a": 1,\n  "list": [\n    { "id": "x" },\n    { "id": "y", "s": "\\"q\\"" }\n  ]\n}';

  test('finds every path, members at their keys and array elements at their values', () => {
    const at = locateJson(text);
    expect(at.error).toBeNull();
    expect(lineOf(text, at.at.get('a')!)).toBe(2);
    expect(lineOf(text, at.at.get('list.1')!)).toBe(5);
    expect(lineOf(text, at.at.get('list.1.s')!)).toBe(5);
    expect(text.slice(at.at.get('list.0.id')!)).toMatch(/^"id"/);
  });

  test('agrees with JSON.parse on what is JSON, and points at the line where it breaks', () => {
    for (const bad of ['{"a": 1,}', '{"a" 1}', '[1 2]', '{"a": "x\ny"}', '{"a": tru}', '{"a": 1} x', '', '{"a": "\\x"}']) {
      expect(() => JSON.parse(bad)).toThrow();
      expect(locateJson(bad).error, bad).not.toBeNull();
    }
    for (const good of ['{}', '[]', '{"a": [1, -2.5e3, true, null, "\\u00e9"]}', ' "x" ']) {
      expect(locateJson(good).error, good).toBeNull();
    }
    const broken = '{\n  "a": 1,\n  "b" 2\n}';
    expect(lineOf(broken, locateJson(broken).error!.offset)).toBe(3);
  });

  test('a path that does not exist falls back to its nearest existing parent', () => {
    const at = locateJson(text);
    expect(offsetOfPath(at, 'list.1.missing')).toBe(at.at.get('list.1'));
    expect(offsetOfPath(at, 'nothing.here')).toBe(0);
  });

  test('lineRange selects exactly one line', () => {
    expect(text.slice(...lineRange(text, 2))).toBe('  "a": 1,');
    expect(text.slice(...lineRange(text, 7))).toBe('}');
  });
});

describe('checkDefinitionText', () => {
  const good = JSON.stringify(templates.public, null, 2);

  test('a valid definition has no problems and is returned for the preview', () => {
    const r = checkDefinitionText(good);
    expect(r.issues).toEqual([]);
    expect(r.definition?.title).toBe(templates.public.title);
  });

  test('a schema problem is placed on the line of the value it concerns', () => {
    const text = good.replace('"kind": "likert"', '"kind": "likret"');
    const r = checkDefinitionText(text);
    expect(r.definition).toBeNull();
    expect(r.issues.length).toBeGreaterThan(0);
    const lines = text.split('\n');
    // The problem's line is inside the question whose kind is wrong.
    const q = r.issues.find((i) => i.path.startsWith('questions.'))!;
    expect(q).toBeDefined();
    const index = Number(q.path.split('.')[1]);
    const start = lineOf(text, locateJson(text).at.get(`questions.${index}`)!);
    expect(q.line).toBeGreaterThanOrEqual(start);
    expect(lines.slice(start - 1, q.line + 8).join('\n')).toContain('likret');
  });

  test("the server's issues (definition.…) land on the same lines", () => {
    const issues = serverIssues(good, [{ field: 'definition.questions.3.label', message: 'x' }, { field: 'definition', message: 'y' }]);
    expect(good.split('\n')[issues[0]!.line - 1]).toContain('"label"');
    expect(issues[1]!.line).toBe(1);
  });
});
