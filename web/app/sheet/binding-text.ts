// The binding form's words, Chinese first with English beside them, kept with the sheet like
// text.ts so the app's shared dictionary stays the shell's.
import { dictionary } from '../i18n.ts';

const zh = {
  bindTitle: '绑定问卷',
  bindOf: '{name} 的问卷绑定',
  surveys: '问卷',
  noSurveys: '本评价项目还没有问卷。',
  weight: '权重',
  weightOf: '{title} 的权重',
  metric: '取值',
  overall: '总体满意度',
  dimension: '维度：{label}',
  combine: '多份问卷合并方式',
  bySample: '按有效样本量加权',
  fixed: '按设定权重',
  bind: '保存绑定',
  unbind: '解除绑定',
  pickOne: '请至少选择一份问卷。',
  boundRate: '绑定结果：{rate}，n = {n}{ci}',
  ci: '，95% 区间 {lo}%–{hi}%',
  edit: '修改绑定',
  cancel: '取消',
};
type Key = keyof typeof zh;

const en: Record<Key, string> = {
  bindTitle: 'Bind surveys',
  bindOf: 'Survey binding of {name}',
  surveys: 'Surveys',
  noSurveys: 'This evaluation has no surveys yet.',
  weight: 'Weight',
  weightOf: 'Weight of {title}',
  metric: 'Rate',
  overall: 'Overall satisfaction',
  dimension: 'Dimension: {label}',
  combine: 'How several surveys combine',
  bySample: 'By valid sample size',
  fixed: 'By the weights given',
  bind: 'Save binding',
  unbind: 'Remove binding',
  pickOne: 'Choose at least one survey.',
  boundRate: 'Bound result: {rate}, n = {n}{ci}',
  ci: ', 95 % interval {lo}%–{hi}%',
  edit: 'Change binding',
  cancel: 'Cancel',
};

export const bt = dictionary(zh, en);
