// The two languages of the respondent page, Chinese first (DESIGN §10). Server side only: the
// page receives the strings of its language in its data. Definition text (titles, labels,
// options) is never translated: it is shown as the evaluator wrote it.
import type { Lang, Strings } from './text.ts';

export type { Lang, Strings } from './text.ts';

const zh: Strings = {
  htmlLang: 'zh-CN',
  switchLabel: 'English',
  required: '必答',
  multiHint: '（可多选）',
  submit: '提交',
  sending: '正在提交…',
  retrying: '网络不稳定，正在重试…',
  failed: '提交未成功。您的回答已保存在本机，请稍后再点“提交”。',
  progress: '已答 {done}/{total}',
  summary: '有 {n} 处需要修改：',
  summaryItem: '{where}：',
  numbered: '第 {n} 题',
  followUp: '第 {n} 题的补充',
  screenedOut: '根据您的回答，您无需继续作答，可直接提交。',
  screenerHint: '（选择{labels}时，以下题目无需作答，可直接提交）',
  conditionHint: '（仅在{where}选择{labels}时填写）',
  previous: '上题',
  or: '或',
  quote: '“{s}”',
  thanksTitle: '提交成功，感谢您的参与！',
  thanksBody: '您的意见已收到，我们将认真研究，持续改进服务。',
  nextRespondent: '请下一位填写',
  notices: {
    404: ['未找到问卷', '链接可能不完整或已失效，请核对后重试。'],
    409: ['您已提交过本问卷，感谢参与', '每位受访者只需作答一次。'],
    410: ['问卷已结束', '本问卷已停止收集答卷，感谢您的关注。'],
    other: ['暂时无法打开问卷', '请稍后再试。'],
  },
  issue: {
    required: '请回答此题。',
    unknown_question: '此题不在问卷中。',
    invalid_type: '答案格式不正确，请重新作答。',
    invalid_value: '请从给出的选项中选择。',
    hidden: '根据前面的回答，此题无需作答。',
    too_long: '请不超过 {maxLength} 字。',
    too_small: '请填写不小于 {min} 的数。',
    too_large: '请填写不大于 {max} 的数。',
    not_integer: '请填写整数。',
    too_few: '请至少选择 {minSelected} 项。',
    too_many: '最多选择 {maxSelected} 项。',
    duplicate: '选项重复，请重新选择。',
  },
};

const en: Strings = {
  htmlLang: 'en',
  switchLabel: '中文',
  required: 'required',
  multiHint: ' (choose any)',
  submit: 'Submit',
  sending: 'Submitting…',
  retrying: 'The network is unstable, retrying…',
  failed: 'Your answers could not be submitted. They are kept on this phone: please press Submit again later.',
  progress: '{done} of {total} answered',
  summary: 'Please fix the following ({n}):',
  summaryItem: '{where}: ',
  numbered: 'Question {n}',
  followUp: 'Follow-up to question {n}',
  screenedOut: 'Based on your answer, you need not answer further and can submit now.',
  screenerHint: '(If you choose {labels}, skip the questions below and submit)',
  conditionHint: '(Only if you chose {labels} in {where})',
  previous: 'the previous question',
  or: ' or ',
  quote: '“{s}”',
  thanksTitle: 'Submitted. Thank you for taking part!',
  thanksBody: 'We have received your answers and will use them to improve our services.',
  nextRespondent: 'Next person, please',
  notices: {
    404: ['Survey not found', 'The link may be incomplete or out of date; please check it.'],
    409: ['You have already answered this survey. Thank you!', 'Each respondent answers once.'],
    410: ['This survey has ended', 'It no longer accepts answers. Thank you for your interest.'],
    other: ['The survey cannot be opened right now', 'Please try again later.'],
  },
  issue: {
    required: 'Please answer this question.',
    unknown_question: 'This question is not part of the survey.',
    invalid_type: 'This answer has the wrong form; please answer again.',
    invalid_value: 'Please choose one of the options given.',
    hidden: 'Given your earlier answers, this question does not apply.',
    too_long: 'Please use at most {maxLength} characters.',
    too_small: 'Please enter a number of at least {min}.',
    too_large: 'Please enter a number of at most {max}.',
    not_integer: 'Please enter a whole number.',
    too_few: 'Please choose at least {minSelected}.',
    too_many: 'Please choose at most {maxSelected}.',
    duplicate: 'An option was chosen twice; please choose again.',
  },
};

export function strings(lang: Lang): Strings {
  return lang === 'en' ? en : zh;
}

/** Parses a `lang` query value; anything but English falls back to Chinese, the page's first language. */
export function parseLang(value: string | null | undefined): Lang {
  return value === 'en' ? 'en' : 'zh';
}
