import { screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { ORG, PROJECT, issue } from '../../test/fixtures';
import { json, mockApi, renderAt } from '../../test/render';
import { ProjectDetailPage } from './ProjectDetailPage';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const KEY = { id: 'k1', name: 'Default', public: 'abc', isActive: true, dsn: { public: 'http://abc@localhost:8080/1' } };

test('waits for the first event, polling the project, then says when it arrived and links to its issue', async () => {
  let firstEvent: string | null = null;
  const calls = mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/projects/faultline/shop/': () => json({ ...PROJECT, firstEvent }),
    'GET /api/0/projects/faultline/shop/keys/': [KEY],
    'GET /api/0/projects/faultline/shop/issues/': [
      issue({ id: '9', shortId: 'SHOP-2', title: 'Later', firstSeen: '2026-12-07T11:05:00Z' }),
      issue({ id: '8', shortId: 'SHOP-1', title: 'TypeError: boom', firstSeen: '2026-12-07T11:00:00Z' }),
    ],
  });
  renderAt('/projects/shop', '/projects/:projectSlug', <ProjectDetailPage />);
  expect(await screen.findByText('Waiting for the first event…')).toBeInTheDocument();
  expect(screen.getByTestId('first-event')).toHaveAttribute('aria-live', 'polite');

  firstEvent = new Date(Date.now() - 60_000).toISOString();
  // The page asks again by itself (every 3 s) and then shows the arrival.
  expect(await screen.findByText('First event received', {}, { timeout: 8000 })).toBeInTheDocument();
  expect(await screen.findByTestId('first-event-issue')).toHaveAttribute('href', '/issues/8');
  expect(screen.getByTestId('first-event-issue')).toHaveTextContent('SHOP-1: TypeError: boom');
  expect(calls.filter((c) => c.url.pathname === '/api/0/projects/faultline/shop/').length).toBeGreaterThan(1);
}, 15_000);

test('a project with events says when the first arrived without polling', async () => {
  const calls = mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/projects/faultline/shop/': { ...PROJECT, firstEvent: '2026-12-07T11:00:00Z' },
    'GET /api/0/projects/faultline/shop/keys/': [KEY],
    'GET /api/0/projects/faultline/shop/issues/': [issue({ id: '8', shortId: 'SHOP-1' })],
  });
  renderAt('/projects/shop', '/projects/:projectSlug', <ProjectDetailPage />);
  expect(await screen.findByText('First event received')).toBeInTheDocument();
  expect(await screen.findByTestId('first-event-issue')).toHaveAttribute('href', '/issues/8');
  await new Promise((resolve) => setTimeout(resolve, 3500));
  expect(calls.filter((c) => c.url.pathname === '/api/0/projects/faultline/shop/')).toHaveLength(1);
}, 10_000);
