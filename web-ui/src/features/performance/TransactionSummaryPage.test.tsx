import { screen, within } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { json, mockApi, renderAt } from '../../test/render';
import { ORG, PROJECT, issue } from '../../test/fixtures';
import { eventsTable, TRACE_ID } from '../../test/performanceFixtures';
import { TransactionSummaryPage } from './TransactionSummaryPage';

afterEach(() => vi.unstubAllGlobals());

const NAME = 'POST /api/checkout';

/** Answers each events query by what it asks for, as the server would. */
function events(url: URL) {
  const fields = url.searchParams.getAll('field');
  const sort = url.searchParams.get('sort');
  if (url.searchParams.get('dataset') === 'spans') {
    return json(
      eventsTable([
        { 'span.op': 'db.query', 'count()': 240, 'sum(span.self_time)': 5400, 'avg(span.duration)': 22.5, 'p95(span.duration)': 61 },
        { 'span.op': 'http.client', 'count()': 12, 'sum(span.self_time)': 3600, 'avg(span.duration)': 300, 'p95(span.duration)': 410 },
      ]),
    );
  }
  if (fields.includes('id')) {
    const slow = sort === '-transaction.duration';
    return json(
      eventsTable([
        { id: slow ? 'aaaa1111bbbb2222' : 'cccc3333dddd4444', trace: TRACE_ID, 'transaction.duration': slow ? 2412 : 95, 'transaction.status': slow ? 'deadline_exceeded' : 'ok', timestamp: new Date().toISOString() },
      ]),
    );
  }
  if (fields.includes('min(transaction.duration)')) {
    const row: Record<string, number> = { 'count()': 120, 'min(transaction.duration)': 40, 'max(transaction.duration)': 2412 };
    for (const field of fields.filter((f) => f.startsWith('percentile('))) {
      row[field] = 40 + Number(/,(.*)\)/.exec(field)![1]) * 400;
    }
    return json(eventsTable([row]));
  }
  return json(
    eventsTable([
      {
        'count()': 120,
        'tpm()': 0.0833,
        'p50(transaction.duration)': 210,
        'p75(transaction.duration)': 330,
        'p95(transaction.duration)': 890,
        'p99(transaction.duration)': 2100,
        'failure_rate()': 0.025,
        'apdex(300)': 0.71,
      },
    ]),
  );
}

const ROUTES = {
  'GET /api/0/organizations/': [ORG],
  'GET /api/0/organizations/faultline/projects/': [PROJECT],
  'GET /api/0/organizations/faultline/events/': events,
  'GET /api/0/organizations/faultline/events-stats/': {
    'p50(transaction.duration)': { data: [[1700000000, [{ count: 200 }]]], order: 0 },
    'p75(transaction.duration)': { data: [[1700000000, [{ count: 300 }]]], order: 1 },
    'p95(transaction.duration)': { data: [[1700000000, [{ count: 900 }]]], order: 2 },
    'tpm()': { data: [[1700000000, [{ count: 0.08 }]]], order: 3 },
  },
  'GET /api/0/organizations/faultline/issues/': [issue({ id: '42', title: 'Error: Payment declined', shortId: 'SHOP-9' })],
};

test('shows the totals, charts, distribution, slowest and latest events, span ops and related issues', async () => {
  const calls = mockApi(ROUTES);
  renderAt(`/performance/summary?project=shop&transaction=${encodeURIComponent(NAME)}`, '/performance/summary', <TransactionSummaryPage />);
  const totals = await screen.findByTestId('transaction-totals');
  expect(totals).toHaveTextContent('Transactions120');
  expect(totals).toHaveTextContent('Throughput0.08/min');
  expect(totals).toHaveTextContent('p50210 ms');
  expect(totals).toHaveTextContent('p95890 ms');
  expect(totals).toHaveTextContent('p992.10 s');
  expect(totals).toHaveTextContent('Failure rate2.5%');
  expect(totals).toHaveTextContent('Apdex (300 ms)0.71');
  // Every query is about this transaction.
  const queries = calls.filter((call) => call.url.pathname.includes('/events')).map((call) => call.url.searchParams.get('query'));
  expect(new Set(queries)).toEqual(new Set(['transaction:"POST /api/checkout"']));
  expect(await screen.findByRole('img', { name: /Duration percentiles over time\. p50: up to 200 ms; p75: up to 300 ms; p95: up to 900 ms/ })).toBeInTheDocument();
  expect(screen.getByRole('img', { name: /Transactions per minute over time/ })).toBeInTheDocument();
  expect(await screen.findByRole('img', { name: /Transactions by duration: \d+ buckets from 40 ms/ })).toBeInTheDocument();
  const slowest = within(await screen.findByRole('table', { name: 'Slowest events' }));
  expect(slowest.getByRole('link', { name: 'aaaa1111' })).toHaveAttribute(
    'href',
    `/performance/trace/${TRACE_ID}?project=shop&event=aaaa1111bbbb2222`,
  );
  expect(slowest.getByText('2.41 s')).toBeInTheDocument();
  expect(slowest.getByText('deadline_exceeded')).toBeInTheDocument();
  expect(within(await screen.findByRole('table', { name: 'Most recent events' })).getByText('95 ms')).toBeInTheDocument();
  const ops = within(await screen.findByRole('table', { name: 'Span operations' })).getAllByRole('row');
  expect(ops[1]).toHaveTextContent('db.query2405.40 s23 ms61 ms');
  const spansCall = calls.find((call) => call.url.searchParams.get('dataset') === 'spans')!.url.searchParams;
  expect(spansCall.get('sort')).toBe('-sum(span.self_time)');
  const related = await screen.findByRole('link', { name: 'Error: Payment declined' });
  expect(related).toHaveAttribute('href', '/issues/42');
  const issuesCall = calls.find((call) => call.url.pathname.endsWith('/issues/'))!.url.searchParams;
  expect(issuesCall.get('query')).toBe('is:unresolved transaction:"POST /api/checkout" timestamp:-24h');
});

test('a transaction without events in the range says how to send them', async () => {
  mockApi({ ...ROUTES, 'GET /api/0/organizations/faultline/events/': () => json(eventsTable([{ 'count()': 0 }])) });
  renderAt('/performance/summary?project=shop&transaction=GET%20%2F', '/performance/summary', <TransactionSummaryPage />);
  expect(await screen.findByText('No "GET /" transactions in this time range')).toBeInTheDocument();
  expect(screen.getByText(/tracesSampleRate/)).toBeInTheDocument();
});
