// The 说明 sheet of an export: which survey, cut at which chain head, filtered how, made by whom
// and when, and the declared method — what a reader of the file alone needs to trust it.
import { channelName, groupName, invalidNames, namedCode } from './labels.ts';
import type { ExportMeta, ExportTally } from './log.ts';
import { methodSentence } from './report-text.ts';
import type { SurveyExport } from './survey.ts';
import type { NoteLine } from './xlsx.ts';
import { shanghaiTime } from './time.ts';

const filterNames: Record<string, string> = { group: '受访群体', channel: '渠道', excluded: '剔除的答卷' };
const excludedNames: Record<string, string> = { include: '包含（已标注）', exclude: '不含', only: '仅剔除的答卷' };

function filterValue(key: string, value: string): string {
  if (key === 'excluded') return excludedNames[value] ?? value;
  if (key === 'group') return namedCode(groupName(value), value);
  if (key === 'channel') return namedCode(channelName(value), value);
  return value;
}

export function filterText(filters: Record<string, string>): string {
  const parts = Object.entries(filters).map(([k, v]) => `${filterNames[k] ?? k}：${filterValue(k, v)}`);
  return parts.length > 0 ? parts.join('；') : '无（全部答卷）';
}

export function surveyNotes(source: SurveyExport, meta: ExportMeta, username: string): NoteLine[] {
  const e = source.evaluation;
  return [
    ['问卷', source.current.title],
    ['问卷标识', source.survey.slug],
    ['评价项目', e ? `${e.name}（${e.unit}，${e.year} 年度）` : null],
    ['导出编号', meta.id],
    ['导出时间（北京时间）', shanghaiTime(meta.now().toISOString())],
    ['导出人', username],
    ['筛选条件', filterText(meta.filters)],
    ['计分方法', methodSentence(source.current)],
    ['答卷链头序号', meta.chain.seq],
    ['答卷链头哈希', meta.chain.hash],
  ];
}

export function responseNotes(source: SurveyExport, meta: ExportMeta, tally: ExportTally, username: string): NoteLine[] {
  const statuses = tally.statuses ?? {};
  return [
    ...surveyNotes(source, meta, username),
    ['答卷行数', tally.rows],
    // The file's rows as the results page's 回收情况 counts them (for the same filters).
    ['其中有效', statuses.valid ?? 0],
    ...Object.entries(invalidNames).map(([status, name]): NoteLine => [`其中无效：${name}`, statuses[status as keyof typeof invalidNames] ?? 0]),
    ['最后一行哈希', tally.lastHash],
    ['说明', '每行一份答卷，按提交顺序（序号）排列；“哈希”列为该答卷在防篡改哈希链中的值，链头哈希为导出时最后一份答卷的哈希。剔除的答卷保留并标注原因。文件的 SHA-256 记录在导出日志中（导出编号见上）。'],
    ['是否有效', '“是否有效”为“是”的答卷即结果页回收情况中的有效问卷，计入满意度；“否”的答卷在“无效原因”中写明：不符合调查对象条件（甄别题作答不符，即使又被剔除也计为此项），或已剔除（评价人员剔除）。“标记”为答卷自身的质量提示（不符合调查对象条件、用时过短、全部同一选项），提示本身不使答卷无效；取决于其他答卷的提示（同一设备重复、同一网络短时间内相同作答）见结果页的答卷列表。'],
    ['代码列', '“渠道代码”“受访群体代码”“标记代码”及各题“（代码）”列为系统代码，供程序读取；多个标记代码以“;”分隔。'],
  ];
}
