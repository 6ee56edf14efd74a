import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { canDraw, chartColours, SERIES_COLOURS } from './canvas';

export interface LineSeries {
  label: string;
  /** `[epoch seconds, value]`, oldest first; null is a bucket without a value (a gap in the line). */
  points: Array<[number, number | null]>;
}

interface Props {
  series: LineSeries[];
  height: number;
  /** How a value reads in the legend (`840 ms`, `3.2/min`) and, unless `axisFormat` is given, on the axis. */
  format: (value: number) => string;
  /** A shorter form for the y axis (the unit said in the chart's heading instead). */
  axisFormat?: (value: number) => string;
  /** The chart's accessible name. */
  label: string;
}

/**
 * Several series over one time axis (percentiles of a duration, say), drawn by uPlot as lines on a
 * canvas, with a legend that shows the values under the cursor. All series must share the buckets
 * (events-stats zero-fills them): the first series gives the time axis.
 */
export function LineChart({ series, height, format, axisFormat, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    const times = series[0]?.points.map((point) => point[0]) ?? [];
    if (!element || times.length === 0 || !canDraw()) {
      return;
    }
    const data = [times, ...series.map((s) => s.points.map((point) => point[1]))] as uPlot.AlignedData;
    const measured = () => Math.max(element.clientWidth, 160);
    let plot: uPlot | undefined;
    try {
      const { axis, grid } = chartColours(element);
      plot = new uPlot(
        {
          width: measured(),
          height,
          select: { show: false, left: 0, top: 0, width: 0, height: 0 },
          axes: [
            { stroke: axis, grid: { stroke: grid } },
            { stroke: axis, size: 64, grid: { stroke: grid }, values: (_u, ticks) => ticks.map((tick) => (axisFormat ?? format)(tick)) },
          ],
          scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
          series: [
            {},
            ...series.map((s, index) => ({
              label: s.label,
              stroke: SERIES_COLOURS[index % SERIES_COLOURS.length],
              width: 2,
              spanGaps: true,
              points: { show: false },
              value: (_u: uPlot, value: number | null) => (value === null || value === undefined ? '—' : format(value)),
            })),
          ],
        },
        data,
        element,
      );
    } catch {
      return;
    }
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => plot?.setSize({ width: measured(), height })) : undefined;
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      plot?.destroy();
    };
  }, [series, height, format, axisFormat]);
  const summary = series
    .map((s) => {
      const values = s.points.map((point) => point[1]).filter((value): value is number => value !== null);
      return values.length === 0 ? `${s.label}: no data` : `${s.label}: up to ${format(Math.max(...values))}`;
    })
    .join('; ');
  return <div ref={container} className="chart" role="img" aria-label={`${label}. ${summary}`} />;
}
