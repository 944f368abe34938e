// The paragraph an evaluator pastes into the evaluation report, in the seed's words (三（二）3（7）):
// "社会群众对临港区科技创新局 2023 年度的服务工作总体满意程度为 96.67%。主要反馈情况为：社会群众
// 对…的满意度为 96.80%；…。", followed by what the seed leaves out and a finance bureau asks
// for: the declared method, the sample, the 95 % interval and the response accounting. Pure:
// the definition and the results in, text out; every figure is the results core's own.
import type { Scale, SurveyDefinition } from '../../surveys/index.ts';
import type { AccountingLike, RateLike, ResultsLike } from './results-doc.ts';

export interface ReportInput {
  definition: SurveyDefinition;
  results: ResultsLike;
  /** 被评价单位, e.g. 临港区科技创新局. */
  unit: string;
  year: number | null;
}

const respondentNames: Record<string, string> = { public: '社会群众', enterprise: '企业' };

/** Who answered, as the report names them: 社会群众 for the public, 企业 for companies. */
export function respondentsOf(group: string): string {
  return respondentNames[group] ?? '受访者';
}

/**
 * A question label as a noun phrase for "对…的满意度": the question's wrapper ("您对" … "是否满意？")
 * taken off, so "您对本区社会保险业务是否满意？" reads "本区社会保险业务". A label that is no such
 * question is used as it is.
 */
export function itemPhrase(label: string): string {
  let s = label.trim().replace(/[？?。.！!：:\s]+$/u, '');
  s = s.replace(/^(总体来说|总的来说|总体而言)[，,]\s*/u, '');
  s = s.replace(/^(您|你|贵企业|贵单位|贵公司)(对于|对)/u, '');
  s = s.replace(/(是否满意|满不满意|如何|怎么样|怎样|的满意程度|的满意度|满意程度|满意度)$/u, '');
  s = s.replace(/[，,的]+$/u, '').trim();
  return s || label.trim();
}

const quoted = (labels: string[]) => labels.map((l) => `“${l}”`).join('');

function figure(kind: 'share' | 'weighted', rate: string): string {
  return kind === 'share' ? `${rate}%` : `${rate} 分`;
}

/** The scale most likert questions use: the one whose labels name the satisfied levels. */
export function mainScale(def: SurveyDefinition): Scale | undefined {
  const uses = new Map<string, number>();
  for (const q of def.questions) if (q.kind === 'likert') uses.set(q.scale, (uses.get(q.scale) ?? 0) + 1);
  const [id] = [...uses].sort((a, b) => b[1] - a[1])[0] ?? [];
  return id === undefined ? undefined : def.scales[id];
}

/** How the rates were made, as the definition declares it (DESIGN §3: printed with every report). */
export function methodSentence(def: SurveyDefinition): string {
  const m = def.method;
  const scale = mainScale(def);
  const na = scale?.notApplicable?.label ?? '不了解';
  const naText = m.notApplicable === 'exclude' ? `选择“${na}”的回答不计入` : `选择“${na}”的回答计入有效回答并视为不满意`;
  let text: string;
  if (m.kind === 'share') {
    const satisfied = (scale?.levels ?? []).filter((l) => m.satisfied.includes(l.code)).map((l) => l.label);
    text = `本次调查按满意率计算满意度：满意率 = 选择${quoted(satisfied)}的回答数 ÷ 有效回答数，${naText}`;
  } else {
    const weights = (scale?.levels ?? []).map((l) => `${l.label} ${l.weight} 分`).join('、');
    text = `本次调查按满意度得分计算满意度：各选项赋分为${weights}，满意度为各回答得分的平均值，${naText}`;
  }
  const overall = 'question' in m.overall ? '总体满意程度取自问卷的总体满意度题' : '总体满意程度为各维度满意度的平均值';
  return `${text}；${overall}；结果保留两位小数（四舍五入）。`;
}

const reasonNames: Record<string, string> = {
  ineligible: '未办理过相关业务（甄别题）',
  excluded: '经评价人员剔除',
  duplicate: '重复作答',
  too_fast: '作答时间过短',
};

function accountingSentence(a: AccountingLike): string {
  const reasons = Object.entries(a.invalid ?? {}).filter(([, n]) => n > 0);
  const invalid = a.received - a.valid;
  const why = reasons.length > 0 ? `（${reasons.map(([k, n]) => `${reasonNames[k] ?? k} ${n} 份`).join('、')}）` : '';
  const invalidText = invalid > 0 ? `，无效问卷 ${invalid} 份${why}` : '';
  if (a.issued && a.responseRate !== null && a.validResponseRate !== null) {
    const back = a.ofIssued ?? { received: a.received, valid: a.valid };
    if (back.received === a.received) {
      return `本次调查共发放问卷 ${a.issued} 份，回收 ${a.received} 份，回收率 ${a.responseRate}%；有效问卷 ${a.valid} 份，有效回收率 ${a.validResponseRate}%${invalidText}。`;
    }
    // Interviews and public links were not issued: stated apart, so the rates keep their meaning.
    return (
      `本次调查共发放问卷 ${a.issued} 份，回收 ${back.received} 份，回收率 ${a.responseRate}%，其中有效问卷 ${back.valid} 份，有效回收率 ${a.validResponseRate}%；` +
      `另经访谈、公开链接等方式收集问卷 ${a.received - back.received} 份。合计回收问卷 ${a.received} 份，有效问卷 ${a.valid} 份${invalidText}。`
    );
  }
  return `本次调查共回收问卷 ${a.received} 份（经公开链接、二维码等方式收集，发放数无法统计），其中有效问卷 ${a.valid} 份${invalidText}。`;
}

function intervalSentence(kind: 'share' | 'weighted', overall: RateLike | null, fromDimensions: boolean): string {
  if (!overall || overall.rate === null || !overall.ci95) return '总体满意程度尚无有效回答，无法给出置信区间。';
  const [lo, hi] = overall.ci95;
  const how = kind === 'share' ? 'Wilson 法' : 't 分布';
  // A mean of dimensions has no sample of its own: its n is the fewest answers behind any of its
  // items (a 不了解 there lowers it), which beside 有效问卷 N 份 must not read as the valid count.
  const sample = fromDimensions ? `总体满意程度所依据各题的有效样本最少为 ${overall.n} 份` : `总体满意程度的有效样本为 ${overall.n} 份`;
  return `${sample}，其 95% 置信区间（${how}）为 ${figure(kind, lo)}至${figure(kind, hi)}。`;
}

export function reportText(input: ReportInput): string {
  const { definition: def, results } = input;
  const kind = def.method.kind;
  const who = respondentsOf(def.group);
  const year = input.year === null ? '' : ` ${input.year} 年度`;
  const overall = results.overall;
  const head =
    overall && overall.rate !== null
      ? `${who}对${input.unit}${year}的服务工作总体满意程度为 ${figure(kind, overall.rate)}。`
      : `${who}对${input.unit}${year}的服务工作总体满意程度尚无有效回答。`;
  const overallQuestion = 'question' in def.method.overall ? def.method.overall.question : null;
  const labels = new Map(def.questions.map((q) => [q.id, q.label]));
  const parts = results.items
    .filter((item) => item.id !== overallQuestion)
    .map((item, i) => {
      const phrase = itemPhrase(labels.get(item.id) ?? item.label ?? item.id);
      const subject = i === 0 ? `${who}对` : '对';
      return item.rate === null ? `${subject}${phrase}尚无有效回答` : `${subject}${phrase}的满意度为 ${figure(kind, item.rate)}`;
    });
  const feedback = parts.length > 0 ? `主要反馈情况为：${parts.join('；')}。` : '';
  return `${head}${feedback}${methodSentence(def)}${intervalSentence(kind, overall, overallQuestion === null)}${accountingSentence(results.accounting)}`;
}
