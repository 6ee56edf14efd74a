import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { ORG, PROJECT, issue } from '../../../test/fixtures';
import { json, mockApi, renderAt } from '../../../test/render';
import { IssuesPage } from './IssuesPage';

vi.mock('../../../ui/chart/TimeSeriesChart', () => ({ TimeSeriesChart: () => null }));

afterEach(() => vi.unstubAllGlobals());

test('lists saved searches, applies one, saves the current query and deletes an own one', async () => {
  let searches = [
    { id: '1', type: 0, name: 'Mine', query: 'is:unresolved assigned:me', sort: 'freq', visibility: 'owner', isGlobal: false },
    { id: '2', type: 0, name: 'Needs triage', query: 'is:unresolved is:unassigned', visibility: 'organization', isGlobal: true },
  ];
  const calls = mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/organizations/faultline/projects/': [PROJECT],
    'GET /api/0/organizations/faultline/issues/': [issue()],
    'GET /api/0/organizations/faultline/searches/': () => json(searches),
    'POST /api/0/organizations/faultline/searches/': (_url: URL, init: RequestInit) => {
      const created = { id: '3', ...JSON.parse(String(init.body)) };
      searches = [...searches, created];
      return json(created, 201);
    },
    'DELETE /api/0/organizations/faultline/searches/1/': () => {
      searches = searches.filter((s) => s.id !== '1');
      return json(undefined, 204);
    },
  });
  renderAt('/issues', '/issues', <IssuesPage />);
  await userEvent.click(await screen.findByRole('button', { name: 'Mine' }));
  const issueCalls = () => calls.filter((c) => c.url.pathname === '/api/0/organizations/faultline/issues/');
  await vi.waitFor(() => expect(issueCalls().at(-1)!.url.searchParams.get('query')).toBe('is:unresolved assigned:me'));
  expect(issueCalls().at(-1)!.url.searchParams.get('sort')).toBe('freq');
  expect(screen.getByRole('combobox', { name: 'Search issues' })).toHaveValue('is:unresolved assigned:me');
  // Only one's own searches can be deleted.
  expect(screen.queryByRole('button', { name: 'Delete saved search Needs triage' })).toBeNull();

  await userEvent.click(screen.getByRole('button', { name: 'Save current search' }));
  await userEvent.type(screen.getByRole('textbox', { name: 'Name of the saved search' }), 'My frequent');
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByRole('button', { name: 'My frequent' })).toBeInTheDocument();
  const post = calls.find((c) => c.method === 'POST')!;
  expect(JSON.parse(String(post.init.body))).toEqual({
    type: 0,
    visibility: 'owner',
    name: 'My frequent',
    query: 'is:unresolved assigned:me',
    sort: 'freq',
  });

  await userEvent.click(screen.getByRole('button', { name: 'Delete saved search Mine' }));
  await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Mine' })).toBeNull());
});
