import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { json, mockApi, renderAt } from '../../test/render';
import { DiscardedIssues } from './DiscardedIssues';

const TOMBSTONE = {
  id: '4',
  level: 'error',
  message: '',
  culprit: 'checkout(cart.js)',
  type: 'error',
  metadata: { title: 'TypeError: price is undefined' },
  actor: { id: '1', email: 'admin@example.com', name: 'Admin' },
  dateAdded: new Date().toISOString(),
};

test('lists discarded issues and undiscards one', async () => {
  let tombstones = [TOMBSTONE];
  const calls = mockApi({
    'GET /api/0/projects/faultline/shop/tombstones/': () => json(tombstones),
    'DELETE /api/0/projects/faultline/shop/tombstones/4/': () => {
      tombstones = [];
      return new Response(null, { status: 204 });
    },
  });
  renderAt('/', '/', <DiscardedIssues org="faultline" project="shop" />);
  expect(await screen.findByText('TypeError: price is undefined')).toBeInTheDocument();
  expect(screen.getByText('checkout(cart.js)')).toBeInTheDocument();
  expect(screen.getByText('admin@example.com')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Undiscard' }));
  expect(await screen.findByText(/No discarded issues/)).toBeInTheDocument();
  expect(calls.some((call) => call.method === 'DELETE' && call.url.pathname.endsWith('/tombstones/4/'))).toBe(true);
});

test('says when nothing is discarded', async () => {
  mockApi({ 'GET /api/0/projects/faultline/shop/tombstones/': [] });
  renderAt('/', '/', <DiscardedIssues org="faultline" project="shop" />);
  expect(await screen.findByText(/No discarded issues/)).toBeInTheDocument();
});
