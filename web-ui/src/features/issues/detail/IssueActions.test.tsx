import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import type { Issue } from '../../../api/models';
import { ORG, issue } from '../../../test/fixtures';
import { json, mockApi, renderAt } from '../../../test/render';
import { IssueActions } from './IssueActions';

afterEach(() => vi.unstubAllGlobals());

const ADA = { id: '3', email: 'ada@example.com', name: 'Ada' };

function api(start: Partial<Issue> = {}) {
  const calls = mockApi({
    'GET /api/0/organizations/faultline/members/': [{ id: '3', email: ADA.email, name: 'Ada', role: 'owner', user: ADA }],
    'GET /api/0/organizations/faultline/teams/': [{ id: '2', slug: 'backend', name: 'Backend' }],
    'PUT /api/0/issues/7/': (_url: URL, init: RequestInit) => json({ ...issue(start), ...JSON.parse(String(init.body)) }),
  });
  return calls;
}

const bodies = (calls: ReturnType<typeof mockApi>) => calls.filter((c) => c.method === 'PUT').map((c) => JSON.parse(String(c.init.body)));

test('resolve in the next release and in a release given by version', async () => {
  const calls = api();
  renderAt('/', '/', <IssueActions issue={issue()} org={ORG.slug} />);
  expect(screen.getByTestId('status-details')).toHaveTextContent('Unresolved');
  await userEvent.click(screen.getByRole('button', { name: /Resolve in…/ }));
  await userEvent.click(screen.getByRole('menuitem', { name: 'The next release' }));
  await userEvent.click(screen.getByRole('button', { name: /Resolve in…/ }));
  await userEvent.click(screen.getByRole('menuitem', { name: 'A release…' }));
  await userEvent.type(screen.getByRole('textbox', { name: 'Release version' }), '1.2.0');
  await userEvent.click(screen.getByRole('button', { name: 'Resolve in this release' }));
  await vi.waitFor(() =>
    expect(bodies(calls)).toEqual([
      { status: 'resolved', statusDetails: { inNextRelease: true } },
      { status: 'resolved', statusDetails: { inRelease: '1.2.0' } },
    ]),
  );
});

test('ignore variants, assign, bookmark and subscribe', async () => {
  const calls = api();
  renderAt('/', '/', <IssueActions issue={issue()} org={ORG.slug} />);
  await userEvent.click(screen.getByRole('button', { name: /^Ignore/ }));
  await userEvent.click(screen.getByRole('menuitem', { name: 'Ignore until 100 more events' }));
  await vi.waitFor(() => expect(screen.getByRole('option', { name: 'Ada' })).toBeInTheDocument());
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Assignee' }), 'Ada');
  await userEvent.click(screen.getByRole('button', { name: '☆ Bookmark' }));
  await userEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
  await vi.waitFor(() =>
    expect(bodies(calls)).toEqual([
      { status: 'ignored', statusDetails: { ignoreCount: 100 } },
      { assignedTo: 'user:3' },
      { isBookmarked: true },
      { isSubscribed: true },
    ]),
  );
});

test('status details say how and by whom; a resolved issue offers unresolve; the assignee is shown', async () => {
  const calls = api();
  const resolved = issue({
    status: 'resolved',
    statusDetails: { inRelease: '1.2.0', actor: ADA },
    assignedTo: { type: 'team', id: '2', name: 'backend' },
    isBookmarked: true,
  });
  const { unmount } = renderAt('/', '/', <IssueActions issue={resolved} org={ORG.slug} />);
  expect(screen.getByTestId('status-details')).toHaveTextContent('Resolved in release 1.2.0 by Ada');
  await vi.waitFor(() => expect(screen.getByRole('combobox', { name: 'Assignee' })).toHaveValue('team:2'));
  expect(screen.getByRole('button', { name: '★ Bookmarked' })).toHaveAttribute('aria-pressed', 'true');
  await userEvent.click(screen.getByRole('button', { name: 'Unresolve' }));
  await vi.waitFor(() => expect(bodies(calls)).toEqual([{ status: 'unresolved' }]));
  unmount();

  renderAt('/', '/', <IssueActions issue={issue({ status: 'ignored', statusDetails: { ignoreCount: 10, ignoreWindow: 60 } })} org={ORG.slug} />);
  expect(screen.getByTestId('status-details')).toHaveTextContent('Ignored until 10 more events in 1 h');
  expect(screen.getByRole('button', { name: 'Stop ignoring' })).toBeInTheDocument();
});
