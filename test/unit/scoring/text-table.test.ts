import { describe, expect, it } from 'vitest';
import { displayWidth, padEndWidth, wrapWidth } from '../../../scoring/sheet/text-width.ts';

describe('display width', () => {
  it('counts CJK characters and fullwidth punctuation as two columns', () => {
    expect(displayWidth('履职效能')).toBe(8);
    expect(displayWidth('1.1 目标管理')).toBe(12);
    expect(displayWidth('（）：，')).toBe(8);
    expect(displayWidth('“三公”①')).toBe(7);
    expect(padEndWidth('目标', 6)).toBe('目标  ');
  });

  it('wraps Chinese between characters, keeps numbers whole, never starts a line with a comma', () => {
    expect(wrapWidth('支出预算完成率 45.81%，低于目标值', 16)).toEqual(['支出预算完成率', '45.81%，低于目标', '值']);
    expect(wrapWidth('一二三四，五', 8)).toEqual(['一二三四，', '五']);
    for (const line of wrapWidth('部分考核结果的呈现相对片面，未能提供具体工作任务完成数据情况，建议部门实时做好业务成绩跟进。', 20)) {
      expect(displayWidth(line)).toBeLessThanOrEqual(22);
      expect(line).not.toMatch(/^[，。]/);
    }
    expect(wrapWidth('', 10)).toEqual(['']);
  });
});
