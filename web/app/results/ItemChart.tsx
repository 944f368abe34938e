import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SurveyDefinition } from '../../../surveys/index.ts';
import { mainScale, scaleOf } from './format.ts';
import { rt } from './text.ts';
import type { Item } from './types.ts';
import type { ChartData, ChartHandle } from './chart.ts';

type ChartModule = typeof import('./chart.ts');
// ECharts is fetched once, the first time a results page draws a chart; other pages never load it.
let chartModule: Promise<ChartModule> | null = null;
const loadChart = () => (chartModule ??= import('./chart.ts'));

// Satisfied to dissatisfied, green through amber to red, with 不了解 grey: the order a reader of
// 图1 expects. Five levels (the common scale) get their own five; other lengths are picked from
// the seven so the ends stay green and red.
const five = ['#1f7a3a', '#74b566', '#e3b23c', '#e07b39', '#b8322a'];
const seven = ['#1f7a3a', '#4f9a4f', '#9cc46a', '#e3b23c', '#e07b39', '#c0392b', '#7f2019'];
const naColor = '#9aa0a8';
const colour = (i: number, n: number) => (n === 5 ? five[i]! : seven[Math.round((i * 6) / Math.max(1, n - 1))]!);

/**
 * The chart's series from the items' level counts. A series is a rank on the scale (first level,
 * second, …), so an item asked on another scale (了解程度) stacks in the same order; the legend
 * is worded by the survey's main scale and the tooltip by each item's own.
 */
export function chartData(items: Item[], def: SurveyDefinition): ChartData {
  const main = mainScale(def);
  const scales = items.map((it) => scaleOf(def, it.id) ?? main);
  const ranks = Math.max(0, ...scales.map((s) => s?.levels.length ?? 0));
  const na = main?.notApplicable?.label ?? rt('notApplicable');
  const series = Array.from({ length: ranks }, (_, i) => ({
    name: main?.levels[i]?.label ?? String(i + 1),
    color: colour(i, ranks),
    counts: items.map((it, n) => {
      const level = scales[n]?.levels[i];
      return level ? (it.levels[String(level.code)] ?? 0) : 0;
    }),
  }));
  series.push({ name: na, color: naColor, counts: items.map((it) => it.notApplicable) });
  const names = scales.map((s) => [...Array.from({ length: ranks }, (_, i) => s?.levels[i]?.label ?? ''), s?.notApplicable?.label ?? na]);
  return { categories: items.map((it) => it.label ?? it.id), names, series, axisName: rt('chartAxis') };
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 图1 of the report: every item's distribution of levels, downloadable as SVG and PNG. */
export function ItemChart({ items, def, fileName }: { items: Item[]; def: SurveyDefinition; fileName: string }) {
  const box = useRef<HTMLDivElement>(null);
  const handle = useRef<ChartHandle | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const data = useMemo(() => chartData(items, def), [items, def]);

  useEffect(() => {
    let live = true;
    loadChart().then(
      (m) => {
        if (!live || !box.current) return;
        handle.current = m.mountChart(box.current);
        setReady(true);
      },
      (e: unknown) => live && setError(String(e)),
    );
    // The chart follows the width of its box (a rotated phone, a resized window).
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => handle.current?.resize()) : null;
    if (box.current) observer?.observe(box.current);
    return () => {
      live = false;
      observer?.disconnect();
      handle.current?.dispose();
      handle.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) handle.current?.update(data);
  }, [ready, data]);

  const svg = () => handle.current && download(new Blob([handle.current.svg()], { type: 'image/svg+xml' }), `${fileName}.svg`);
  const png = () => handle.current?.png().then((b) => download(b, `${fileName}.png`), (e: unknown) => setError(String(e)));
  return (
    <figure class="results-figure">
      <figcaption>{rt('chartTitle')}</figcaption>
      {!ready && !error && <p class="help">{rt('chartLoading')}</p>}
      {error && <p class="err">{error}</p>}
      <div ref={box} class="results-chart" role="img" aria-label={rt('chartTitle')} />
      <p class="actions">
        <button type="button" class="btn small" disabled={!ready} onClick={png}>{rt('downloadPng')}</button>
        <button type="button" class="btn small" disabled={!ready} onClick={svg}>{rt('downloadSvg')}</button>
      </p>
    </figure>
  );
}
