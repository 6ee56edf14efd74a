import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { json, mockApi, renderAt } from '../../test/render';
import { ORG, PROJECT } from '../../test/fixtures';
import { ReleasesPage } from './ReleasesPage';
import { combinedHealth, formatPercentage } from './api';
import { health, release } from '../../test/releaseFixtures';

afterEach(() => vi.unstubAllGlobals());

const BASE = {
  'GET /api/0/organizations/': [ORG],
  'GET /api/0/organizations/faultline/projects/': [PROJECT, { id: '2', slug: 'web', name: 'Web', platform: 'javascript' }],
};

test('lists releases with adoption, crash-free rates, new issues and the last deploy', async () => {
  const calls = mockApi({
    ...BASE,
    'GET /api/0/organizations/faultline/releases/': (url: URL) =>
      json(
        [
          release(
            'shop@2.0.0',
            {
              newGroups: 3,
              lastDeploy: { id: '1', environment: 'production', name: null, url: null, dateStarted: null, dateFinished: '2026-12-01T11:00:00Z' },
            },
            { hasHealthData: true, totalSessions: 40, sessionsCrashed: 3, crashFreeSessions: 92.5, crashFreeUsers: 87.5, adoption: 62.5 },
          ),
          release('shop@1.0.0'),
        ],
        200,
        url.searchParams.get('cursor') ? {} : { Link: '<http://x/?cursor=0:25:0>; rel="next"; results="true"; cursor="0:25:0"' },
      ),
  });
  renderAt('/releases', '/releases', <ReleasesPage />);
  const table = await screen.findByRole('table', { name: 'Releases' });
  const rows = within(table).getAllByRole('row');
  expect(rows[1]).toHaveTextContent('shop@2.0.0');
  expect(rows[1]).toHaveTextContent('62.5%');
  expect(rows[1]).toHaveTextContent('92.5%');
  expect(rows[1]).toHaveTextContent('87.5%');
  expect(rows[1]).toHaveTextContent('production');
  expect(within(rows[1]).getByRole('link', { name: 'shop@2.0.0' })).toHaveAttribute('href', '/releases/shop%402.0.0/');
  expect(rows[2]).toHaveTextContent('—');
  const request = calls.find((call) => call.url.pathname.endsWith('/releases/'))!.url.searchParams;
  expect(request.get('health')).toBe('1');
  expect(request.get('sort')).toBeNull();
  expect(screen.getByRole('button', { name: /Next/ })).toBeEnabled();
});

test('sorting by crash-free sessions and filtering by project ask the server', async () => {
  const calls = mockApi({ ...BASE, 'GET /api/0/organizations/faultline/releases/': [release('web@1.0.0')] });
  renderAt('/releases?project=web', '/releases', <ReleasesPage />);
  await screen.findByRole('table', { name: 'Releases' });
  await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'crash_free_sessions');
  await screen.findByRole('table', { name: 'Releases' });
  const last = calls.filter((call) => call.url.pathname.endsWith('/releases/')).at(-1)!.url.searchParams;
  expect(last.get('sort')).toBe('crash_free_sessions');
  expect(last.get('project')).toBe('2');
});

test('without releases it says how to create one', async () => {
  mockApi({ ...BASE, 'GET /api/0/organizations/faultline/releases/': [] });
  renderAt('/releases', '/releases', <ReleasesPage />);
  expect(await screen.findByText('No releases yet')).toBeInTheDocument();
  expect(screen.getByText(/sentry-cli releases new/)).toBeInTheDocument();
});

test('combined health adds sessions across projects and formats percentages', () => {
  const two = release('x@1', {
    projects: [
      { id: '1', slug: 'a', name: 'A', platform: null, newGroups: 0, hasHealthData: true, healthData: health({ totalSessions: 30, sessionsCrashed: 3, crashFreeUsers: 90, adoption: 10 }) },
      { id: '2', slug: 'b', name: 'B', platform: null, newGroups: 0, hasHealthData: true, healthData: health({ totalSessions: 10, sessionsCrashed: 1, crashFreeUsers: 80, adoption: 40 }) },
    ],
  });
  expect(combinedHealth(two)).toEqual({ sessions: 40, crashFreeSessions: 90, crashFreeUsers: 80, adoption: 40 });
  expect(formatPercentage(99.95)).toBe('99.95%');
  expect(formatPercentage(100)).toBe('100%');
  expect(formatPercentage(66.6666)).toBe('66.7%');
  expect(formatPercentage(null)).toBe('—');
});
