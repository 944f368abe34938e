// The report tables 表3–表7 as plain HTML to paste into a report (a word processor keeps tables
// pasted from a page): no script, no style sheet, every text escaped.
import type { ReportTable } from '../sheet/report-tables.ts';
// The five XML escapes are HTML's too (&apos; is HTML5's).
import { escapeXml as escapeHtml } from './chart-svg.ts';

const percent = (rate: string | null) => (rate === null ? '—' : `${rate}%`);
const cell = (tag: 'td' | 'th', text: string, attrs = '') => `<${tag}${attrs}>${escapeHtml(text)}</${tag}>`;

function tableHtml(t: ReportTable): string {
  const rows = t.rows.map((r) => {
    const name = `${'\u3000'.repeat(Math.max(0, r.level - 2))}${r.name}`;
    const tag = r.level <= 1 ? 'th' : 'td';
    return `<tr>${cell(tag, name, ' style="text-align:left"')}${cell('td', r.points)}${cell('td', r.score ?? '—')}${cell('td', percent(r.rate))}</tr>`;
  });
  if (t.grade !== undefined) rows.push(`<tr>${cell('th', '综合评价等级', ' style="text-align:left"')}<td colspan="3">${escapeHtml(t.grade ?? '—')}</td></tr>`);
  return [
    `<table border="1" cellspacing="0" cellpadding="4" id="${escapeHtml(t.id)}">`,
    `<caption>${escapeHtml(t.title)}</caption>`,
    `<thead><tr>${['指标', '分值', '得分', '得分率'].map((h) => cell('th', h)).join('')}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('\n');
}

export function reportTablesHtml(title: string, tables: readonly ReportTable[], notes: readonly (readonly [string, string | number | null])[]): string {
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    ...tables.map(tableHtml),
    `<dl>${notes.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v === null ? '—' : String(v))}</dd>`).join('')}</dl>`,
    '</body></html>',
  ].join('\n');
}
