import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { ORG, PROJECT, event, issue } from '../../test/fixtures';
import { json, mockApi, renderAt } from '../../test/render';
import { IssueDetailPage } from './detail/IssueDetailPage';
import { IssuesPage } from './list/IssuesPage';
import { rememberIssueOrder } from './issueNavigation';

vi.mock('../../ui/chart/TimeSeriesChart', () => ({ TimeSeriesChart: () => null }));

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.unstubAllGlobals());

function listApi() {
  return mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/organizations/faultline/projects/': [PROJECT],
    'GET /api/0/organizations/faultline/issues/': [
      issue({ id: '7', shortId: 'SHOP-1' }),
      issue({ id: '8', shortId: 'SHOP-2', title: 'TypeError: x' }),
      issue({ id: '9', shortId: 'SHOP-3', title: 'RangeError: y' }),
    ],
    'PUT /api/0/organizations/faultline/issues/': (_url: URL, init: RequestInit) => json(JSON.parse(String(init.body))),
  });
}

const focusedRow = () => document.querySelector('[data-testid="issue-row"][aria-current="true"]')?.getAttribute('data-issue-id');
const puts = (calls: ReturnType<typeof mockApi>) =>
  calls.filter((c) => c.method === 'PUT').map((c) => ({ ids: c.url.searchParams.getAll('id'), body: JSON.parse(String(c.init.body)) }));

test('on the list j/k move the focus, x selects, r resolves the selection, i ignores the focused issue', async () => {
  const calls = listApi();
  renderAt('/issues', '/issues', <IssuesPage />);
  await screen.findAllByTestId('issue-row');
  await userEvent.keyboard('j');
  expect(focusedRow()).toBe('7');
  await userEvent.keyboard('jjj');
  expect(focusedRow()).toBe('9');
  await userEvent.keyboard('k');
  expect(focusedRow()).toBe('8');
  await userEvent.keyboard('x');
  expect(screen.getByRole('checkbox', { name: 'Select SHOP-2' })).toBeChecked();
  await userEvent.keyboard('kx');
  await userEvent.keyboard('r');
  await vi.waitFor(() => expect(puts(calls)).toEqual([{ ids: ['8', '7'], body: { status: 'resolved' } }]));
  await vi.waitFor(() => expect(screen.getByRole('checkbox', { name: 'Select SHOP-2' })).not.toBeChecked());
  // Nothing selected: the focused issue.
  await userEvent.keyboard('i');
  await vi.waitFor(() => expect(puts(calls).at(-1)).toEqual({ ids: ['7'], body: { status: 'ignored' } }));
});

test('Enter opens the focused issue; keys typed into the search bar are text; / focuses it; ? shows the help', async () => {
  const calls = listApi();
  renderAt('/issues', '/issues', <IssuesPage />, [<Route key="d" path="/issues/:issueId" element={<p>detail page</p>} />]);
  await screen.findAllByTestId('issue-row');
  await userEvent.keyboard('/');
  const search = screen.getByRole('combobox', { name: 'Search issues' });
  expect(search).toHaveFocus();
  await userEvent.keyboard(' jrx?');
  expect(search).toHaveValue('is:unresolved jrx?');
  expect(focusedRow()).toBeUndefined();
  expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  expect(screen.queryByRole('dialog')).toBeNull();
  search.blur();

  await userEvent.keyboard('?');
  expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveTextContent('Resolve the selected');
  await userEvent.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).toBeNull();

  await userEvent.keyboard('jj{Enter}');
  expect(await screen.findByText('detail page')).toBeInTheDocument();
});

function detailApi() {
  let current = issue({ id: '8' });
  return mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/issues/8/': () => json(current),
    'GET /api/0/issues/8/events/latest/': event({ eventID: 'e1', previousEventID: 'e0', nextEventID: null }),
    'GET /api/0/issues/8/events/e0/': event({ eventID: 'e0', previousEventID: null, nextEventID: 'e1' }),
    'GET /api/0/issues/8/events/e1/': event({ eventID: 'e1', previousEventID: 'e0', nextEventID: null }),
    'PUT /api/0/issues/8/': (_url: URL, init: RequestInit) => {
      current = { ...current, ...JSON.parse(String(init.body)) };
      return json(current);
    },
  });
}

test('on the detail r resolves and n goes to the next issue of the list', async () => {
  const calls = detailApi();
  rememberIssueOrder(['7', '8', '9']);
  renderAt('/issues/8', '/issues/:issueId', <IssueDetailPage />, [
    <Route key="7" path="/issues/7" element={<p>issue 7</p>} />,
    <Route key="9" path="/issues/9" element={<p>issue 9</p>} />,
  ]);
  await screen.findByRole('heading', { level: 1 });
  await userEvent.keyboard('r');
  await vi.waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.init.body).toBe('{"status":"resolved"}'));
  await screen.findByRole('button', { name: 'Unresolve' });
  await userEvent.keyboard('n');
  expect(await screen.findByText('issue 9')).toBeInTheDocument();
});

test('on the detail p goes to the previous issue, and without a known list n / p walk the events', async () => {
  detailApi();
  renderAt('/issues/8', '/issues/:issueId', <IssueDetailPage />);
  await screen.findByRole('heading', { level: 1 });
  await screen.findByRole('region', { name: 'Exception' });
  await userEvent.keyboard('p');
  await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Newer →' })).toBeEnabled());
  expect(screen.getByRole('button', { name: '← Older' })).toBeDisabled();
  await userEvent.keyboard('n');
  await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Newer →' })).toBeDisabled());

  rememberIssueOrder(['7', '8']);
  await userEvent.keyboard('?');
  expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveTextContent('Next / previous issue');
});
