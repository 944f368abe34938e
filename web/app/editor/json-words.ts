// Where a definition's text stops being JSON, in the app's language (json-locate.ts finds it).
import { dictionary } from '../i18n.ts';
import type { JsonLocations, JsonProblem } from './json-locate.ts';

const zh: Record<JsonProblem, string> = {
  bad_unicode_escape: '\\u 转义不正确',
  bad_escape: '字符串中的转义不正确',
  control_in_string: '字符串中有换行或控制字符',
  string_not_closed: '字符串没有结束引号',
  expected_name: '此处应为双引号括起的属性名',
  expected_colon: '属性名后应为 ":"',
  expected_comma_brace: '属性值后应为 "," 或 "}"',
  expected_comma_bracket: '数组元素后应为 "," 或 "]"',
  ends_early: '文本提前结束',
  unexpected_char: '意外的字符 {char}',
  text_after_end: '结尾之后还有多余的文本',
};

const en: Record<JsonProblem, string> = {
  bad_unicode_escape: 'bad \\u escape',
  bad_escape: 'bad escape in a string',
  control_in_string: 'a line break or control character inside a string',
  string_not_closed: 'a string is not closed',
  expected_name: 'expected a property name in double quotes',
  expected_colon: 'expected ":" after a property name',
  expected_comma_brace: 'expected "," or "}" after a property value',
  expected_comma_bracket: 'expected "," or "]" after an array element',
  ends_early: 'the text ends too early',
  unexpected_char: 'unexpected character {char}',
  text_after_end: 'unexpected text after the end',
};

const word = dictionary(zh, en);

export function jsonProblemText(error: NonNullable<JsonLocations['error']>): string {
  return word(error.problem, { char: error.char ?? '' });
}
