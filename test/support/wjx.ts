// A 问卷星 (wjx.cn)-style export of the public template's questionnaire: the metadata columns
// 问卷星 puts first (序号, 提交答卷时间, 所用时间, 来源, 来自IP), then one "N、题目" column per
// question holding the option's text. Rows 2–4 are good; 5–8 each have one mistake.
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';

export const wjxHeader = [
  '序号', '提交答卷时间', '所用时间', '来源', '来自IP',
  '1、过去一年，您是否了解或办理过临港区科技创新局的相关业务？', '2、您的身份是？', '3、您所在的镇（街道）是？',
  '4、您对本区科技扶持政策的了解程度如何？', '5、您对科技创新工作的效果是否满意？', '6、您不满意的主要原因是？',
  '7、您对本区高层次人才服务工作是否满意？', '8、您对保障劳动者合法权益的工作是否满意？', '9、您对社会保险业务是否满意？',
  '10、您对劳动人事争议调解仲裁工作是否满意？', '11、您对公共就业和人才服务管理工作是否满意？', '12、总体满意程度', '13、意见建议',
];

export const wjxQuestions = ['contact', 'identity', 'town', 'q1', 'q2', 'q2-why', 'q3', 'q4', 'q5', 'q6', 'q7', 'overall', 'suggestion'];

/** The mapping an evaluator confirms: column header → question id. */
export function wjxMapping(extra: Record<string, unknown> = {}) {
  return {
    columns: Object.fromEntries(wjxQuestions.map((q, i) => [wjxHeader[i + 5]!, q])),
    submittedAt: '提交答卷时间',
    duration: '所用时间',
    ...extra,
  };
}

const good = ['是', '企业职工', '草庙子镇', '了解', '非常满意', '', '满意', '满意', '非常满意', '基本满意', '满意', '非常满意'];

export const wjxRows: string[][] = [
  ['1', '2023/11/20 10:31:02', '125秒', '微信', '112.224.1.5(山东-威海)', ...good, '建议多开展政策宣讲，\n尤其是"高企认定", 谢谢'],
  ['2', '2023/11/20 11:02:45', '98秒', '手机提交', '112.224.1.6(山东-威海)', '是', '企业负责人或管理人员', '汪疃镇', '非常了解', '不满意', '办事要跑好几趟', '满意', '满意', '满意', '满意', '满意', '满意', ''],
  ['3', '2023/11/21 09:15:00', '201秒', '链接', '60.212.3.4(山东-威海)', '否', '个体工商户', '其他', '不太了解', '不了解', '', '不了解', '不了解', '不了解', '不了解', '不了解', '基本满意', ''],
  // Row 5: an overall answer that is not a level of the scale.
  ['4', '2023/11/21 10:00:00', '77秒', '微信', '60.212.3.5(山东-威海)', ...good.slice(0, 11), '很满意', ''],
  // Row 6: a required question left blank.
  ['5', '2023/11/21 10:05:00', '88秒', '微信', '60.212.3.6(山东-威海)', ...good.slice(0, 6), '', ...good.slice(7), ''],
  // Row 7: a follow-up answered although its question was answered 非常满意.
  ['6', '2023/11/21 10:09:00', '90秒', '微信', '60.212.3.7(山东-威海)', ...good.slice(0, 5), '态度不好', ...good.slice(6), ''],
  // Row 8: a submission time that is no time.
  ['7', '2023/13/45 10:00:00', '60秒', '微信', '60.212.3.8(山东-威海)', ...good, ''],
];

/** The rows refused, with the column and value each is refused for. */
export const wjxRejected = [
  { row: 5, column: wjxHeader[16], value: '很满意', question: 'overall', code: 'invalid_type' },
  { row: 6, column: wjxHeader[11], value: '', question: 'q3', code: 'required' },
  { row: 7, column: wjxHeader[10], value: '态度不好', question: 'q2-why', code: 'hidden' },
  { row: 8, column: '提交答卷时间', value: '2023/13/45 10:00:00', question: null, code: 'invalid_time' },
];

export function wjxCsv(): string {
  // Excel's "CSV UTF-8" starts with a BOM.
  return '\uFEFF' + stringify([wjxHeader, ...wjxRows], { record_delimiter: '\r\n' });
}

/** The same export as XLSX, as 问卷星's "下载Excel" gives it: times as dates, 序号 as numbers. */
export async function wjxXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(wjxHeader);
  for (const row of wjxRows) {
    const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{2}):(\d{2}):(\d{2})$/.exec(row[1]!);
    const valid = m && Number(m[2]) <= 12;
    // exceljs writes a Date's UTC fields as the cell's wall-clock time.
    const time = valid ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))) : row[1];
    sheet.addRow([Number(row[0]), time, ...row.slice(2)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
