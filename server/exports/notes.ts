// The 说明 sheet of an export: which survey, cut at which chain head, filtered how, made by whom
// and when, and the declared method — what a reader of the file alone needs to trust it.
import type { ExportMeta, ExportTally } from './log.ts';
import { methodSentence } from './report-text.ts';
import type { SurveyExport } from './survey.ts';
import type { NoteLine } from './xlsx.ts';
import { shanghaiTime } from './time.ts';

const filterNames: Record<string, string> = { group: '受访群体', channel: '渠道', excluded: '剔除的答卷' };
const excludedNames: Record<string, string> = { include: '包含（已标注）', exclude: '不含', only: '仅剔除的答卷' };

export function filterText(filters: Record<string, string>): string {
  const parts = Object.entries(filters).map(([k, v]) => `${filterNames[k] ?? k}：${k === 'excluded' ? (excludedNames[v] ?? v) : v}`);
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
  return [
    ...surveyNotes(source, meta, username),
    ['答卷行数', tally.rows],
    ['最后一行哈希', tally.lastHash],
    ['说明', '每行一份答卷，按提交顺序（序号）排列；“哈希”列为该答卷在防篡改哈希链中的值，链头哈希为导出时最后一份答卷的哈希。剔除的答卷保留并标注原因。文件的 SHA-256 记录在导出日志中（导出编号见上）。'],
  ];
}
