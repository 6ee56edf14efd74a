import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { ORG, PROJECT, issue } from '../../../test/fixtures';
import { json, mockApi, renderAt } from '../../../test/render';
import { IssuesPage } from './IssuesPage';

vi.mock('../../../ui/chart/TimeSeriesChart', () => ({ TimeSeriesChart: () => null }));

afterEach(() => vi.unstubAllGlobals());

const ISSUES = [
  issue({ id: '7', shortId: 'SHOP-1', assignedTo: { type: 'user', id: '3', name: 'Ada', email: 'ada@example.com' }, isBookmarked: true, numComments: 2 }),
  issue({ id: '8', shortId: 'SHOP-2', title: 'TypeError: x is undefined' }),
  issue({ id: '9', shortId: 'SHOP-3', title: 'RangeError: too deep' }),
];

function api() {
  return mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/organizations/faultline/projects/': [PROJECT],
    'GET /api/0/organizations/faultline/issues/': ISSUES,
    'PUT /api/0/organizations/faultline/issues/': (_url: URL, init: RequestInit) => json(JSON.parse(String(init.body))),
    'DELETE /api/0/projects/faultline/shop/issues/': () => json(undefined, 204),
    'GET /api/0/organizations/faultline/members/': [
      { id: '3', email: 'ada@example.com', name: 'Ada', role: 'owner', user: { id: '3', email: 'ada@example.com', name: 'Ada' } },
    ],
    'GET /api/0/organizations/faultline/teams/': [{ id: '2', slug: 'backend', name: 'Backend' }],
  });
}

async function selectRows(...shortIds: string[]) {
  for (const shortId of shortIds) {
    await userEvent.click(await screen.findByRole('checkbox', { name: `Select ${shortId}` }));
  }
}

function lastPut(calls: ReturnType<typeof mockApi>) {
  const put = calls.filter((c) => c.method === 'PUT').at(-1)!;
  return { ids: put.url.searchParams.getAll('id'), body: JSON.parse(String(put.init.body)) };
}

test('rows show the assignee, the bookmark star and the comment count', async () => {
  api();
  renderAt('/issues', '/issues', <IssuesPage />);
  const [first, second] = await screen.findAllByTestId('issue-row');
  expect(within(first).getByTestId('issue-assignee')).toHaveTextContent('Ada');
  expect(within(first).getByRole('img', { name: 'Bookmarked' })).toBeInTheDocument();
  expect(within(first).getByText('2 comments')).toBeInTheDocument();
  expect(within(second).getByTestId('issue-assignee')).toHaveTextContent('Unassigned');
  expect(within(second).queryByRole('img', { name: 'Bookmarked' })).toBeNull();
});

test('resolve sends one PUT with the selected ids and the status', async () => {
  const calls = api();
  renderAt('/issues', '/issues', <IssuesPage />);
  await selectRows('SHOP-1', 'SHOP-3');
  expect(screen.getByText('2 selected')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Resolve' }));
  await vi.waitFor(() => expect(lastPut(calls)).toEqual({ ids: ['7', '9'], body: { status: 'resolved' } }));
  // The selection is cleared after the change.
  await vi.waitFor(() => expect(screen.getByText('Select issues to act on them')).toBeInTheDocument());
});

test('select all on the page, then resolve in the next release, ignore variants, bookmark and unresolve', async () => {
  const calls = api();
  renderAt('/issues', '/issues', <IssuesPage />);
  const selectAll = await screen.findByRole('checkbox', { name: 'Select all issues on this page' });
  const again = async () => {
    await vi.waitFor(() => expect(screen.getByText('Select issues to act on them')).toBeInTheDocument());
    await userEvent.click(selectAll);
  };
  await userEvent.click(selectAll);
  expect(screen.getByText('3 selected')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: /More resolve/ }));
  await userEvent.click(screen.getByRole('menuitem', { name: 'Resolve in the next release' }));
  await vi.waitFor(() =>
    expect(lastPut(calls)).toEqual({ ids: ['7', '8', '9'], body: { status: 'resolved', statusDetails: { inNextRelease: true } } }),
  );

  const cases: Array<[string, object]> = [
    ['Ignore forever', { status: 'ignored' }],
    ['Ignore for 30 minutes', { status: 'ignored', statusDetails: { ignoreDuration: 30 } }],
    ['Ignore for 2 hours', { status: 'ignored', statusDetails: { ignoreDuration: 120 } }],
    ['Ignore for 24 hours', { status: 'ignored', statusDetails: { ignoreDuration: 1440 } }],
    ['Ignore until 10 more events', { status: 'ignored', statusDetails: { ignoreCount: 10 } }],
    ['Ignore until 100 more events', { status: 'ignored', statusDetails: { ignoreCount: 100 } }],
  ];
  for (const [label, body] of cases) {
    await again();
    await userEvent.click(screen.getByRole('button', { name: /^Ignore/ }));
    await userEvent.click(screen.getByRole('menuitem', { name: label }));
    await vi.waitFor(() => expect(lastPut(calls).body).toEqual(body));
  }
  await again();
  await userEvent.click(screen.getByRole('button', { name: 'Bookmark' }));
  await vi.waitFor(() => expect(lastPut(calls).body).toEqual({ isBookmarked: true }));
  await again();
  await userEvent.click(screen.getByRole('button', { name: 'Unresolve' }));
  await vi.waitFor(() => expect(lastPut(calls).body).toEqual({ status: 'unresolved' }));
});

test('assign to a member or a team, or unassign', async () => {
  const calls = api();
  renderAt('/issues', '/issues', <IssuesPage />);
  await selectRows('SHOP-2');
  const select = screen.getByRole('combobox', { name: 'Assign selected issues' });
  await vi.waitFor(() => expect(within(select).getByRole('option', { name: 'Ada' })).toBeInTheDocument());
  await userEvent.selectOptions(select, 'Ada');
  await vi.waitFor(() => expect(lastPut(calls)).toEqual({ ids: ['8'], body: { assignedTo: 'user:3' } }));
  await selectRows('SHOP-2');
  await userEvent.selectOptions(select, '#backend');
  await vi.waitFor(() => expect(lastPut(calls).body).toEqual({ assignedTo: 'team:2' }));
  await selectRows('SHOP-2');
  await userEvent.selectOptions(select, 'Unassign');
  await vi.waitFor(() => expect(lastPut(calls).body).toEqual({ assignedTo: '' }));
});

test('merge needs two issues and a confirmation', async () => {
  const calls = api();
  renderAt('/issues', '/issues', <IssuesPage />);
  await selectRows('SHOP-1');
  expect(screen.getByRole('button', { name: 'Merge' })).toBeDisabled();
  await selectRows('SHOP-2');
  await userEvent.click(screen.getByRole('button', { name: 'Merge' }));
  expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  await userEvent.click(screen.getByRole('button', { name: 'Confirm merge' }));
  await vi.waitFor(() => expect(lastPut(calls)).toEqual({ ids: ['7', '8'], body: { merge: 1 } }));
});

test('delete sends a DELETE per project; delete & discard a PUT with discard, both after confirming', async () => {
  const calls = api();
  renderAt('/issues', '/issues', <IssuesPage />);
  await selectRows('SHOP-1', 'SHOP-2');
  await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
  await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
  await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
  await userEvent.click(screen.getByRole('button', { name: 'Confirm delete' }));
  await vi.waitFor(() => {
    const remove = calls.find((c) => c.method === 'DELETE')!;
    expect(remove.url.pathname).toBe('/api/0/projects/faultline/shop/issues/');
    expect(remove.url.searchParams.getAll('id')).toEqual(['7', '8']);
  });
  await vi.waitFor(() => expect(screen.getByText('Select issues to act on them')).toBeInTheDocument());
  await selectRows('SHOP-3');
  await userEvent.click(screen.getByRole('button', { name: 'Delete & discard' }));
  await userEvent.click(screen.getByRole('button', { name: 'Confirm delete & discard' }));
  await vi.waitFor(() => expect(lastPut(calls)).toEqual({ ids: ['9'], body: { discard: true } }));
});
