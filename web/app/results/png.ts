// The chart as PNG: drawn again by ECharts' canvas renderer off screen and read with getDataURL.
// Not by drawing the SVG onto a canvas through an <img>: the app's Content-Security-Policy
// (default-src 'self') refuses blob: and data: images, rightly. Its own chunk, loaded only when a
// PNG is asked for, so the canvas renderer is not in the chart's chunk.
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([CanvasRenderer]);

export function pngOf(option: EChartsCoreOption, width: number, height: number): Blob {
  const chart = init(document.createElement('div'), undefined, { renderer: 'canvas', width, height });
  try {
    chart.setOption(option);
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
    return new Blob([bytes], { type: 'image/png' });
  } finally {
    chart.dispose();
  }
}
