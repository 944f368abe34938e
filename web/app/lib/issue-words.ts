// The server's field issues in the app's language. The server words every issue in English (for
// logs and API clients) and gives the figures of the common ones as `params` (server/http/errors.ts);
// the app words those itself, so a Chinese evaluator is not told "Too small: expected string to
// have >=1 characters". An issue it has no words for keeps the server's message, which names the
// field. Scoring's own messages are written in Chinese already and pass through as they are. A
// survey definition's reference problems (surveys/references.ts) come with a code and the ids
// they name: in Chinese the app words them too; in English the server's sentence already is.
import { dictionary, fill, lang } from '../i18n.ts';
import type { DefinitionIssueCode } from '../../../surveys/definition.ts';
import type { ApiIssue } from './api.ts';

const zh = {
  line: '{name}：{words}',
  required: '必须填写',
  invalid_type: '应为{expected}',
  type_string: '文字',
  type_number: '数字',
  type_int: '整数',
  type_boolean: '是或否',
  type_array: '列表',
  type_object: '一组字段',
  empty: '不能为空',
  too_short: '至少 {limit} 个字符',
  too_long: '最多 {limit} 个字符',
  too_few: '至少 {limit} 项',
  too_many: '最多 {limit} 项',
  at_least: '不能小于 {limit}',
  above: '须大于 {limit}',
  at_most: '不能大于 {limit}',
  below: '须小于 {limit}',
  invalid_value: '须为以下之一：{values}',
  invalid_format: '格式不正确',
  format_uuid: '格式不正确，应为 UUID',
  format_datetime: '格式不正确，应为 ISO 8601 时间（如 2026-11-28T08:00:00Z）',
  format_date: '格式不正确，应为日期（如 2026-11-28）',
  format_email: '格式不正确，应为电子邮件地址',
  not_multiple_of: '须为 {divisor} 的倍数',
  unknown_field: '不是可接受的字段',
  unrecognized_keys: '含有不可接受的字段：{keys}',
  taken: '已被使用',
  not_found: '不存在',
  invalid_text: '含有无法保存的字符',
  slug_changed: '须保持为 "{slug}"：问卷链接不能更改',
  rule_not_blank: '不能为空',
  rule_not_zero: '不能为 0',
  rule_count_or_companies: '须给出份数（count）或企业名单（companies）之一',
  rule_username: '须为 2–64 个字母、数字或 "."、"_"、"-"',
  rule_slug: '须为小写字母、数字和 "-"（最多 64 个）',
  rule_source_code: '须为小写字母、数字和 "-"（最多 32 个），如 hall-1',
  rule_id: '须以字母开头，只用字母、数字、"_" 和 "-"（最多 64 个）',
  rule_group: '须为小写的编号，如 public 或 enterprise',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  line: '{name}: {words}',
  required: 'is required',
  invalid_type: 'must be {expected}',
  type_string: 'text',
  type_number: 'a number',
  type_int: 'a whole number',
  type_boolean: 'true or false',
  type_array: 'a list',
  type_object: 'a set of fields',
  empty: 'must not be empty',
  too_short: 'must have at least {limit} characters',
  too_long: 'must have at most {limit} characters',
  too_few: 'must have at least {limit} items',
  too_many: 'must have at most {limit} items',
  at_least: 'must be at least {limit}',
  above: 'must be greater than {limit}',
  at_most: 'must be at most {limit}',
  below: 'must be less than {limit}',
  invalid_value: 'must be one of: {values}',
  invalid_format: 'is not in the expected format',
  format_uuid: 'must be a UUID',
  format_datetime: 'must be an ISO 8601 time (e.g. 2026-11-28T08:00:00Z)',
  format_date: 'must be a date (e.g. 2026-11-28)',
  format_email: 'must be an email address',
  not_multiple_of: 'must be a multiple of {divisor}',
  unknown_field: 'is not a field this accepts',
  unrecognized_keys: 'has fields it does not accept: {keys}',
  taken: 'is already taken',
  not_found: 'does not exist',
  invalid_text: 'contains characters that cannot be stored',
  slug_changed: 'must stay "{slug}": a survey\'s link does not change',
  rule_not_blank: 'must not be empty',
  rule_not_zero: 'must not be 0',
  rule_count_or_companies: 'give either a count or a list of companies',
  rule_username: 'must be 2–64 letters, digits, ".", "_" or "-"',
  rule_slug: 'must be lowercase letters, digits and "-" (at most 64)',
  rule_source_code: 'must be lowercase letters, digits and "-" (at most 32), e.g. hall-1',
  rule_id: 'must start with a letter and use only letters, digits, "_" and "-" (at most 64)',
  rule_group: 'must be a lowercase id such as public or enterprise',
};

/** A definition's reference problems in Chinese, by surveys' DefinitionIssueCode. */
const definitionZh: Record<DefinitionIssueCode, string> = {
  duplicate_dimension_id: '维度编号 "{dimension}" 重复',
  duplicate_question_id: '题目编号 "{question}" 重复',
  reserved_question_id: '题目编号 "{question}" 由答题页面保留使用，请换一个',
  empty_dimension: '维度 "{dimension}" 下没有量表题',
  duplicate_level_code: '量表 "{scale}" 的等级代码 {code} 重复',
  not_applicable_is_level: '量表 "{scale}" 的“不适用”代码 {code} 与等级代码重复',
  unknown_scale: '题目 "{question}" 的量表 "{scale}" 不存在',
  unknown_dimension: '题目 "{question}" 的维度 "{dimension}" 不存在',
  duplicate_option_value: '题目 "{question}" 的选项值 "{value}" 重复',
  screener_not_option: '题目 "{question}" 的甄别合格值 "{value}" 不是它的选项',
  min_selected_above_max: '题目 "{question}" 的最少选择数 {min} 大于最多选择数 {max}',
  min_selected_above_options: '题目 "{question}" 的最少选择数 {min} 多于它的 {options} 个选项',
  min_above_max: '题目 "{question}" 的最小值 {min} 大于最大值 {max}',
  no_integer_between: '题目 "{question}" 的最小值与最大值之间没有整数',
  visible_if_self: '题目 "{question}" 的显示条件引用了它自己',
  visible_if_unknown: '题目 "{question}" 的显示条件引用了不存在的题目 "{target}"',
  visible_if_forward: '题目 "{question}" 的显示条件引用了排在它后面的题目 "{target}"',
  visible_if_impossible: '题目 "{question}" 的显示条件值 {value} 不是题目 "{target}" 可能的答案',
  overall_unknown: '总体评价题 "{question}" 不存在',
  overall_not_likert: '总体评价题 "{question}" 是 {kind} 题，须为量表题',
  overall_no_dimensions: '按维度平均得出总体结果，至少需要一个维度',
  satisfied_duplicate: '“满意”代码 {code} 重复',
  satisfied_not_level: '“满意”代码 {code} 不是量表 "{scale}" 的等级',
};

const has = (key: string): key is Key => Object.hasOwn(zh, key);

const word = dictionary(zh, en);

/** The words for a bound (too_small / too_big) by what was measured, or null for another origin. */
function boundWords(code: 'too_small' | 'too_big', p: Record<string, string | number>): string | null {
  const small = code === 'too_small';
  const limit = Number(p.limit);
  if (p.origin === 'string') return small && limit === 1 ? word('empty') : word(small ? 'too_short' : 'too_long', { limit });
  if (p.origin === 'array' || p.origin === 'set') return word(small ? 'too_few' : 'too_many', { limit });
  if (p.origin === 'number' || p.origin === 'int' || p.origin === 'bigint') {
    const inclusive = Number(p.inclusive) !== 0;
    return word(small ? (inclusive ? 'at_least' : 'above') : (inclusive ? 'at_most' : 'below'), { limit });
  }
  return null;
}

/** One of our own rules (surveys/zod-issue-params.ts: a refinement's or a pattern's `rule`), by its name. */
const ruleWords = (p: Record<string, string | number>): string | null =>
  typeof p.rule === 'string' && has(`rule_${p.rule}`) ? word(`rule_${p.rule}` as Key) : null;

/** What is wrong, without the field's name, or null where the app has no words for it. */
function wordsOf(issue: ApiIssue): string | null {
  const p = issue.params ?? {};
  switch (issue.code) {
    case 'invalid_type':
      if (p.missing !== undefined) return word('required');
      return typeof p.expected === 'string' && has(`type_${p.expected}`) ? word('invalid_type', { expected: word(`type_${p.expected}` as Key) }) : null;
    case 'too_small':
    case 'too_big':
      return p.limit === undefined ? null : boundWords(issue.code, p);
    case 'invalid_value':
      return p.values === undefined ? null : word('invalid_value', { values: p.values });
    case 'invalid_format':
      // A pattern's rule is told only by its own words: a pattern without a named rule keeps the server's sentence.
      if (p.format === 'regex') return ruleWords(p);
      return typeof p.format === 'string' && has(`format_${p.format}`) ? word(`format_${p.format}` as Key) : word('invalid_format');
    case 'not_multiple_of':
      return p.divisor === undefined ? null : word('not_multiple_of', p);
    case 'custom':
      return ruleWords(p);
    case 'invalid_union':
      return p.values === undefined ? null : word('invalid_value', { values: p.values });
    case 'slug_changed':
      return p.slug === undefined ? null : word('slug_changed', p);
    case 'unrecognized_keys':
      return p.keys === undefined ? null : word('unrecognized_keys', p);
    case 'unknown_field':
    case 'taken':
    case 'not_found':
    case 'invalid_text':
      return word(issue.code);
    default:
      return lang() === 'zh' && Object.hasOwn(definitionZh, issue.code ?? '') ? fill(definitionZh[issue.code as DefinitionIssueCode], p) : null;
  }
}

/**
 * One issue as a line for the evaluator: the field (or a definition's path) it names, then what is
 * wrong with it; the whole definition's own problem without a name.
 */
export function issueLine(issue: ApiIssue): string {
  const name = issue.field ?? issue.question ?? issue.path;
  const words = name === undefined ? null : wordsOf(issue);
  if (words === null) return issue.message;
  // The body as a whole ("(body)" on the server, "" in the editor) is not named.
  return name === '' || name === '(body)' ? words : word('line', { name: name!, words });
}
