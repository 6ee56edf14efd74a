import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { json, mockApi, renderAt } from '../../test/render';
import type { SystemStatus } from './api';
import { SystemPage } from './SystemPage';

afterEach(() => vi.unstubAllGlobals());

const HOUR = Date.parse('2026-12-07T10:00:00Z');

const STATUS: SystemStatus = {
  version: '0.1.0',
  startedAt: '2026-12-07T09:00:00.000Z',
  readAt: '2026-12-07T10:30:00.000Z',
  healthy: false,
  queue: {
    group: 'processor',
    lag: 1234,
    partitions: [
      { partition: 0, endOffset: 2000, committedOffset: 1000, lag: 1000 },
      { partition: 1, endOffset: 500, committedOffset: 266, lag: 234 },
    ],
    error: null,
  },
  stores: [
    { name: 'events', healthy: false, latencyMs: 5001.2 },
    { name: 'metadata', healthy: true, latencyMs: 0.8 },
    { name: 'queue', healthy: true, latencyMs: 0.1 },
  ],
  disk: { path: '/var/lib/faultline', freeBytes: 256 * 1024 ** 2, totalBytes: 10 * 1024 ** 3, minFreeBytes: 512 * 1024 ** 2, low: true },
  schema: { version: '8', description: 'inbound filters', error: null },
  processed: Array.from({ length: 24 }, (_, i) => ({ hour: new Date(HOUR - (23 - i) * 3_600_000).toISOString(), accepted: i })),
  dropped: [{ outcome: 'filtered', reason: 'localhost', category: 'error', items: 42 }],
};

const LETTER = {
  id: '7',
  projectId: '3',
  queuePosition: '99',
  itemIndex: 0,
  itemType: 'event',
  reason: 'invalid',
  detail: 'not JSON',
  dateReceived: '2026-12-07T10:00:00.000Z',
  dateParked: '2026-12-07T10:00:01.000Z',
};

test('shows health, the backlog per partition, stores, disk, schema and dropped items', async () => {
  mockApi({ 'GET /api/0/internal/system/status/': STATUS, 'GET /api/0/internal/dead-letters/': [] });
  renderAt('/system', '/system', <SystemPage />);
  expect(await screen.findByText('unhealthy')).toBeInTheDocument();
  const queue = screen.getByTestId('queue');
  expect(within(queue).getByText('1,234 waiting')).toBeInTheDocument();
  expect(within(queue).getAllByRole('row')).toHaveLength(3);
  const stores = screen.getByTestId('stores');
  expect(within(stores).getByText('down')).toBeInTheDocument();
  expect(within(stores).getByText('5001.2 ms')).toBeInTheDocument();
  expect(within(stores).getByText('Schema: V8 (inbound filters)')).toBeInTheDocument();
  const disk = screen.getByTestId('disk');
  expect(within(disk).getByText('below minimum: ingest answers 503')).toBeInTheDocument();
  expect(within(disk).getByText(/256\.0 MB free of 10\.0 GB/)).toBeInTheDocument();
  expect(within(screen.getByTestId('processed')).getByText('276')).toBeInTheDocument();
  const dropped = within(screen.getByTestId('dropped')).getAllByRole('row')[1];
  expect(dropped).toHaveTextContent('filteredlocalhosterror42');
  expect(await screen.findByText('No dead letters.')).toBeInTheDocument();
});

test('anyone but the instance administrator is told who can see the page', async () => {
  mockApi({ 'GET /api/0/internal/system/status/': () => json({ detail: 'You do not have permission' }, 403) });
  renderAt('/system', '/system', <SystemPage />);
  expect(await screen.findByText("Only the instance administrator can see the system's status.")).toBeInTheDocument();
});

test('a dead letter is inspected, replayed and purged', async () => {
  const calls = mockApi({
    'GET /api/0/internal/system/status/': { ...STATUS, healthy: true },
    'GET /api/0/internal/dead-letters/': [LETTER],
    'GET /api/0/internal/dead-letters/7/': { ...LETTER, payload: { encoding: 'utf-8', data: '{"message":"boom"}' } },
    'POST /api/0/internal/dead-letters/7/replay/': () => json({ id: '7' }, 202),
    'DELETE /api/0/internal/dead-letters/7/': () => json(undefined, 204),
  });
  renderAt('/system', '/system', <SystemPage />);
  const letters = await screen.findByTestId('dead-letters');
  expect(await within(letters).findByText('not JSON')).toBeInTheDocument();
  await userEvent.click(within(letters).getByRole('button', { name: 'Inspect' }));
  expect(await within(letters).findByLabelText('Payload')).toHaveTextContent('{"message":"boom"}');
  await userEvent.click(within(letters).getByRole('button', { name: 'Replay' }));
  await userEvent.click(within(letters).getByRole('button', { name: 'Purge' }));
  await vi.waitFor(() => {
    expect(calls.map((call) => `${call.method} ${call.url.pathname}`)).toEqual(
      expect.arrayContaining(['POST /api/0/internal/dead-letters/7/replay/', 'DELETE /api/0/internal/dead-letters/7/']),
    );
  });
});
