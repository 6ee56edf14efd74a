import { expect, test } from 'vitest';
import { ORPHAN_ERROR, PAYMENT_ERROR, traceTree } from '../../test/performanceFixtures';
import { eventsUrl, seriesByAxis, statsUrl, traceEvents } from './api';

test('an events query repeats field and project, and defaults the period to 24h', () => {
  const url = new URL(
    eventsUrl({
      org: 'acme',
      dataset: 'transactions',
      projects: ['3'],
      filters: { environment: 'production' },
      query: 'transaction:/api/*',
      fields: ['transaction', 'p95(transaction.duration)'],
      sort: '-p95(transaction.duration)',
      cursor: '0:50:0',
    }),
    'http://x',
  );
  expect(url.pathname).toBe('/api/0/organizations/acme/events/');
  expect(url.searchParams.getAll('field')).toEqual(['transaction', 'p95(transaction.duration)']);
  expect(url.searchParams.get('dataset')).toBe('transactions');
  expect(url.searchParams.getAll('project')).toEqual(['3']);
  expect(url.searchParams.get('statsPeriod')).toBe('24h');
  expect(url.searchParams.get('environment')).toBe('production');
  expect(url.searchParams.get('sort')).toBe('-p95(transaction.duration)');
  expect(url.searchParams.get('cursor')).toBe('0:50:0');
  const absolute = new URL(
    statsUrl({ org: 'acme', dataset: 'spans', projects: [], filters: { start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z' }, yAxis: ['count()', 'tpm()'] }),
    'http://x',
  );
  expect(absolute.searchParams.getAll('yAxis')).toEqual(['count()', 'tpm()']);
  expect(absolute.searchParams.get('statsPeriod')).toBeNull();
  expect(absolute.searchParams.get('start')).toBe('2026-12-01T00:00:00Z');
});

test('events-stats reads as one series per axis from the single and the keyed shapes', () => {
  const single = { data: [[1700000000, [{ count: 3 }]], [1700000060, [{ count: 0 }]]] as Array<[number, Array<{ count: number }>]>, start: 1700000000, end: 1700000120 };
  expect(seriesByAxis(single, ['count()'])).toEqual({ 'count()': [[1700000000, 3], [1700000060, 0]] });
  const keyed = {
    'p95(transaction.duration)': { data: [[1700000000, [{ count: 812.5 }]]] as Array<[number, Array<{ count: number | null }>]>, order: 0 },
    'tpm()': { data: [[1700000000, [{ count: null }]]] as Array<[number, Array<{ count: number | null }>]>, order: 1 },
  };
  expect(seriesByAxis(keyed, ['p95(transaction.duration)', 'tpm()'])).toEqual({
    'p95(transaction.duration)': [[1700000000, 812.5]],
    'tpm()': [[1700000000, null]],
  });
});

test("a trace's events: its transactions in start order and every error, on a span or not", () => {
  const events = traceEvents(traceTree());
  expect(events.transactions.map((t) => t.transaction)).toEqual(['/checkout', 'POST /api/checkout']);
  expect(events.errors.map((e) => e.event_id)).toEqual([PAYMENT_ERROR.event_id, ORPHAN_ERROR.event_id]);
});
