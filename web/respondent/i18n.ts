// The page's own words, in the two languages it speaks. Definition text (titles, labels, options)
// is never translated: it is shown as the evaluator wrote it.
import type { AnswerIssue } from '../../surveys/index.ts';

export type Lang = 'zh' | 'en';

type Params = Record<string, string | number>;

const zh = {
  htmlLang: 'zh-CN',
  switchLabel: 'English',
  required: '必答',
  multiHint: '（可多选）',
  submit: '提交',
  sending: '正在提交…',
  retrying: '网络不稳定，正在重试…',
  failed: '提交未成功，请稍后再试。',
  progress: (done: number, total: number) => `已答 ${done}/${total}`,
  summary: (n: number) => `有 ${n} 处需要修改：`,
  screenedOut: '根据您的回答，您无需继续作答，可直接提交。',
  screenerHint: (labels: string) => `（选择${labels}时，以下题目无需作答，可直接提交）`,
  conditionHint: (where: string, labels: string) => `（仅在${where}选择${labels}时填写）`,
  previous: '上题',
  numbered: (n: number) => `第 ${n} 题`,
  or: '或',
  colon: '：',
  quote: (s: string) => `“${s}”`,
  thanksTitle: '提交成功，感谢您的参与！',
  thanksBody: '您的意见已收到，我们将认真研究，持续改进服务。',
  notices: {
    404: ['未找到问卷', '链接可能不完整或已失效，请核对后重试。'],
    409: ['您已提交过本问卷，感谢参与', '每位受访者只需作答一次。'],
    410: ['问卷已结束', '本问卷已停止收集答卷，感谢您的关注。'],
    other: ['暂时无法打开问卷', '请稍后再试。'],
  } as Record<number | 'other', [string, string]>,
  issue: {
    required: () => '请回答此题。',
    unknown_question: () => '此题不在问卷中。',
    invalid_type: () => '答案格式不正确，请重新作答。',
    invalid_value: () => '请从给出的选项中选择。',
    hidden: () => '根据前面的回答，此题无需作答。',
    too_long: (p: Params) => `请不超过 ${p.maxLength} 字。`,
    too_small: (p: Params) => `请填写不小于 ${p.min} 的数。`,
    too_large: (p: Params) => `请填写不大于 ${p.max} 的数。`,
    not_integer: () => '请填写整数。',
    too_few: (p: Params) => `请至少选择 ${p.minSelected} 项。`,
    too_many: (p: Params) => `最多选择 ${p.maxSelected} 项。`,
    duplicate: () => '选项重复，请重新选择。',
  } as Record<AnswerIssue['code'], (p: Params) => string>,
};

export type Strings = typeof zh;

const en: Strings = {
  htmlLang: 'en',
  switchLabel: '中文',
  required: 'required',
  multiHint: ' (choose any)',
  submit: 'Submit',
  sending: 'Submitting…',
  retrying: 'The network is unstable, retrying…',
  failed: 'Your answers could not be submitted. Please try again later.',
  progress: (done, total) => `${done} of ${total} answered`,
  summary: (n) => (n === 1 ? 'Please fix 1 problem:' : `Please fix ${n} problems:`),
  screenedOut: 'Based on your answer, you need not answer further and can submit now.',
  screenerHint: (labels) => `(If you choose ${labels}, skip the questions below and submit)`,
  conditionHint: (where, labels) => `(Only if you chose ${labels} in ${where})`,
  previous: 'the previous question',
  numbered: (n) => `question ${n}`,
  or: ' or ',
  colon: ': ',
  quote: (s) => `“${s}”`,
  thanksTitle: 'Submitted. Thank you for taking part!',
  thanksBody: 'We have received your answers and will use them to improve our services.',
  notices: {
    404: ['Survey not found', 'The link may be incomplete or out of date; please check it.'],
    409: ['You have already answered this survey. Thank you!', 'Each respondent answers once.'],
    410: ['This survey has ended', 'It no longer accepts answers. Thank you for your interest.'],
    other: ['The survey cannot be opened right now', 'Please try again later.'],
  },
  issue: {
    required: () => 'Please answer this question.',
    unknown_question: () => 'This question is not part of the survey.',
    invalid_type: () => 'This answer has the wrong form; please answer again.',
    invalid_value: () => 'Please choose one of the options given.',
    hidden: () => 'Given your earlier answers, this question does not apply.',
    too_long: (p) => `Please use at most ${p.maxLength} characters.`,
    too_small: (p) => `Please enter a number of at least ${p.min}.`,
    too_large: (p) => `Please enter a number of at most ${p.max}.`,
    not_integer: () => 'Please enter a whole number.',
    too_few: (p) => `Please choose at least ${p.minSelected}.`,
    too_many: (p) => `Please choose at most ${p.maxSelected}.`,
    duplicate: () => 'An option was chosen twice; please choose again.',
  },
};

export function strings(lang: Lang): Strings {
  return lang === 'en' ? en : zh;
}

/** Parses a `lang` query value; anything but English falls back to Chinese, the page's first language. */
export function parseLang(value: string | null | undefined): Lang {
  return value === 'en' ? 'en' : 'zh';
}

/**
 * The respondent sees the message in the page's language, built from the issue's code and params;
 * the server's own message is the fallback for a code or param this page does not know.
 */
export function issueMessage(lang: Lang, issue: AnswerIssue): string {
  const build = strings(lang).issue[issue.code];
  if (!build) return issue.message;
  const params = issue.params ?? {};
  const text = build(params);
  return text.includes('undefined') ? issue.message : text;
}
