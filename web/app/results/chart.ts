// The item distribution chart (the seed's 图1): one horizontal bar per question, stacked by level
// and 不了解, as shares of that question's answers. Only the parts of ECharts used are imported
// (core, bar, grid/tooltip/legend, the SVG renderer), and this module is loaded on its own by
// ItemChart, so the rest of the app never carries it. SVG rather than canvas: the same drawing
// is the downloadable SVG; the PNG is drawn on demand by png.ts.
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export interface ChartSeries {
  name: string;
  color: string;
  counts: number[];
}

export interface ChartData {
  /** Question labels, top to bottom. */
  categories: string[];
  /** Each item's own name for each series (its scale may word the levels differently). */
  names: string[][];
  series: ChartSeries[];
  axisName: string;
}

export interface ChartHandle {
  update(data: ChartData): void;
  resize(): void;
  svg(): string;
  png(): Promise<Blob>;
  dispose(): void;
}

// Single quotes only: the SVG renderer writes this into a double-quoted style attribute.
const font = "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";
const barRow = 34;

/** Rows the legend wraps to at this width (ECharts lays it out itself; this only reserves room). */
function legendRows(names: string[], width: number): number {
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = 40 + [...n].length * 13;
    if (x + w > width - 16 && x > 0) {
      rows += 1;
      x = 0;
    }
    x += w;
  }
  return rows;
}

function optionFor(data: ChartData, width: number): { option: Option; height: number } {
  const totals = data.categories.map((_, i) => data.series.reduce((s, x) => s + (x.counts[i] ?? 0), 0));
  const share = (count: number, i: number) => (totals[i] ? Math.round((count / totals[i]!) * 10000) / 100 : 0);
  // Wide: the question labels beside the bars, in at most a third of the width, cut with "…"
  // (the tooltip and the table carry them whole). Narrow (a phone): each label on its own line
  // above its bar, across the whole width, so a question can be told from the next.
  const narrow = width < 560;
  const labelWidth = narrow ? width - 24 : Math.max(90, Math.min(300, Math.round(width * 0.34)));
  const row = narrow ? 56 : barRow;
  const rows = legendRows(data.series.map((s) => s.name), width);
  const top = (narrow ? 28 : 12) + rows * 24;
  const bottom = 44;
  const height = top + bottom + Math.max(1, data.categories.length) * row;
  const option: Option = {
    backgroundColor: '#fff',
    animation: false,
    textStyle: { fontFamily: font },
    legend: { top: 4, left: 8, right: 8, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12, fontFamily: font } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number; seriesIndex: number; marker: string; seriesName: string }[];
        const i = list[0]?.dataIndex ?? 0;
        const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
        const lines = list.map((p) => {
          const count = data.series[p.seriesIndex]?.counts[i] ?? 0;
          return `${p.marker}${esc(data.names[i]?.[p.seriesIndex] ?? p.seriesName)}：${count}（${share(count, i)}%）`;
        });
        return `<b>${esc(data.categories[i] ?? '')}</b><br>${lines.join('<br>')}`;
      },
    },
    grid: { left: narrow ? 8 : labelWidth + 16, right: narrow ? 20 : 16, top, bottom },
    xAxis: { type: 'value', max: 100, name: data.axisName, nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.categories,
      axisTick: { show: false },
      axisLine: { show: !narrow },
      axisLabel: narrow
        ? { inside: true, align: 'left', verticalAlign: 'bottom', padding: [0, 0, 14, 0], width: labelWidth, overflow: 'truncate', fontSize: 12, color: '#303338' }
        : { width: labelWidth, overflow: 'truncate', fontSize: 12, color: '#303338' },
    },
    series: data.series.map((s) => ({
      type: 'bar',
      name: s.name,
      stack: 'all',
      barWidth: narrow ? 18 : 20,
      itemStyle: { color: s.color },
      label: {
        show: true,
        fontSize: 11,
        color: '#fff',
        // A share too thin to hold its number is left to the tooltip.
        formatter: (p: { value: unknown }) => (Number(p.value) >= 8 ? `${Math.round(Number(p.value))}` : ''),
      },
      data: s.counts.map((c, i) => share(c, i)),
    })),
  };
  return { option, height };
}

export function mountChart(el: HTMLElement): ChartHandle {
  let chart: ECharts | null = null;
  let last: ChartData | null = null;
  let drawn: { option: Option; width: number; height: number } | null = null;
  const draw = () => {
    if (!last) return;
    const width = el.clientWidth || 640;
    const { option, height } = optionFor(last, width);
    drawn = { option, width, height };
    if (!chart) chart = init(el, undefined, { renderer: 'svg', width, height, locale: 'ZH' });
    else chart.resize({ width, height });
    el.style.height = `${height}px`;
    chart.setOption(option, { notMerge: true });
  };
  return {
    update(data) {
      last = data;
      draw();
    },
    resize: draw,
    svg() {
      return chart ? chart.renderToSVGString() : '';
    },
    async png() {
      if (!drawn) throw new Error('no chart yet');
      const { pngOf } = await import('./png.ts');
      return pngOf(drawn.option, drawn.width, drawn.height);
    },
    dispose() {
      chart?.dispose();
      chart = null;
    },
  };
}
