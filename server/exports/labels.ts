// The words an export prints for the codes a response carries (its channel, respondent group,
// flags, and why it is not valid): the names the evaluator app shows for them on screen
// (web/app/i18n.ts channel_* and group_*, web/app/results/text.ts flag_* and invalid_*; a unit
// test holds the two equal), so a file and the page it was downloaded from say the same thing.
// A code with no name (a group a survey defines itself, a channel added later) is printed as it
// is. The code itself stays in the file beside the name wherever a program may read it.
import type { ResponseStatus } from '../responses/counting.ts';

export const channelNames: Readonly<Record<string, string>> = {
  link: '链接',
  qr: '二维码',
  token: '邀请码',
  interview: '访谈',
  phone: '电话',
  paper: '纸质',
  import: '导入',
  kiosk: '自助终端',
};

export const groupNames: Readonly<Record<string, string>> = {
  public: '社会公众',
  enterprise: '企业',
};

/** Quality flags (DESIGN §3): advice beside a response, never a reason by themselves that it does not count. */
export const flagNames: Readonly<Record<string, string>> = {
  ineligible: '不符合调查对象条件',
  too_fast: '用时过短',
  straight_line: '全部同一选项',
  duplicate_device: '同一设备重复',
  burst: '同一网络短时间内相同作答',
};

/** Why a response is not valid, as the accounting counts it (回收情况's 无效答卷). */
export const invalidNames: Readonly<Record<Exclude<ResponseStatus, 'valid'>, string>> = {
  ineligible: '不符合调查对象条件',
  excluded: '已剔除',
};

const nameOf = (names: Readonly<Record<string, string>>, code: string) => (Object.hasOwn(names, code) ? names[code]! : code);

export const channelName = (code: string) => nameOf(channelNames, code);
export const groupName = (code: string) => nameOf(groupNames, code);
export const flagName = (code: string) => nameOf(flagNames, code);
export const invalidName = (reason: string) => nameOf(invalidNames, reason);

/** A name with its code, for prose where there is no column to keep the code in: "社会公众（public）". */
export function namedCode(name: string, code: string): string {
  return name === code ? code : `${name}（${code}）`;
}
