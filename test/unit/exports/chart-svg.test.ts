import { describe, expect, it } from 'vitest';
import { itemChartSvg } from '../../../server/exports/chart-svg.ts';
import { svgToPng } from '../../../server/exports/chart-png.ts';

const input = {
  title: '图 1：满意度 <调查>',
  legend: ['非常满意', '满意', '不了解'],
  items: [
    { label: '政策 & "宣传"', segments: [{ label: '非常满意', count: 20 }, { label: '满意', count: 9 }, { label: '不了解', count: 1 }], rate: '96.67%', n: 29 },
    { label: '没有回答的题目', segments: [{ label: '非常满意', count: 0 }], rate: null, n: 0 },
  ],
};

describe('itemChartSvg', () => {
  const svg = itemChartSvg(input);

  it('escapes every text it draws', () => {
    expect(svg).toContain('图 1：满意度 &lt;调查&gt;');
    expect(svg).toContain('政策 &amp; &quot;宣传&quot;');
    expect(svg).not.toMatch(/<调查>/);
  });

  it('splits each bar by count and fills it exactly', () => {
    const widths = [...svg.matchAll(/<rect x="\d+" y="90" width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([320, 144, 16]);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(480);
    expect(svg).toContain('96.67%（n=29）');
    expect(svg).toContain('—（n=0）');
  });

  it('renders to a PNG', async () => {
    const png = await svgToPng(svg);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});
