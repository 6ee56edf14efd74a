import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { canDraw, chartColours } from './canvas';

export interface Bucket {
  /** The bucket's lower bound (inclusive). */
  from: number;
  /** Its upper bound (exclusive). */
  to: number;
  count: number;
}

interface Props {
  buckets: Bucket[];
  height: number;
  /** How a bound reads on the x axis (`250 ms`). */
  format: (value: number) => string;
  label: string;
}

/** A distribution as bars over equal-width buckets of a numeric axis, drawn by uPlot. */
export function HistogramChart({ buckets, height, format, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element || buckets.length === 0 || !canDraw()) {
      return;
    }
    const data: uPlot.AlignedData = [buckets.map((bucket) => (bucket.from + bucket.to) / 2), buckets.map((bucket) => bucket.count)];
    const measured = () => Math.max(element.clientWidth, 160);
    let plot: uPlot | undefined;
    try {
      const { colour, axis, grid } = chartColours(element);
      const bars = uPlot.paths.bars?.({ size: [0.9, 80], gap: 1 });
      plot = new uPlot(
        {
          width: measured(),
          height,
          // The axes say it all; a legend of the hovered bucket would only repeat them.
          legend: { show: false },
          select: { show: false, left: 0, top: 0, width: 0, height: 0 },
          axes: [
            { stroke: axis, grid: { show: false }, values: (_u, ticks) => ticks.map((tick) => format(tick)) },
            { stroke: axis, size: 48, grid: { stroke: grid } },
          ],
          scales: {
            x: { time: false, range: () => [buckets[0].from, buckets[buckets.length - 1].to] },
            y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
          },
          series: [
            { value: (_u: uPlot, value: number | null) => (value === null ? '—' : format(value)) },
            { label: 'Events', stroke: colour, fill: colour, width: 0, paths: bars, points: { show: false } },
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
  }, [buckets, height, format]);
  const peak = buckets.reduce<Bucket | undefined>((best, bucket) => (!best || bucket.count > best.count ? bucket : best), undefined);
  return (
    <div
      ref={container}
      className="chart"
      role="img"
      aria-label={
        peak ? `${label}: ${buckets.length} buckets from ${format(buckets[0].from)} to ${format(buckets[buckets.length - 1].to)}, most between ${format(peak.from)} and ${format(peak.to)}` : `${label}: no data`
      }
    />
  );
}
