// What the sheet page's score editor saves (web/app/sheet/score-entry.ts): a score the evaluator
// enters replaces the imported one, and the report's stated rate and source of it go with it, so
// the sheet does not report the evaluator's own figure as disagreeing with the report; the facts
// the rule takes stay, with their source; a score saved unchanged is still the report's.
import { describe, expect, it } from 'vitest';
import { scoreFromJson } from '../../../../scoring/sheet/score-sheet.ts';
import framework from '../../../../scoring/frameworks/department-overall.json' with { type: 'json' };
import seed from '../../../../scoring/frameworks/department-overall.inputs-2023.json' with { type: 'json' };
import type { IndicatorInput } from '../../../../scoring/sheet/input-schema.ts';
import type { SheetIndicator } from '../../../../scoring/sheet/types.ts';
import { scoreEntry } from '../../../../web/app/sheet/score-entry.ts';

const inputs = seed as Record<string, IndicatorInput>;
const training = inputs['4.3']!; // 内部培训: 2 of 3, "66.67", "附件 2；表 7"

function findingsOf(code: string, input: IndicatorInput): string[] {
  const { sheet } = scoreFromJson(framework, { ...inputs, [code]: input });
  const flat = (list: readonly SheetIndicator[]): SheetIndicator[] => list.flatMap((i) => [i, ...flat(i.children)]);
  return flat(sheet!.indicators).find((i) => i.code === code)!.findings;
}

describe('a score entered over an imported one', () => {
  it('drops the stated rate and source: 内部培训 2 → 2.5 has no 所列得分率 finding', () => {
    const next = scoreEntry(training, ' 2.5 ', '复核后扣 0.5 分');
    expect(next).toEqual({ score: '2.5', reason: '复核后扣 0.5 分' });
    expect(findingsOf('4.3', next)).toEqual([]);
    // What the page sent before: the old rate kept beside the new score, and the false finding.
    expect(findingsOf('4.3', { ...training, score: '2.5' })).toEqual(['所列得分率 66.67% 与得分 2.5 ÷ 分值 3 = 83.33% 不符']);
  });

  it('drops them where the imported input had no score of its own (a parent scored as a whole)', () => {
    expect(scoreEntry(inputs['4']!, '13', '')).toEqual({ score: '13' });
  });

  it('keeps the facts the rule takes, and their source, but not the rate: 区级机关考核 优秀 entered as 3', () => {
    const next = scoreEntry(inputs['3.2.2']!, '3', '考核材料不完整');
    expect(next).toEqual({ grade: '优秀', score: '3', reason: '考核材料不完整', source: inputs['3.2.2']!.source });
    expect(findingsOf('3.2.2', next)).toEqual(['录入得分 3，按评分规则应为 4（评价为优秀，得 100%）']);
  });

  it('drops them when the score is cleared: what is left is the facts, or nothing (a DELETE)', () => {
    expect(scoreEntry(training, null, 'ignored')).toEqual({});
    expect(scoreEntry(training, '   ', '')).toEqual({});
    expect(scoreEntry({ value: '45.81', score: '1', statedRate: '100', source: '正文' }, null, '')).toEqual({ value: '45.81', source: '正文' });
  });
});

describe('a score saved as it was', () => {
  it('is still the report\'s: the stated rate and source stay, the reason is the new one', () => {
    expect(scoreEntry(training, '2', '改写的扣分原因')).toEqual({ ...training, reason: '改写的扣分原因' });
    expect(scoreEntry(training, '2.00', '')).toEqual({ score: '2.00', statedRate: '66.67', source: '附件 2；表 7' });
    // The seed's 1.67 at "83.5 %" keeps being audited when only its reason is reworded.
    expect(scoreEntry(inputs['3.1.1']!, '1.67', '新的原因')).toMatchObject({ statedRate: '83.5', source: '表 6' });
  });

  it('compares the figures, not the text: "02.50" is 2.5, "25" is not', () => {
    const imported: IndicatorInput = { score: '2.5', statedRate: '83.33', source: '表 7' };
    expect(scoreEntry(imported, '02.50', '').statedRate).toBe('83.33');
    expect(scoreEntry({ ...imported, score: 2.5 }, '2.5', '').statedRate).toBe('83.33');
    expect(scoreEntry(imported, '25', '').statedRate).toBeUndefined();
    expect(scoreEntry({ score: '0', statedRate: '0' }, '0.0', '').statedRate).toBe('0');
  });

  it('leaves an input with no score and none entered as it was (less any reason)', () => {
    expect(scoreEntry(inputs['1']!, '', '')).toEqual(inputs['1']);
    expect(scoreEntry(undefined, '', '')).toEqual({});
  });
});
