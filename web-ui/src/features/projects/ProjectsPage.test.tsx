import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, expect, test, vi } from 'vitest';
import { ORG, PROJECT } from '../../test/fixtures';
import { json, mockApi, renderAt } from '../../test/render';
import { ProjectDetailPage } from './ProjectDetailPage';
import { ProjectsPage } from './ProjectsPage';
import { PLATFORMS, platformFor } from './platforms';

afterEach(() => vi.unstubAllGlobals());

const KEY = {
  id: 'k1',
  name: 'Default',
  public: 'abc123',
  isActive: true,
  dsn: { public: 'http://abc123@localhost:8080/1' },
};

test('lists projects and creates one with a name and platform', async () => {
  const calls = mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/organizations/faultline/projects/': [PROJECT],
    'GET /api/0/organizations/faultline/teams/': [{ id: '1', slug: 'faultline', name: 'Faultline' }],
    'POST /api/0/teams/faultline/faultline/projects/': () => json({ id: '2', slug: 'api', name: 'API', platform: 'python' }, 201),
  });
  renderAt('/projects', '/projects', <ProjectsPage />, [<Route key="d" path="/projects/:projectSlug" element={<p>detail page</p>} />]);
  expect(await screen.findByRole('link', { name: 'Shop' })).toHaveAttribute('href', '/projects/shop');
  await userEvent.click(screen.getByRole('button', { name: 'Create project' }));
  await userEvent.type(screen.getByLabelText('Name'), 'API');
  await userEvent.selectOptions(screen.getByLabelText('Platform'), 'python');
  await userEvent.click(await screen.findByRole('button', { name: 'Create' }));
  expect(await screen.findByText('detail page')).toBeInTheDocument();
  const post = calls.find((c) => c.method === 'POST')!;
  expect(JSON.parse(String(post.init.body))).toEqual({ name: 'API', platform: 'python' });
});

test('no projects: an empty state that says what to do', async () => {
  mockApi({ 'GET /api/0/organizations/': [ORG], 'GET /api/0/organizations/faultline/projects/': [] });
  renderAt('/projects', '/projects', <ProjectsPage />);
  expect(await screen.findByText('No projects yet')).toBeInTheDocument();
});

test('shows the DSN with a copy button and the setup snippet of the chosen platform', async () => {
  const writeText = vi.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/projects/faultline/shop/': PROJECT,
    'GET /api/0/projects/faultline/shop/keys/': [KEY],
  });
  renderAt('/projects/shop', '/projects/:projectSlug', <ProjectDetailPage />);
  expect(await screen.findByTestId('dsn')).toHaveTextContent('http://abc123@localhost:8080/1');
  await userEvent.click(screen.getByRole('button', { name: 'Copy DSN' }));
  expect(writeText).toHaveBeenCalledWith('http://abc123@localhost:8080/1');
  expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
  expect(screen.getByTestId('snippet')).toHaveTextContent('require("@sentry/node")');
  expect(screen.getByTestId('snippet')).toHaveTextContent('dsn: "http://abc123@localhost:8080/1"');
  await userEvent.selectOptions(screen.getByLabelText('Snippet platform'), 'python');
  expect(screen.getByTestId('snippet')).toHaveTextContent('sentry_sdk.init(');
});

test('creates and revokes client keys', async () => {
  let keys = [KEY];
  const calls = mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/projects/faultline/shop/': PROJECT,
    'GET /api/0/projects/faultline/shop/keys/': () => json(keys),
    'POST /api/0/projects/faultline/shop/keys/': () => {
      keys = [...keys, { ...KEY, id: 'k2', name: 'CI', public: 'def', dsn: { public: 'http://def@localhost:8080/1' } }];
      return json(keys[1], 201);
    },
    'DELETE /api/0/projects/faultline/shop/keys/k1/': () => {
      keys = keys.filter((k) => k.id !== 'k1');
      return new Response(null, { status: 204 });
    },
  });
  vi.spyOn(window, 'confirm').mockReturnValue(true);
  renderAt('/projects/shop', '/projects/:projectSlug', <ProjectDetailPage />);
  await userEvent.type(await screen.findByLabelText('New key name'), 'CI');
  await userEvent.click(screen.getByRole('button', { name: 'Create key' }));
  expect(await screen.findByRole('cell', { name: 'CI' })).toBeInTheDocument();
  const defaultRow = screen.getByRole('cell', { name: 'Default' }).closest('tr')!;
  await userEvent.click(within(defaultRow).getByRole('button', { name: 'Revoke' }));
  await vi.waitFor(() => expect(screen.queryByRole('cell', { name: 'Default' })).not.toBeInTheDocument());
  expect(calls.some((c) => c.method === 'DELETE')).toBe(true);
  expect(screen.getByTestId('dsn')).toHaveTextContent('http://def@localhost:8080/1');
});

test('every required platform has a snippet containing the DSN', () => {
  for (const id of ['java', 'javascript', 'node', 'python', 'go', 'csharp']) {
    expect(platformFor(id).id).toBe(id);
    expect(platformFor(id).snippet('http://k@h/1')).toContain('http://k@h/1');
  }
  expect(platformFor('javascript-vue').id).toBe('javascript');
  expect(platformFor('python-fastapi').id).toBe('python');
  expect(platformFor('dotnet-aspnetcore').id).toBe('csharp');
  expect(platformFor('cobol').id).toBe('other');
  expect(PLATFORMS.length).toBeGreaterThanOrEqual(7);
});

test('every platform of the setup page carries a release and a traces sample rate', () => {
  for (const platform of PLATFORMS.filter((p) => p.id !== 'other')) {
    const snippet = platform.snippet('http://k@h/1');
    expect(snippet, platform.name).toMatch(/release/i);
    expect(snippet, platform.name).toMatch(/traces[_-]?sample[_-]?rate|TracesSampleRate/i);
  }
  expect(PLATFORMS.map((p) => p.name)).toEqual(
    expect.arrayContaining(['Java', 'Spring Boot', 'Python', 'Django', 'Flask', 'Node.js', 'Express', 'Browser JavaScript', 'React', 'Go', '.NET', 'Ruby', 'PHP']),
  );
});
