import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { StatsSeries } from '../../api/models';
import { canDraw, chartColours } from './canvas';

interface Props {
  series: StatsSeries;
  /** Fixed width in px; the container's width when omitted. */
  width?: number;
  height: number;
  /** A bare sparkline: no axes, legend or cursor. */
  spark?: boolean;
  label?: string;
}

/** Events over time, drawn by uPlot on a canvas. */
export function TimeSeriesChart({ series, width, height, spark = false, label = 'Events' }: Props) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element || series.length === 0 || !canDraw()) {
      return;
    }
    const data: uPlot.AlignedData = [series.map((point) => point[0]), series.map((point) => point[1])];
    const measured = () => width ?? Math.max(element.clientWidth, 120);
    let plot: uPlot | undefined;
    try {
      // Bars, not a line: a zero bucket draws nothing (no stroke), so a sparkline shows where the
      // events are instead of a flat line along the bottom.
      const bars = uPlot.paths.bars?.({ size: [0.8, 40], gap: 1 });
      const { colour, axis } = chartColours(element);
      plot = new uPlot(
        {
          width: measured(),
          height,
          legend: { show: !spark },
          cursor: spark ? { show: false } : undefined,
          select: { show: false, left: 0, top: 0, width: 0, height: 0 },
          axes: spark
            ? [{ show: false }, { show: false }]
            : [
                { stroke: axis, grid: { stroke: 'rgba(128,128,128,0.15)' } },
                { stroke: axis, size: 40, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], grid: { stroke: 'rgba(128,128,128,0.15)' } },
              ],
          scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
          series: [{}, { label, stroke: colour, fill: colour, width: 0, paths: bars, points: { show: false } }],
        },
        data,
        element,
      );
    } catch {
      // No canvas (e.g. an old or headless environment): the numbers are shown elsewhere.
      return;
    }
    const observer =
      width === undefined && typeof ResizeObserver !== 'undefined'
        ? new ResizeObserver(() => plot?.setSize({ width: measured(), height }))
        : undefined;
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      plot?.destroy();
    };
  }, [series, width, height, spark, label]);
  const total = series.reduce((sum, point) => sum + point[1], 0);
  return (
    <div
      ref={container}
      className={spark ? 'chart chart-spark' : 'chart'}
      role="img"
      aria-label={`${label}: ${total} in ${series.length} intervals`}
      style={width ? { width } : undefined}
    />
  );
}
