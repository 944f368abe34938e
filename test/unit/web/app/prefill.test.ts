import { describe, expect, test } from 'vitest';
import { choicesOf, mappingOf, normalize, prefillColumns, suggestChoice, unknownTexts } from '../../../../web/app/import/prefill.ts';
import { templates } from '../../../../surveys/templates/index.ts';
import { wjxHeader } from '../../../support/wjx.ts';

const def = templates.public;

describe('the import mapping pre-fill', () => {
  test('normalize drops 问卷星 numbering, question-type notes, spaces and punctuation', () => {
    expect(normalize('3、您的身份是？(单选题)')).toBe('您的身份是');
    expect(normalize('Q12. 总体满意程度【必答】')).toBe('总体满意程度');
    expect(normalize('第 4 题：您对本区 科技扶持政策的了解程度如何？')).toBe('您对本区科技扶持政策的了解程度如何');
    // A number that is part of the text stays.
    expect(normalize('2023年度总体评价')).toBe('2023年度总体评价');
  });

  test('a 问卷星 header: times found, exact labels matched, each question at most once, the rest left out', () => {
    const roles = prefillColumns(wjxHeader, def);
    expect(roles[0]).toEqual({ kind: 'skip' });
    expect(roles[1]).toEqual({ kind: 'submittedAt' });
    expect(roles[2]).toEqual({ kind: 'duration' });
    expect(roles[5]).toEqual({ kind: 'question', id: 'contact' });
    expect(roles[6]).toEqual({ kind: 'question', id: 'identity' });
    expect(roles[8]).toEqual({ kind: 'question', id: 'q1' });
    expect(roles[11]).toEqual({ kind: 'question', id: 'q3' });
    // Six follow-ups share the label 您不满意的主要原因是？: the one column takes the first.
    expect(roles[10]).toEqual({ kind: 'question', id: 'q2-why' });
    const ids = roles.flatMap((r) => (r.kind === 'question' ? [r.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a shortened header is matched when it holds the whole label, or the label holds it', () => {
    const roles = prefillColumns(['总体来说，您对临港区科技创新局 2023 年度的服务工作是否满意？（请选择）', 'overall'], def);
    expect(roles[0]).toEqual({ kind: 'question', id: 'overall' });
    // The id itself names a question too, but overall is taken.
    expect(roles[1]).toEqual({ kind: 'skip' });
  });

  test('mappingOf names columns by number, as the server takes them', () => {
    const mapping = mappingOf([{ kind: 'skip' }, { kind: 'submittedAt' }, { kind: 'question', id: 'q1' }, { kind: 'duration' }], { overall: { 很满意: 4 } });
    expect(mapping).toEqual({ columns: { '#3': 'q1' }, submittedAt: '#2', duration: '#4', values: { overall: { 很满意: 4 } } });
    expect(mappingOf([{ kind: 'question', id: 'q1' }], {})).toEqual({ columns: { '#1': 'q1' } });
  });

  test('suggestChoice: the same words first, else the longest label inside the text', () => {
    const sat = choicesOf(def, def.questions.find((q) => q.id === 'overall')!);
    expect(suggestChoice(sat, '非常满意 ')?.value).toBe(5);
    expect(suggestChoice(sat, '很满意')?.value).toBe(4);
    expect(suggestChoice(sat, '5分（非常满意）')?.value).toBe(5);
    expect(suggestChoice(sat, '非常不满意')?.value).toBe(1);
    expect(suggestChoice(sat, '3')?.value).toBe(3);
    expect(suggestChoice(sat, '一般')).toBeUndefined();
  });

  test('unknownTexts: distinct refused texts of likert and single questions, with their row counts', () => {
    const issue = (question: string | null, value: string, code = 'invalid_type') => ({ column: 'c', value, question, code, message: '' });
    const list = unknownTexts([
      { row: 2, issues: [issue('overall', '很满意'), issue('q3', '', 'required')] },
      { row: 3, issues: [issue('overall', '很满意'), issue('suggestion', 'x'), issue(null, '2023/13/45', 'invalid_time')] },
      { row: 4, issues: [issue('contact', '对')] },
    ], def);
    expect(list).toEqual([{ question: 'overall', text: '很满意', rows: 2 }, { question: 'contact', text: '对', rows: 1 }]);
  });
});
