import { screen, within } from '@testing-library/react';
import { Route } from 'react-router';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { event, issue } from '../../../test/fixtures';
import { json, mockApi, renderAt } from '../../../test/render';
import { IssueDetailPage } from './IssueDetailPage';

vi.mock('../../../ui/chart/TimeSeriesChart', () => ({
  TimeSeriesChart: ({ series }: { series: unknown[] }) => <span data-testid="chart">{series.length} buckets</span>,
}));

afterEach(() => vi.unstubAllGlobals());

function api(overrides: Record<string, unknown> = {}) {
  return mockApi({
    'GET /api/0/issues/7/': issue({ stats: { '30d': [[1700000000, 5], [1700086400, 1]], '24h': [[1700000000, 2]] } }),
    'GET /api/0/issues/7/events/latest/': event({ previousEventID: 'e0', nextEventID: null }),
    'GET /api/0/issues/7/events/e0/': event({ id: 'e0', eventID: 'e0', previousEventID: null, nextEventID: 'e1' }),
    ...overrides,
  });
}

test('shows the issue, its graph and the latest event with stack trace, breadcrumbs, request, user, tags and contexts', async () => {
  api();
  renderAt('/issues/7', '/issues/:issueId', <IssueDetailPage />);
  expect(await screen.findByRole('heading', { level: 1, name: /Checkout failed/ })).toBeInTheDocument();
  expect(screen.getByText('checkout(app.js)')).toBeInTheDocument();
  expect(screen.getByTestId('chart')).toHaveTextContent('1 buckets');
  expect(screen.getAllByRole('button', { name: /^(24h|30d)$/ }).map((b) => b.textContent)).toEqual(['24h', '30d']);
  await userEvent.click(screen.getByRole('button', { name: '30d' }));
  expect(screen.getByTestId('chart')).toHaveTextContent('2 buckets');

  const exception = await screen.findByRole('region', { name: 'Exception' });
  // The outer exception first, then its cause.
  const titles = within(exception).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
  expect(titles).toEqual(['Error: Checkout failed', 'Error: Connection reset by peer']);
  expect(within(exception).getByText('Caused by')).toBeInTheDocument();
  // In-app frames only until the toggle, newest call first, with context lines.
  expect(within(exception).getAllByTestId('frame').map((f) => f.textContent)).toEqual([
    expect.stringContaining('app.js:20 in checkout'),
    expect.stringContaining('app.js:12 in chargeCard'),
  ]);
  expect(within(exception).getByText(/throw new Error\(`Connection reset`\)/)).toBeInTheDocument();
  await userEvent.click(within(exception).getByLabelText('Show all frames'));
  expect(within(exception).getAllByTestId('frame')).toHaveLength(3);
  expect(within(exception).getByText('node:internal/timers:569')).toBeInTheDocument();

  expect(screen.getByTestId('breadcrumb')).toHaveTextContent('ui.click');
  expect(screen.getByTestId('breadcrumb')).toHaveTextContent('Clicked checkout');
  expect(screen.getByRole('region', { name: 'Request' })).toHaveTextContent('POST https://shop.example/checkout');
  expect(screen.getByRole('region', { name: 'User' })).toHaveTextContent('alice@example.com');
  expect(screen.getByRole('region', { name: 'Tags' })).toHaveTextContent('featurecheckout');
  expect(screen.getByRole('region', { name: 'Contexts' })).toHaveTextContent('Linux');
  expect(screen.getByRole('region', { name: 'Event summary' })).toHaveTextContent('shop@1.0.0');
  expect(screen.getByText('Raw event JSON')).toBeInTheDocument();
});

test('navigates to older and newer events', async () => {
  const calls = api();
  renderAt('/issues/7', '/issues/:issueId', <IssueDetailPage />);
  await screen.findByRole('region', { name: 'Exception' });
  expect(screen.getByRole('button', { name: 'Newer →' })).toBeDisabled();
  await userEvent.click(screen.getByRole('button', { name: '← Older' }));
  await vi.waitFor(() => expect(calls.at(-1)!.url.pathname).toBe('/api/0/issues/7/events/e0/'));
  expect(await screen.findByRole('button', { name: 'Newer →' })).toBeEnabled();
  expect(screen.getByRole('button', { name: '← Older' })).toBeDisabled();
});

test('resolve calls the API and the page follows the new status', async () => {
  let status = 'unresolved';
  const calls = api({
    'GET /api/0/issues/7/': () => json(issue({ status })),
    'PUT /api/0/issues/7/': (_url: URL, init: RequestInit) => {
      status = JSON.parse(String(init.body)).status;
      return json({ status });
    },
  });
  renderAt('/issues/7', '/issues/:issueId', <IssueDetailPage />);
  await userEvent.click(await screen.findByRole('button', { name: 'Resolve' }));
  expect(await screen.findByRole('button', { name: 'Unresolve' })).toBeInTheDocument();
  expect(calls.find((c) => c.method === 'PUT')!.init.body).toBe('{"status":"resolved"}');
  await userEvent.click(screen.getByRole('button', { name: 'Unresolve' }));
  expect(await screen.findByRole('button', { name: /^Ignore/ })).toBeInTheDocument();
});

test('a missing issue shows an error instead of a blank page', async () => {
  mockApi({});
  renderAt('/issues/404', '/issues/:issueId', <IssueDetailPage />);
  expect(await screen.findByRole('alert')).toHaveTextContent('does not exist');
});

test('an event that fails to load leaves the issue visible', async () => {
  api({ 'GET /api/0/issues/7/events/latest/': () => json({ detail: 'Event store unavailable' }, 503) });
  renderAt('/issues/7', '/issues/:issueId', <IssueDetailPage />);
  expect(await screen.findByRole('alert')).toHaveTextContent('Event store unavailable');
  expect(screen.getByRole('heading', { level: 1, name: /Checkout failed/ })).toBeInTheDocument();
});

test('a message event shows its message and the stack of its crashed thread', async () => {
  api({
    'GET /api/0/issues/7/events/latest/': event({
      entries: [
        { type: 'message', data: { formatted: 'Cart cart-77 holds 3 items' } },
        {
          type: 'threads',
          data: {
            values: [
              { name: 'worker', current: false, stacktrace: { frames: [{ filename: 'Worker.java', lineNo: 3, inApp: true }] } },
              { name: 'main', crashed: true, stacktrace: { frames: [{ filename: 'Main.java', lineNo: 9, function: 'run', inApp: true }] } },
            ],
          },
        },
      ],
    }),
  });
  renderAt('/issues/7', '/issues/:issueId', <IssueDetailPage />);
  expect(await screen.findByRole('region', { name: 'Message' })).toHaveTextContent('Cart cart-77 holds 3 items');
  const stack = screen.getByRole('region', { name: 'Stack trace' });
  expect(stack).toHaveTextContent('thread main');
  expect(within(stack).getByTestId('frame')).toHaveTextContent('Main.java:9 in run');
});

test('a merged-away id shows its parent at the parent\'s address', async () => {
  // fetch followed the API's 302: the answer for issue 5 is issue 7.
  api({ 'GET /api/0/issues/5/': issue({ id: '7', title: 'Error: Parent issue' }), 'GET /api/0/issues/5/events/latest/': event() });
  renderAt('/issues/5', '/issues/:issueId', <IssueDetailPage />, [
    <Route key="parent" path="/issues/7" element={<p>parent page</p>} />,
  ]);
  expect(await screen.findByText('parent page')).toBeInTheDocument();
});

test('the events tab searches the issue\'s events and links to each', async () => {
  const calls = api({
    'GET /api/0/issues/7/events/': (url: URL) =>
      json(
        url.searchParams.get('query') === 'release:2.0'
          ? [event({ eventID: 'abcdef123456', message: 'only the 2.0 one' })]
          : [event({ eventID: 'e1' }), event({ eventID: 'e0' })],
      ),
  });
  renderAt('/issues/7?tab=events', '/issues/:issueId', <IssueDetailPage />);
  expect(await screen.findAllByTestId('event-row')).toHaveLength(2);
  await userEvent.type(screen.getByRole('combobox', { name: 'Search events' }), 'release:2.0{Escape}{Enter}');
  expect(await screen.findByText('only the 2.0 one')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'abcdef12' })).toHaveAttribute('href', '/issues/7?event=abcdef123456');
  expect(calls.filter((c) => c.url.pathname === '/api/0/issues/7/events/').at(-1)!.url.searchParams.get('query')).toBe('release:2.0');
});

test('the events tab pages through older events with the API\'s cursors', async () => {
  const link = (next: boolean) =>
    `<http://localhost/api/0/issues/7/events/?cursor=0:0:1>; rel="previous"; results="${!next}"; cursor="0:0:1", ` +
    `<http://localhost/api/0/issues/7/events/?cursor=0:100:0>; rel="next"; results="${next}"; cursor="0:100:0"`;
  const calls = api({
    'GET /api/0/issues/7/events/': (url: URL) =>
      url.searchParams.get('cursor') === '0:100:0'
        ? json([event({ eventID: 'old1', message: 'an older event' })], 200, { Link: link(false) })
        : json([event({ eventID: 'new1', message: 'a newer event' })], 200, { Link: link(true) }),
  });
  renderAt('/issues/7?tab=events', '/issues/:issueId', <IssueDetailPage />);
  expect(await screen.findByText('a newer event')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '← Newer' })).toBeDisabled();
  await userEvent.click(screen.getByRole('button', { name: 'Older →' }));
  expect(await screen.findByText('an older event')).toBeInTheDocument();
  expect(calls.filter((c) => c.url.pathname === '/api/0/issues/7/events/').at(-1)!.url.searchParams.get('cursor')).toBe('0:100:0');
  expect(screen.getByRole('button', { name: 'Older →' })).toBeDisabled();
});

test('merged hashes are listed and chosen ones unmerged', async () => {
  const calls = api({
    'GET /api/0/issues/7/hashes/': [
      { id: 'aaa111', eventCount: 3, latestEvent: { eventID: 'e1' } },
      { id: 'bbb222', eventCount: 2, latestEvent: null },
    ],
    'PUT /api/0/issues/7/hashes/': () => json(undefined, 202),
  });
  renderAt('/issues/7?tab=merged', '/issues/:issueId', <IssueDetailPage />);
  await userEvent.click(await screen.findByRole('checkbox', { name: /bbb222/ }));
  await userEvent.click(screen.getByRole('button', { name: /Unmerge/ }));
  expect(await screen.findByText('The hashes are moving to a new issue.')).toBeInTheDocument();
  expect(calls.find((c) => c.method === 'PUT')!.url.searchParams.getAll('id')).toEqual(['bbb222']);
});
