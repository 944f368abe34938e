// The item chart of the results workbook, like the seed's 图1: one horizontal bar per item, split
// into its levels and 不了解 by count, with the item's rate at the right. Plain SVG built from the
// counts by a pure function (no browser, no chart library), turned into PNG by chart-png.ts.

export interface ChartItem {
  label: string;
  /** Counts in scale order (most satisfied first), then 不了解 if the scale has it. */
  segments: { label: string; count: number }[];
  /** The published rate, e.g. "96.67%", or null before any answer. */
  rate: string | null;
  /** The answers the rate is of. */
  n: number;
}

export interface ChartInput {
  title: string;
  items: ChartItem[];
  /** Legend entries in segment order. */
  legend: string[];
}

// Greens to reds for the levels, then grey for 不了解.
const palette = ['#1a7f37', '#4cae4f', '#a3cf62', '#f2b134', '#d9534f', '#8b1e1e', '#5b2c6f', '#34495e', '#7f8c8d', '#95a5a6', '#bdc3c7'];
const notApplicableColour = '#b0b0b0';

const font = `font-family="Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif"`;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

function shorten(text: string, max: number): string {
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

export function itemChartSvg(input: ChartInput, notApplicableLabel = '不了解'): string {
  const width = 1000;
  const labelWidth = 380;
  const barWidth = 480;
  const rowHeight = 34;
  const top = 84;
  const height = top + input.items.length * rowHeight + 24;
  const colour = (i: number, label: string) => (label === notApplicableLabel ? notApplicableColour : palette[i % palette.length]!);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="30" text-anchor="middle" font-size="18" ${font} fill="#222">${escapeXml(input.title)}</text>`,
  ];
  let x = labelWidth;
  input.legend.forEach((label, i) => {
    parts.push(`<rect x="${x}" y="48" width="14" height="14" fill="${colour(i, label)}"/>`);
    parts.push(`<text x="${x + 18}" y="60" font-size="13" ${font} fill="#333">${escapeXml(label)}</text>`);
    x += 26 + [...label].length * 14;
  });
  input.items.forEach((item, row) => {
    const y = top + row * rowHeight;
    parts.push(`<text x="${labelWidth - 10}" y="${y + 21}" text-anchor="end" font-size="13" ${font} fill="#222">${escapeXml(shorten(item.label, 28))}</text>`);
    const total = item.segments.reduce((n, s) => n + s.count, 0);
    let offset = 0;
    item.segments.forEach((segment, i) => {
      if (total === 0 || segment.count === 0) return;
      // Integer pixel edges from running sums, so the segments always fill the bar exactly.
      const from = Math.round((offset * barWidth) / total);
      offset += segment.count;
      const to = Math.round((offset * barWidth) / total);
      parts.push(`<rect x="${labelWidth + from}" y="${y + 6}" width="${to - from}" height="${rowHeight - 12}" fill="${colour(i, segment.label)}"><title>${escapeXml(`${segment.label} ${segment.count}`)}</title></rect>`);
    });
    if (total === 0) parts.push(`<rect x="${labelWidth}" y="${y + 6}" width="${barWidth}" height="${rowHeight - 12}" fill="#f0f0f0"/>`);
    parts.push(`<text x="${labelWidth + barWidth + 10}" y="${y + 21}" font-size="13" ${font} fill="#222">${escapeXml(item.rate ?? '—')}（n=${item.n}）</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
