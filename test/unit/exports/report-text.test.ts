// The report paragraph in the seed's words (三（二）3（7）), from the seed's own figures.
import { describe, expect, it } from 'vitest';
import { templates } from '../../../surveys/templates/index.ts';
import type { SurveyDefinition } from '../../../surveys/index.ts';
import { itemPhrase, methodSentence, reportText } from '../../../server/exports/report-text.ts';
import type { ResultsLike } from '../../../server/exports/results-doc.ts';

const publicDef = templates.public as SurveyDefinition;
const rate = (r: string, n = 30) => ({ rate: r, n, ci95: ['80.00', '99.00'] as [string, string], notApplicable: 0 });

// The seed's seven item rates and its overall 96.67 % (29 satisfied of 30).
const seedItems: [string, string][] = [['q1', '96.80'], ['q2', '95.80'], ['q3', '95.40'], ['q4', '95.20'], ['q5', '96.20'], ['q6', '95.40'], ['q7', '96.20']];
function seedResults(accounting: Partial<ResultsLike['accounting']> = {}): ResultsLike {
  return {
    method: { kind: 'share' },
    accounting: { issued: 40, received: 31, valid: 30, invalid: { ineligible: 1 }, responseRate: '77.50', validResponseRate: '75.00', ...accounting },
    overall: { rate: '96.67', n: 30, ci95: ['83.33', '99.41'], notApplicable: 0 },
    dimensions: [],
    items: [...seedItems.map(([id, r]) => ({ id, levels: {}, ...rate(r) })), { id: 'overall', levels: {}, ...rate('96.67') }],
  };
}

describe('reportText', () => {
  const text = reportText({ definition: publicDef, results: seedResults(), unit: '临港区科技创新局', year: 2023 });

  it('opens as the seed does, with the overall rate', () => {
    expect(text.startsWith('社会群众对临港区科技创新局 2023 年度的服务工作总体满意程度为 96.67%。主要反馈情况为：社会群众对本区科技扶持政策的了解程度的满意度为 96.80%；对')).toBe(true);
  });

  it('names every item but the overall question, in order, each with its rate', () => {
    const feedback = text.slice(text.indexOf('主要反馈情况为：'), text.indexOf('。', text.indexOf('主要反馈情况为：')) + 1);
    const parts = feedback.replace('主要反馈情况为：', '').replace(/。$/, '').split('；');
    expect(parts).toHaveLength(7);
    expect(parts.map((p) => p.match(/为 ([\d.]+)%$/)![1])).toEqual(seedItems.map(([, r]) => r));
    expect(parts[4]).toBe('对本区开展的各项社会保险业务的满意度为 96.20%');
    expect(parts[5]).toBe('对本区劳动人事争议调解仲裁工作的公正性和有效性的满意度为 95.40%');
    expect(feedback).not.toContain('总体来说');
  });

  it('states the method, the sample, the interval and the accounting', () => {
    expect(text).toContain('满意率 = 选择“非常满意”“满意”的回答数 ÷ 有效回答数，选择“不了解”的回答不计入');
    expect(text).toContain('总体满意程度取自问卷的总体满意度题');
    expect(text).toContain('总体满意程度的有效样本为 30 份，其 95% 置信区间（Wilson 法）为 83.33%至99.41%。');
    expect(text).toContain('本次调查共发放问卷 40 份，回收 31 份，回收率 77.50%；有效问卷 30 份，有效回收率 75.00%，无效问卷 1 份（未办理过相关业务（甄别题） 1 份）。');
  });

  it('says when nothing was issued, and when there is no rate yet', () => {
    const none = reportText({
      definition: publicDef,
      results: { ...seedResults({ issued: null, responseRate: null, validResponseRate: null, received: 0, valid: 0, invalid: {} }), overall: { rate: null, n: 0, ci95: null } },
      unit: '某局',
      year: null,
    });
    expect(none.startsWith('社会群众对某局的服务工作总体满意程度尚无有效回答。')).toBe(true);
    expect(none).toContain('无法给出置信区间');
    expect(none).toContain('本次调查共回收问卷 0 份（经公开链接、二维码等方式收集，发放数无法统计），其中有效问卷 0 份。');
  });

  it('calls companies 企业 and weighted rates 分', () => {
    const def = { ...(templates.enterprise as SurveyDefinition), method: { kind: 'weighted', notApplicable: 'dissatisfied', overall: { dimensions: 'mean' } } } as SurveyDefinition;
    const results = { ...seedResults(), method: { kind: 'weighted' as const }, items: [{ id: 'x', label: '您对政策兑现的速度是否满意？', levels: {}, ...rate('88.40') }] };
    const t = reportText({ definition: def, results, unit: '某局', year: 2024 });
    expect(t.startsWith('企业对某局 2024 年度的服务工作总体满意程度为 96.67 分。主要反馈情况为：企业对政策兑现的速度的满意度为 88.40 分。')).toBe(true);
    expect(t).toContain('各选项赋分为非常满意 100 分、满意 80 分');
    expect(t).toContain('选择“不了解”的回答计入有效回答并视为不满意');
    expect(t).toContain('总体满意程度为各维度满意度的平均值');
    // A mean of dimensions has no sample of its own: its n is the fewest behind any item, said so.
    expect(t).toContain('总体满意程度所依据各题的有效样本最少为 30 份，其 95% 置信区间（t 分布）');
    expect(t).not.toContain('总体满意程度的有效样本为');
  });
});

describe('itemPhrase', () => {
  it('takes the question wrapper off a label', () => {
    expect(itemPhrase('您对本区社会保险业务是否满意？')).toBe('本区社会保险业务');
    expect(itemPhrase('您对本区科技扶持政策的了解程度如何？')).toBe('本区科技扶持政策的了解程度');
    expect(itemPhrase('贵企业对惠企政策兑现的满意程度')).toBe('惠企政策兑现');
  });
  it('keeps a label that is no such question', () => {
    expect(itemPhrase('政务服务')).toBe('政务服务');
    expect(itemPhrase('是否满意？')).toBe('是否满意？');
  });
});

describe('methodSentence', () => {
  it('names the satisfied levels of the scale most items use', () => {
    // q1 uses the 了解 scale, every other item the 满意 scale.
    expect(methodSentence(publicDef)).toContain('选择“非常满意”“满意”的回答数');
  });
});
