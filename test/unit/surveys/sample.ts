import type { SurveyDefinition } from '../../../surveys/definition.ts';

// A small definition with every question kind, a screener, a two-step condition chain and
// limits on each kind. A fresh copy each call, so tests can break it without sharing state.
export function sampleDefinition(): SurveyDefinition {
  return {
    slug: 'sample',
    title: '样例问卷',
    group: 'public',
    minSeconds: 10,
    scales: {
      sat5: {
        levels: [
          { code: 5, label: '非常满意', weight: 100 },
          { code: 4, label: '满意', weight: 80 },
          { code: 3, label: '基本满意', weight: 60 },
          { code: 2, label: '不满意', weight: 40 },
          { code: 1, label: '非常不满意', weight: 20 },
        ],
        notApplicable: { code: 0, label: '不了解' },
      },
    },
    method: { kind: 'share', satisfied: [5, 4], notApplicable: 'exclude', overall: { question: 'overall' } },
    dimensions: [{ id: 'service', label: '服务' }],
    questions: [
      {
        id: 'contact', kind: 'single', label: '是否办理过业务？', required: true,
        options: [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }],
        screener: { eligible: ['yes'] },
      },
      {
        id: 'role', kind: 'single', label: '身份', required: true,
        options: [{ value: 'a', label: '甲' }, { value: 'b', label: '乙' }],
      },
      { id: 'q1', kind: 'likert', scale: 'sat5', dimension: 'service', label: '服务', required: true },
      {
        id: 'channels', kind: 'multi', label: '哪些环节不满意？', minSelected: 1, maxSelected: 2,
        options: [{ value: 'wait', label: '等待' }, { value: 'staff', label: '态度' }, { value: 'other', label: '其他' }],
        visibleIf: { question: 'q1', in: [1, 2] },
      },
      {
        id: 'channels-other', kind: 'text', label: '其他环节', maxLength: 10, required: true,
        visibleIf: { question: 'channels', in: ['other'] },
      },
      { id: 'age', kind: 'number', label: '年龄', min: 16, max: 100, integer: true },
      { id: 'spend', kind: 'number', label: '花费', min: 0, unit: '元' },
      { id: 'overall', kind: 'likert', scale: 'sat5', label: '总体', required: true },
      { id: 'note', kind: 'text', label: '建议' },
    ],
  };
}

/** A complete, valid set of answers to the sample. */
export function sampleAnswers(): Record<string, number | string | string[]> {
  return { contact: 'yes', role: 'a', q1: 2, channels: ['wait', 'other'], 'channels-other': '排队', age: 30, spend: 12.5, overall: 4, note: '很好' };
}
