import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, expect, test, vi } from 'vitest';
import { json, mockApi, renderAt } from '../../test/render';
import { LoginPage, safeNext } from './LoginPage';
import { RequireAuth } from './RequireAuth';

afterEach(() => vi.unstubAllGlobals());

const USER = { user: { id: '1', email: 'admin@example.com', name: 'Admin' } };

test('signs in and goes to the page asked for', async () => {
  let signedIn = false;
  const calls = mockApi({
    'GET /api/0/auth/session/': () => (signedIn ? json(USER) : json({ detail: 'no session' }, 401)),
    'POST /api/0/auth/login/': () => {
      signedIn = true;
      return json(USER);
    },
  });
  renderAt('/login?next=%2Fprojects', '/login', <LoginPage />, [<Route key="p" path="/projects" element={<p>projects page</p>} />]);
  await userEvent.type(await screen.findByLabelText('Email'), 'admin@example.com');
  await userEvent.type(screen.getByLabelText('Password'), 'secret');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(await screen.findByText('projects page')).toBeInTheDocument();
  const login = calls.find((c) => c.method === 'POST')!;
  expect(JSON.parse(String(login.init.body))).toEqual({ email: 'admin@example.com', password: 'secret' });
});

test('a wrong password shows an error and stays on the form', async () => {
  mockApi({
    'GET /api/0/auth/session/': () => json({ detail: 'no session' }, 401),
    'POST /api/0/auth/login/': () => json({ detail: 'Invalid credentials' }, 401),
  });
  renderAt('/login', '/login', <LoginPage />);
  await userEvent.type(await screen.findByLabelText('Email'), 'admin@example.com');
  await userEvent.type(screen.getByLabelText('Password'), 'wrong');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is not correct.');
});

test('unauthenticated pages redirect to sign-in', async () => {
  mockApi({ 'GET /api/0/auth/session/': () => json({ detail: 'no session' }, 401) });
  renderAt('/issues', '/issues', <RequireAuth><p>secret</p></RequireAuth>, [
    <Route key="l" path="/login" element={<p>login page</p>} />,
  ]);
  expect(await screen.findByText('login page')).toBeInTheDocument();
  expect(screen.queryByText('secret')).not.toBeInTheDocument();
});

test('a server error while checking the session is shown, not a blank page', async () => {
  mockApi({ 'GET /api/0/auth/session/': () => json({ detail: 'boom' }, 500) });
  renderAt('/issues', '/issues', <RequireAuth><p>secret</p></RequireAuth>);
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('boom'));
});

test('only same-site paths are followed after sign-in', () => {
  expect(safeNext('/issues/3')).toBe('/issues/3');
  expect(safeNext('//evil.example')).toBe('/issues');
  expect(safeNext('https://evil.example')).toBe('/issues');
  expect(safeNext(null)).toBe('/issues');
});
