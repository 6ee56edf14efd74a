import { screen, within } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { mockApi, renderAt } from '../../test/render';
import { ORG } from '../../test/fixtures';
import { ReleaseDetailPage, crashFreeSeries, sessionCounts } from './ReleaseDetailPage';
import { release } from '../../test/releaseFixtures';
import type { SessionsResponse } from './api';

afterEach(() => vi.unstubAllGlobals());

const SESSIONS: SessionsResponse = {
  start: '2026-12-01T00:00:00Z',
  end: '2026-12-01T02:00:00Z',
  intervals: ['2026-12-01T00:00:00Z', '2026-12-01T01:00:00Z'],
  groups: [
    {
      by: {},
      totals: { 'sum(session)': 8, 'count_unique(user)': 5, 'crash_free_rate(session)': 0.75, 'crash_free_rate(user)': 0.8 },
      series: {
        'sum(session)': [6, 2],
        'count_unique(user)': [4, 1],
        'crash_free_rate(session)': [0.8333333333, 0.5],
        'crash_free_rate(user)': [null, 1],
      },
    },
  ],
};

const ROUTES = {
  'GET /api/0/organizations/': [ORG],
  'GET /api/0/organizations/faultline/releases/shop%402.0.0/': release(
    'shop@2.0.0',
    { commitCount: 1, deployCount: 1, newGroups: 1 },
    { hasHealthData: true, crashFreeSessions: 75, crashFreeUsers: 80, adoption: 50, totalSessions: 8, totalUsers: 5, sessionsCrashed: 2, sessionsErrored: 1 },
  ),
  'GET /api/0/organizations/faultline/sessions/': SESSIONS,
  'GET /api/0/organizations/faultline/issues/': [{ id: '42', shortId: 'SHOP-1', title: 'TypeError: coupon expired', culprit: 'pay' }],
  'GET /api/0/organizations/faultline/releases/shop%402.0.0/commits/': [
    {
      id: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      message: 'Fix the coupon check\n\nlong body',
      dateCreated: '2026-12-01T09:00:00Z',
      author: { name: 'Ada', email: 'ada@example.com' },
      repository: { name: 'acme/shop' },
      files: [{ filename: 'src/coupon.js', type: 'M' }],
    },
  ],
  'GET /api/0/organizations/faultline/releases/shop%402.0.0/deploys/': [
    { id: '7', environment: 'production', name: 'deploy 7', url: null, dateStarted: null, dateFinished: '2026-12-01T10:00:00Z' },
  ],
  'GET /api/0/projects/faultline/shop/files/artifact-bundles/': [
    { bundleId: 'b-1', date: '2026-12-01T10:00:00Z', dateModified: '2026-12-01T10:00:00Z', fileCount: 2, associations: [{ release: 'shop@2.0.0', dist: null }] },
    { bundleId: 'b-other', date: '2026-12-01T10:00:00Z', dateModified: '2026-12-01T10:00:00Z', fileCount: 9, associations: [{ release: 'shop@1.0.0', dist: null }] },
  ],
};

test('shows the health, new issues, commits with files, deploys and bundles of a release', async () => {
  const calls = mockApi(ROUTES);
  renderAt('/releases/shop@2.0.0', '/releases/:version', <ReleaseDetailPage />);
  expect(await screen.findByRole('heading', { name: 'shop@2.0.0' })).toBeInTheDocument();
  const health = screen.getByLabelText('Release health');
  expect(within(health).getByText('75%')).toBeInTheDocument();
  expect(within(health).getByText('80%')).toBeInTheDocument();
  expect(within(health).getByText('50%')).toBeInTheDocument();
  expect(await screen.findByText('TypeError: coupon expired')).toHaveAttribute('href', '/issues/42');
  expect(await screen.findByText(/Fix the coupon check/)).toBeInTheDocument();
  expect(screen.queryByText(/long body/)).not.toBeInTheDocument();
  expect(screen.getByText(/src\/coupon.js/)).toBeInTheDocument();
  expect(await screen.findByText('production')).toBeInTheDocument();
  expect(await screen.findByText('b-1')).toBeInTheDocument();
  expect(screen.queryByText('b-other')).not.toBeInTheDocument();
  expect(await screen.findByText(/8 sessions · 5 users/)).toBeInTheDocument();
  const issues = calls.find((call) => call.url.pathname.endsWith('/issues/'))!.url.searchParams;
  expect(issues.get('query')).toBe('firstRelease:shop@2.0.0');
  expect(issues.get('statsPeriod')).toBeNull();
  const sessions = calls.find((call) => call.url.pathname.endsWith('/sessions/'))!.url.searchParams;
  expect(sessions.get('query')).toBe('release:shop@2.0.0');
  expect(sessions.get('interval')).toBe('1h');
  expect(sessions.getAll('field')).toContain('crash_free_rate(user)');
});

test('a release without sessions says how to get release health', async () => {
  mockApi({ ...ROUTES, 'GET /api/0/organizations/faultline/releases/shop%402.0.0/': release('shop@2.0.0') });
  renderAt('/releases/shop@2.0.0', '/releases/:version', <ReleaseDetailPage />);
  expect(await screen.findByText(/No sessions yet/)).toBeInTheDocument();
});

test('crash-free series are percentages aligned with the intervals, gaps kept', () => {
  const [sessions, users] = crashFreeSeries(SESSIONS);
  const start = Date.parse('2026-12-01T00:00:00Z') / 1000;
  expect(sessions.points[1]).toEqual([start + 3600, 50]);
  expect(users.points[0]).toEqual([start, null]);
  expect(sessionCounts(SESSIONS)).toEqual([
    [start, 6],
    [start + 3600, 2],
  ]);
});
