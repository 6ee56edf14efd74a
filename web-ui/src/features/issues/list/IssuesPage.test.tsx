import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { ORG, PROJECT, issue } from '../../../test/fixtures';
import { json, mockApi, renderAt } from '../../../test/render';
import { IssuesPage } from './IssuesPage';

vi.mock('../../../ui/chart/TimeSeriesChart', () => ({
  TimeSeriesChart: ({ series }: { series: unknown[] }) => <span data-testid="sparkline">{series.length}</span>,
}));

afterEach(() => vi.unstubAllGlobals());

const issueCalls = (calls: ReturnType<typeof mockApi>) => calls.filter((c) => c.url.pathname.endsWith('/issues/'));

test('lists issues with counts, culprit and a sparkline, and pages with the Link cursors', async () => {
  const calls = mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/organizations/faultline/projects/': [PROJECT],
    'GET /api/0/organizations/faultline/issues/': () =>
      json([issue({ stats: { '24h': [[1700000000, 2], [1700003600, 1]] } })], 200, {
        Link: '<x>; rel="previous"; results="false"; cursor="0:0:1", <x>; rel="next"; results="true"; cursor="0:25:0"',
      }),
  });
  renderAt('/issues', '/issues', <IssuesPage />);
  const row = await screen.findByTestId('issue-row');
  expect(within(row).getByRole('link', { name: /Checkout failed/ })).toHaveAttribute('href', '/issues/7');
  expect(row).toHaveTextContent('checkout(app.js)');
  expect(row).toHaveTextContent('SHOP-1');
  expect(within(row).getByText('Shop')).toBeInTheDocument();
  expect(within(row).getByTestId('sparkline')).toHaveTextContent('2');
  expect(issueCalls(calls).at(-1)!.url.searchParams.get('query')).toBe('is:unresolved');
  expect(issueCalls(calls).at(-1)!.url.searchParams.get('sort')).toBe('date');

  expect(screen.getByRole('button', { name: '← Previous' })).toBeDisabled();
  await userEvent.click(screen.getByRole('button', { name: 'Next →' }));
  await vi.waitFor(() => expect(issueCalls(calls).at(-1)!.url.searchParams.get('cursor')).toBe('0:25:0'));
});

test('status tabs and sort change the query', async () => {
  const calls = mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/organizations/faultline/projects/': [PROJECT],
    'GET /api/0/organizations/faultline/issues/': [issue()],
  });
  renderAt('/issues', '/issues', <IssuesPage />);
  await screen.findByTestId('issue-row');
  await userEvent.click(screen.getByRole('tab', { name: 'Resolved' }));
  await vi.waitFor(() => expect(issueCalls(calls).at(-1)!.url.searchParams.get('query')).toBe('is:resolved'));
  await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'freq');
  await vi.waitFor(() => expect(issueCalls(calls).at(-1)!.url.searchParams.get('sort')).toBe('freq'));
  await userEvent.selectOptions(screen.getByLabelText('Project'), 'shop');
  await vi.waitFor(() => expect(issueCalls(calls).at(-1)!.url.searchParams.get('project')).toBe('1'));
  await vi.waitFor(() => expect(issueCalls(calls).at(-1)!.url.searchParams.get('sort')).toBe('freq'));
});

test('falls back to the project endpoint when the organization one is missing', async () => {
  const calls = mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/organizations/faultline/projects/': [PROJECT],
    'GET /api/0/projects/faultline/shop/issues/': [issue({ title: 'From the project endpoint' })],
  });
  renderAt('/issues?project=shop', '/issues', <IssuesPage />);
  expect(await screen.findByText('From the project endpoint')).toBeInTheDocument();
  expect(calls.some((c) => c.url.pathname === '/api/0/organizations/faultline/issues/')).toBe(true);
});

test('an empty project tells how to send the first event', async () => {
  mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/organizations/faultline/projects/': [PROJECT],
    'GET /api/0/organizations/faultline/issues/': [],
  });
  renderAt('/issues', '/issues', <IssuesPage />);
  expect(await screen.findByText(/Waiting for the first event/)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: /DSN and a setup snippet for Shop/ })).toHaveAttribute('href', '/projects/shop');
});

test('an API error shows an error with a retry, not a blank page', async () => {
  mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/organizations/faultline/projects/': [PROJECT],
    'GET /api/0/organizations/faultline/issues/': () => json({ detail: 'Database unavailable' }, 503),
  });
  renderAt('/issues', '/issues', <IssuesPage />);
  expect(await screen.findByRole('alert')).toHaveTextContent('Database unavailable');
  expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
});

test('environment and time-range pickers filter through event terms; rows show message, unhandled marker and the sparkline total', async () => {
  const calls = mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/organizations/faultline/projects/': [PROJECT],
    'GET /api/0/projects/faultline/shop/tags/environment/values/': [
      { key: 'environment', name: 'production', value: 'production', count: 3 },
      { key: 'environment', name: 'staging', value: 'staging', count: 2 },
    ],
    'GET /api/0/organizations/faultline/issues/': (url: URL) =>
      json([
        issue({
          isUnhandled: true,
          count: '40',
          metadata: { type: 'Error', value: 'Card declined for order 7' },
          stats: { [url.searchParams.get('statsPeriod')!]: [[1700000000, 2], [1700003600, 1]] },
          // The API counts the events matching the picked environment/time range as `filtered`.
          filtered: url.searchParams.get('query')!.includes('environment:') ? { count: '12' } : null,
        }),
      ]),
  });
  renderAt('/issues', '/issues', <IssuesPage />);
  const row = await screen.findByTestId('issue-row');
  expect(within(row).getByTestId('issue-message')).toHaveTextContent('Card declined for order 7');
  expect(within(row).getByTestId('unhandled')).toHaveTextContent('Unhandled');
  expect(within(row).getByTestId('sparkline-cell')).toHaveAttribute('data-total', '3');
  expect(screen.getByRole('columnheader', { name: 'Last 24h' })).toBeInTheDocument();
  expect(within(row).getByTestId('issue-count')).toHaveTextContent('40');

  await userEvent.selectOptions(await screen.findByLabelText('Environment'), 'staging');
  await vi.waitFor(() =>
    expect(issueCalls(calls).at(-1)!.url.searchParams.get('query')).toBe('is:unresolved environment:staging'),
  );
  // The Events column counts the environment's events; the lifetime count is in its title.
  await vi.waitFor(() => expect(screen.getByTestId('issue-count')).toHaveTextContent('12'));
  expect(screen.getByTestId('issue-count')).toHaveAttribute('title', '40 events in all');
  await userEvent.selectOptions(screen.getByLabelText('Time range'), '7d');
  await vi.waitFor(() =>
    expect(issueCalls(calls).at(-1)!.url.searchParams.get('query')).toBe('is:unresolved environment:staging timestamp:-7d'),
  );
  // A range longer than a day draws the 14-day sparkline.
  expect(issueCalls(calls).at(-1)!.url.searchParams.get('statsPeriod')).toBe('14d');
  expect(await screen.findByRole('columnheader', { name: 'Last 14d' })).toBeInTheDocument();
  // The search box keeps the user's query: the filters live in their pickers.
  expect(screen.getByLabelText('Search issues')).toHaveValue('is:unresolved');
});
