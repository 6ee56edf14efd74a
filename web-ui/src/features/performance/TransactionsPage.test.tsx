import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { json, mockApi, renderAt } from '../../test/render';
import { ORG, PROJECT } from '../../test/fixtures';
import { eventsTable } from '../../test/performanceFixtures';
import { TransactionsPage } from './TransactionsPage';
import { TransactionSummaryPage } from './TransactionSummaryPage';
import { Route } from 'react-router';

afterEach(() => vi.unstubAllGlobals());

const BASE = {
  'GET /api/0/organizations/': [ORG],
  'GET /api/0/organizations/faultline/projects/': [PROJECT, { id: '2', slug: 'web', name: 'Web', platform: 'javascript' }],
  'GET /api/0/projects/faultline/shop/tags/environment/values/': [{ key: 'environment', name: 'production', value: 'production', count: 3 }],
};

function row(transaction: string, threshold: number, values: number[]) {
  const [tpm, p50, p75, p95, failure, apdex] = values;
  return {
    transaction,
    'tpm()': tpm,
    'p50(transaction.duration)': p50,
    'p75(transaction.duration)': p75,
    'p95(transaction.duration)': p95,
    'failure_rate()': failure,
    [`apdex(${threshold})`]: apdex,
  };
}

function eventsRoute(threshold: () => number) {
  return (url: URL) => {
    const t = threshold();
    return json(
      eventsTable([row('POST /api/checkout', t, [12.5, 84, 120.4, 812.5, 0.04, 0.91]), row('GET /api/cart', t, [3.25, 12, 20, 31, 0, 1])], {
        transaction: 'string',
        'tpm()': 'rate',
        'p95(transaction.duration)': 'duration',
      }),
      200,
      url.searchParams.get('cursor')
        ? {}
        : {
            Link:
              '<http://x/?cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", <http://x/?cursor=0:50:0>; rel="next"; results="true"; cursor="0:50:0"',
          },
    );
  };
}

test('lists the transactions of the first project with throughput, percentiles, failure rate and Apdex at 300 ms', async () => {
  const calls = mockApi({ ...BASE, 'GET /api/0/organizations/faultline/events/': eventsRoute(() => 300) });
  renderAt('/performance', '/performance', <TransactionsPage />);
  const table = await screen.findByRole('table', { name: 'Transactions' });
  const rows = within(table).getAllByRole('row');
  expect(rows[1]).toHaveTextContent('POST /api/checkout');
  expect(rows[1]).toHaveTextContent('12.50/min');
  expect(rows[1]).toHaveTextContent('84 ms');
  expect(rows[1]).toHaveTextContent('813 ms');
  expect(rows[1]).toHaveTextContent('4.0%');
  expect(rows[1]).toHaveTextContent('0.91');
  expect(within(rows[1]).getByRole('link', { name: 'POST /api/checkout' })).toHaveAttribute(
    'href',
    '/performance/summary?project=shop&transaction=POST+%2Fapi%2Fcheckout',
  );
  const request = calls.find((call) => call.url.pathname.endsWith('/events/'))!.url.searchParams;
  expect(request.get('dataset')).toBe('transactions');
  expect(request.getAll('project')).toEqual(['1']);
  expect(request.getAll('field')).toEqual([
    'transaction',
    'tpm()',
    'p50(transaction.duration)',
    'p75(transaction.duration)',
    'p95(transaction.duration)',
    'failure_rate()',
    'apdex(300)',
  ]);
  expect(request.get('sort')).toBe('-tpm()');
  expect(request.get('statsPeriod')).toBe('24h');
  expect(screen.getByRole('spinbutton')).toHaveValue(300);
});

test('sorts by a header, searches in Sentry syntax and follows the next cursor', async () => {
  const calls = mockApi({ ...BASE, 'GET /api/0/organizations/faultline/events/': eventsRoute(() => 300) });
  renderAt('/performance', '/performance', <TransactionsPage />);
  await screen.findByRole('table', { name: 'Transactions' });
  const eventsCalls = () => calls.filter((call) => call.url.pathname.endsWith('/events/')).map((call) => call.url.searchParams);
  await userEvent.click(screen.getByRole('button', { name: /p95/ }));
  await waitFor(() => expect(eventsCalls().at(-1)!.get('sort')).toBe('-p95(transaction.duration)'));
  expect(screen.getByRole('columnheader', { name: /p95/ })).toHaveAttribute('aria-sort', 'descending');
  const search = screen.getByRole('combobox', { name: 'Search transactions' });
  await userEvent.type(search, 'transaction.op:http.server{Enter}');
  await waitFor(() => expect(eventsCalls().at(-1)!.get('query')).toBe('transaction.op:http.server'));
  await userEvent.click(screen.getByRole('button', { name: 'Next →' }));
  await waitFor(() => expect(eventsCalls().at(-1)!.get('cursor')).toBe('0:50:0'));
  expect(eventsCalls().at(-1)!.get('sort')).toBe('-p95(transaction.duration)');
});

test('the Apdex threshold is the project’s and saving a new one asks again with it', async () => {
  let threshold = 250;
  const calls = mockApi({
    ...BASE,
    'GET /api/0/projects/faultline/shop/transaction-threshold/configure/': () => json({ id: '1', threshold: String(threshold), metric: 'duration' }),
    'POST /api/0/projects/faultline/shop/transaction-threshold/configure/': (_url: URL, init: RequestInit) => {
      threshold = JSON.parse(String(init.body)).threshold;
      return json({ id: '1', threshold: String(threshold), metric: 'duration' });
    },
    'GET /api/0/organizations/faultline/events/': eventsRoute(() => threshold),
  });
  renderAt('/performance', '/performance', <TransactionsPage />);
  await screen.findByRole('table', { name: 'Transactions' });
  const input = screen.getByRole('spinbutton');
  expect(input).toHaveValue(250);
  await userEvent.clear(input);
  await userEvent.type(input, '500');
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('Saved: Apdex uses 500 ms.')).toBeInTheDocument();
  const post = calls.find((call) => call.method === 'POST')!;
  expect(JSON.parse(String(post.init.body))).toEqual({ threshold: 500, metric: 'duration' });
  await waitFor(() =>
    expect(calls.filter((call) => call.url.pathname.endsWith('/events/')).at(-1)!.url.searchParams.getAll('field')).toContain('apdex(500)'),
  );
});

test('without transactions it says how to turn tracing on for the project’s platform', async () => {
  mockApi({ ...BASE, 'GET /api/0/organizations/faultline/events/': eventsTable([]) });
  renderAt('/performance?project=web', '/performance', <TransactionsPage />);
  expect(await screen.findByText('No transactions in this time range')).toBeInTheDocument();
  expect(screen.getByText(/browserTracingIntegration\(\)/)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'The DSN and setup snippet of Web' })).toHaveAttribute('href', '/projects/web');
});

test("a search the server rejects shows the server's message under the bar", async () => {
  mockApi({ ...BASE, 'GET /api/0/organizations/faultline/events/': () => json({ detail: 'Unknown field: transaction.nope' }, 400) });
  renderAt('/performance?query=transaction.nope:1', '/performance', <TransactionsPage />);
  expect(await screen.findByText('Unknown field: transaction.nope')).toBeInTheDocument();
  expect(screen.getByText('Fix the search to see transactions.')).toBeInTheDocument();
});

test('a transaction opens its summary', async () => {
  mockApi({ ...BASE, 'GET /api/0/organizations/faultline/events/': eventsRoute(() => 300) });
  renderAt('/performance', '/performance', <TransactionsPage />, [
    <Route key="s" path="/performance/summary" element={<TransactionSummaryPage />} />,
  ]);
  await userEvent.click(await screen.findByRole('link', { name: 'GET /api/cart' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'GET /api/cart' })).toBeInTheDocument();
});
