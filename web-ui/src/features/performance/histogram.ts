// A duration histogram estimated from one row of percentiles: Discover answers percentiles in one
// query at any scale, and the quantile function they sample gives the share of events between any
// two durations (linear between the sampled quantiles).
import type { FieldValue } from '../../api/models';
import type { Bucket } from '../../ui/chart/HistogramChart';

/** The quantiles asked for, besides min and max. */
export const QUANTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

export function quantileFields(column: string): string[] {
  return [`min(${column})`, ...QUANTILES.map((q) => `percentile(${column},${q})`), `max(${column})`, 'count()'];
}

/** The sampled points of the cumulative distribution, `[value, share at or below]`, ascending. */
export function cdfPoints(row: Record<string, FieldValue>, column: string): Array<[number, number]> {
  const num = (key: string) => {
    const value = Number(row[key]);
    return row[key] === null || row[key] === undefined || !Number.isFinite(value) ? undefined : value;
  };
  const points: Array<[number, number]> = [];
  const min = num(`min(${column})`);
  if (min !== undefined) {
    points.push([min, 0]);
  }
  for (const q of QUANTILES) {
    const value = num(`percentile(${column},${q})`);
    if (value !== undefined) {
      points.push([value, q]);
    }
  }
  const max = num(`max(${column})`);
  if (max !== undefined) {
    points.push([max, 1]);
  }
  // Sampled quantiles are non-decreasing; an approximate engine may disagree by a hair.
  for (let i = 1; i < points.length; i++) {
    points[i][0] = Math.max(points[i][0], points[i - 1][0]);
  }
  return points;
}

/** The share of events at or below a value, linear between the sampled points. */
export function cdfAt(points: Array<[number, number]>, value: number): number {
  if (points.length === 0 || value < points[0][0]) {
    return 0;
  }
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    if (value < x1) {
      const [x0, y0] = points[i - 1];
      return x1 === x0 ? y1 : y0 + ((value - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return 1;
}

/** A round bucket width near `span / count` (1, 2, 5 × 10ⁿ). */
export function niceWidth(span: number, count: number): number {
  const raw = span / count;
  if (raw <= 0) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((width) => width >= raw)!;
}

/**
 * Equal-width buckets from the minimum to the 99th percentile (the slowest 1 % would flatten
 * the rest; the last bucket holds them), with counts of the `total` events.
 */
export function estimateHistogram(points: Array<[number, number]>, total: number, buckets = 20): Bucket[] {
  if (points.length < 2 || total <= 0) {
    return [];
  }
  const low = points[0][0];
  const p99 = points.find(([, q]) => q >= 0.99)?.[0] ?? points[points.length - 1][0];
  if (p99 - low < 1e-6) {
    // Every event (but the slowest percent) took the same time: one bucket says it.
    return [{ from: low, to: points[points.length - 1][0], count: total }];
  }
  const width = niceWidth(Math.max(p99 - low, 1e-9), buckets);
  const start = Math.floor(low / width) * width;
  const out: Bucket[] = [];
  for (let from = start; from <= p99 && out.length < buckets + 1; from += width) {
    out.push({ from, to: from + width, count: 0 });
  }
  // Rounded cumulative counts, differenced: the buckets add up to the total exactly.
  const cumulative = (share: number) => Math.round(share * total);
  out.forEach((bucket, index) => {
    const upper = index === out.length - 1 ? 1 : cdfAt(points, bucket.to);
    bucket.count = cumulative(upper) - cumulative(cdfAt(points, bucket.from));
  });
  return out;
}
