import { expect, test } from 'vitest';
import { cdfAt, cdfPoints, estimateHistogram, niceWidth, quantileFields } from './histogram';

const column = 'transaction.duration';

/** A row as the events endpoint answers the quantile fields of a uniform spread over 0–1000 ms. */
function uniformRow(count: number) {
  const row: Record<string, number> = { 'count()': count };
  for (const field of quantileFields(column)) {
    const q = /percentile\(.*,(.*)\)/.exec(field)?.[1];
    if (q) {
      row[field] = Number(q) * 1000;
    }
  }
  row[`min(${column})`] = 0;
  row[`max(${column})`] = 1000;
  return row;
}

test('asks for min, max, count and the percentiles, all within the API’s 20 fields', () => {
  const fields = quantileFields(column);
  expect(fields).toContain('percentile(transaction.duration,0.5)');
  expect(fields).toContain('min(transaction.duration)');
  expect(fields.length).toBeLessThanOrEqual(20);
});

test('the distribution function runs through the sampled points and is linear between them', () => {
  const points = cdfPoints(uniformRow(100), column);
  expect(points[0]).toEqual([0, 0]);
  expect(points.at(-1)).toEqual([1000, 1]);
  expect(cdfAt(points, 500)).toBeCloseTo(0.5);
  expect(cdfAt(points, 300)).toBeCloseTo(0.3);
  expect(cdfAt(points, -1)).toBe(0);
  expect(cdfAt(points, 2000)).toBe(1);
});

test('a uniform spread gives even buckets whose counts sum to the total', () => {
  const buckets = estimateHistogram(cdfPoints(uniformRow(1000), column), 1000, 20);
  expect(buckets[0].from).toBe(0);
  expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(1000);
  const inner = buckets.slice(0, -2).map((b) => b.count);
  expect(Math.max(...inner) - Math.min(...inner)).toBeLessThanOrEqual(1);
});

test('a skewed spread piles up in the low buckets; the slowest percent lands in the last one', () => {
  const row = { 'count()': 100, [`min(${column})`]: 10, [`max(${column})`]: 9000 } as Record<string, number>;
  const values: Record<number, number> = { 0.05: 12, 0.1: 15, 0.25: 20, 0.5: 30, 0.75: 45, 0.9: 80, 0.95: 120, 0.99: 400 };
  for (const [q, v] of Object.entries(values)) {
    row[`percentile(${column},${q})`] = v;
  }
  const buckets = estimateHistogram(cdfPoints(row, column), 100);
  expect(buckets[0].count).toBeGreaterThan(buckets[5].count);
  expect(buckets.at(-1)!.from).toBeLessThanOrEqual(400);
  expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(100);
  expect(estimateHistogram([], 10)).toEqual([]);
});

test('bucket widths are round numbers', () => {
  expect(niceWidth(1000, 20)).toBe(50);
  expect(niceWidth(390, 20)).toBe(20);
  expect(niceWidth(7, 20)).toBe(0.5);
});

test('events that all took the same time make one bucket', () => {
  const row: Record<string, number> = { 'count()': 3, [`min(${column})`]: 377, [`max(${column})`]: 377 };
  for (const field of quantileFields(column).filter((f) => f.startsWith('percentile'))) {
    row[field] = 377;
  }
  expect(estimateHistogram(cdfPoints(row, column), 3)).toEqual([{ from: 377, to: 377, count: 3 }]);
});
