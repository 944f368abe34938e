// The framework editor's tree (web/app/framework/tree.ts): adding, moving, indenting and removing
// indicators, the children's points checked against their parent, and server issues placed on the
// indicator they name. The bundled framework must survive the round trip unchanged.
import { describe, expect, test } from 'vitest';
import { bundledFramework, parseFramework } from '../../../../scoring/index.ts';
import {
  addChild, allNodes, defaultRule, draftFrom, duplicateCodes, findNode, frameworkOf, indent, move, nodeOfField, outdent, remove, sumProblems, totalPoints, update, type Draft,
} from '../../../../web/app/framework/tree.ts';

const seed = () => draftFrom(bundledFramework('department-overall'));
const byCode = (d: Draft, code: string) => allNodes(d).find((n) => n.code === code)!;
const codes = (list: readonly { code: string }[]) => list.map((n) => n.code);

describe('the framework draft', () => {
  test('the bundled framework round-trips to the same JSON and parses', () => {
    const d = seed();
    expect(frameworkOf(d)).toEqual(bundledFramework('department-overall'));
    expect(parseFramework(frameworkOf(d)).ok).toBe(true);
    expect(sumProblems(d).size).toBe(0);
    expect(totalPoints(d)).toBe('100');
  });

  test('grades and criteria as typed go out as the server takes them: figures as numbers, blank criteria left out', () => {
    const d0 = seed();
    const d1 = { ...d0, grades: [{ min: '92', label: ' 优 ' }, { min: '80.5', label: '良' }, { min: '0', label: '差' }] };
    const d2 = update(update(d1, byCode(d1, '3.2.1').id, { criteria: '  ' }), byCode(d1, '3.2.2').id, { criteria: ' 按等级给分。\n' });
    const out = frameworkOf(d2);
    expect(out.grades).toEqual([{ min: 92, label: '优' }, { min: 80.5, label: '良' }, { min: 0, label: '差' }]);
    const sat = out.indicators[2]!.children![1]!.children!;
    expect(sat.map((n) => [n.code, n.criteria])).toEqual([['3.2.1', undefined], ['3.2.2', '按等级给分。']]);
    expect(parseFramework(out).ok).toBe(true);
  });

  test('adding a child under 3.2 gives it the next code and a sum warning on 3.2 only; fixing the points clears it', () => {
    const d0 = seed();
    const parent = byCode(d0, '3.2');
    const { draft: d1, id } = addChild(d0, parent.id, { name: '企业满意度' });
    expect(findNode(d1, id)).toMatchObject({ code: '3.2.3', name: '企业满意度', points: '1', rule: { kind: 'manual' } });
    expect(codes(byCode(d1, '3.2').children)).toEqual(['3.2.1', '3.2.2', '3.2.3']);
    const problems = sumProblems(d1);
    expect([...problems.keys()]).toEqual([parent.id]);
    expect(problems.get(parent.id)).toEqual({ sum: '9', points: '8' });
    // The original draft is untouched (the page keeps its history by reference).
    expect(byCode(d0, '3.2').children).toHaveLength(2);
    // 3.2.2 from 4 to 3: 4 + 3 + 1 = 8 again.
    const d2 = update(d1, byCode(d1, '3.2.2').id, { points: '3' });
    expect(sumProblems(d2).size).toBe(0);
    expect(parseFramework(frameworkOf(d2)).ok).toBe(true);
  });

  test('decimal points add up exactly (0.1 + 0.2 = 0.3), and a figure not yet typed counts as not adding up', () => {
    let d = draftFrom({ name: 'x', grades: [{ min: 0, label: '差' }], indicators: [{ code: '1', name: 'a', points: '0.3', children: [{ code: '1.1', name: 'b', points: '0.1', rule: { kind: 'manual' } }] }] });
    d = addChild(d, byCode(d, '1').id, { points: '0.2' }).draft;
    expect(sumProblems(d).size).toBe(0);
    d = update(d, byCode(d, '1.1').id, { points: '' });
    expect(sumProblems(d).get(byCode(d, '1').id)).toEqual({ sum: null, points: '0.3' });
  });

  test('move up and down among siblings, not past either end', () => {
    const d = seed();
    const id = byCode(d, '1.2').id;
    expect(codes(move(d, id, -1).indicators[0]!.children)).toEqual(['1.2', '1.1']);
    expect(codes(move(d, id, 1).indicators[0]!.children)).toEqual(['1.1', '1.2']);
    const first = byCode(d, '1').id;
    expect(move(d, first, -1)).toEqual(d);
    const last = d.indicators.at(-1)!.id;
    expect(move(d, last, 1)).toEqual(d);
    expect(codes(move(d, first, 1).indicators)).toEqual(['2', '1', '3', '4']);
  });

  test('indent under the sibling above, outdent back after the parent; the rule comes back', () => {
    let d = draftFrom({ name: 'x', grades: [{ min: 0, label: '差' }], indicators: [
      { code: 'a', name: 'A', points: 2, rule: { kind: 'grade', factors: { 优秀: 1 } } },
      { code: 'b', name: 'B', points: 2, rule: { kind: 'manual' } },
      { code: 'c', name: 'C', points: 1, rule: { kind: 'manual' } },
    ] });
    const b = byCode(d, 'b').id;
    expect(indent(d, byCode(d, 'a').id)).toEqual(d); // nothing above the first
    d = indent(d, b);
    expect(codes(d.indicators)).toEqual(['a', 'c']);
    expect(codes(d.indicators[0]!.children)).toEqual(['b']);
    // A parent is sent without its rule (the server refuses a rule and children together).
    expect(frameworkOf(d).indicators[0]).not.toHaveProperty('rule');
    expect(sumProblems(d).size).toBe(0);
    d = outdent(d, b);
    expect(codes(d.indicators)).toEqual(['a', 'b', 'c']);
    expect(frameworkOf(d).indicators[0]).toMatchObject({ rule: { kind: 'grade', factors: { 优秀: 1 } } });
    expect(outdent(d, b)).toEqual(d); // already at the top
  });

  test('remove takes the subtree; duplicate codes are found', () => {
    let d = seed();
    d = remove(d, byCode(d, '3').id);
    expect(codes(d.indicators)).toEqual(['1', '2', '4']);
    expect(allNodes(d).some((n) => n.code.startsWith('3.'))).toBe(false);
    expect(totalPoints(d)).toBe('80');
    const one = byCode(d, '1.1').id;
    d = update(d, byCode(d, '1.2').id, { code: '1.1' });
    expect(duplicateCodes(d).has(one)).toBe(true);
    expect(duplicateCodes(d).size).toBe(2);
  });

  test('a server issue lands on the indicator its field names', () => {
    const d = seed();
    expect(nodeOfField(d, 'framework.indicators[0].children[0].points')).toBe(byCode(d, '1.1').id);
    expect(nodeOfField(d, 'framework.indicators[2].children[1].children[0].rule.bands[1].min')).toBe(byCode(d, '3.2.1').id);
    expect(nodeOfField(d, 'framework.grades[1].min')).toBeNull();
    expect(nodeOfField(d, 'framework.indicators[9]')).toBeNull();
  });

  test('every rule kind starts with parameters the server accepts', () => {
    for (const kind of ['satisfaction', 'band', 'stepDeduction', 'completion', 'grade', 'checklist', 'manual'] as const) {
      const d = draftFrom({ name: 'x', grades: [{ min: 0, label: '差' }], indicators: [{ code: '1', name: 'a', points: 5, rule: defaultRule(kind) }] });
      expect(parseFramework(frameworkOf(d))).toMatchObject({ ok: true });
    }
  });
});
