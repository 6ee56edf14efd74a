import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, expect, test, vi } from 'vitest';
import { mockApi, renderAt } from '../test/render';
import { Layout } from './Layout';

afterEach(() => vi.unstubAllGlobals());

test('shows the user and signs out through the API', async () => {
  document.cookie = 'faultline_csrf=abc';
  const calls = mockApi({
    'GET /api/0/auth/session/': { user: { id: '1', email: 'admin@example.com' } },
    'POST /api/0/auth/logout/': () => new Response(null, { status: 204 }),
  });
  renderAt('/issues', '/issues', <Layout />, [<Route key="l" path="/login" element={<p>login page</p>} />]);
  expect(await screen.findByText('admin@example.com')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Issues' })).toHaveAttribute('href', '/issues');
  await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
  expect(await screen.findByText('login page')).toBeInTheDocument();
  const logout = calls.find((c) => c.method === 'POST')!;
  expect((logout.init.headers as Record<string, string>)['X-CSRFToken']).toBe('abc');
});
