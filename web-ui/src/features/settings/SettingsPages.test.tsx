import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, expect, test, vi } from 'vitest';
import { json, mockApi, renderAt } from '../../test/render';
import { AcceptInvitePage } from './AcceptInvitePage';
import type { MemberEntry, OrganizationDetail } from './api';
import { MembersSettingsPage } from './MembersSettingsPage';
import { TeamsSettingsPage } from './TeamsSettingsPage';
import { TokensSettingsPage } from './TokensSettingsPage';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const ROLES = ['member', 'admin', 'manager', 'owner'].map((id) => ({ id, name: id[0].toUpperCase() + id.slice(1), desc: '' }));

function organization(role: string, access: string[]): OrganizationDetail {
  return { id: '1', slug: 'acme', name: 'Acme', role, access, openMembership: true, orgRoleList: ROLES };
}

const MANAGER = organization('manager', ['org:read', 'org:write', 'member:invite', 'member:read', 'member:write', 'member:admin', 'team:read', 'team:write', 'team:admin']);
const MEMBER = organization('member', ['org:read', 'member:read', 'team:read']);

function member(id: string, email: string, orgRole: string, extra: Partial<MemberEntry> = {}): MemberEntry {
  return { id, email, name: email.split('@')[0], orgRole, pending: false, expired: false, user: { id }, teams: [], teamRoles: [], ...extra };
}

const SESSION = { user: { id: '2', email: 'me@example.com', name: 'me' } };

function base(org: OrganizationDetail) {
  return {
    'GET /api/0/organizations/': [{ id: '1', slug: 'acme', name: 'Acme' }],
    'GET /api/0/organizations/acme/': org,
    'GET /api/0/auth/session/': SESSION,
    'GET /api/0/organizations/acme/teams/': [
      { id: '5', slug: 'backend', name: 'Backend', isMember: false, teamRole: null, hasAccess: true, memberCount: 2 },
    ],
  };
}

test('a manager invites by email and is shown the link once, with whether it was mailed', async () => {
  let members = [member('1', 'owner@example.com', 'owner'), member('2', 'me@example.com', 'manager')];
  const calls = mockApi({
    ...base(MANAGER),
    'GET /api/0/organizations/acme/members/': () => json(members),
    'POST /api/0/organizations/acme/members/': (_url: URL, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      const invited = member('i7', body.email, body.orgRole, {
        pending: true,
        user: null,
        teams: body.teams,
        inviteLink: 'http://faultline.example/accept/acme/i7/secret/',
        inviteMailed: false,
      });
      members = [...members, { ...invited, inviteLink: null }];
      return json(invited, 201);
    },
  });
  renderAt('/settings/members', '/settings/members', <MembersSettingsPage />);
  const form = await screen.findByRole('form', { name: 'Invite a member' });
  // A manager cannot grant the owner role.
  const roleSelect = within(form).getByLabelText('Role');
  expect(within(roleSelect).queryByRole('option', { name: 'owner' })).toBeNull();
  await userEvent.type(within(form).getByLabelText('Email'), 'carol@example.com');
  await userEvent.selectOptions(roleSelect, 'admin');
  await userEvent.selectOptions(within(form).getByLabelText('Team'), 'backend');
  await userEvent.click(within(form).getByRole('button', { name: 'Invite' }));
  const shown = await screen.findByTestId('invite-link');
  expect(shown).toHaveTextContent('No mail was sent to carol@example.com');
  expect(shown).toHaveTextContent('http://faultline.example/accept/acme/i7/secret/');
  const post = calls.find((c) => c.method === 'POST')!;
  expect(JSON.parse(String(post.init.body))).toEqual({ email: 'carol@example.com', orgRole: 'admin', teams: ['backend'] });
  expect(await screen.findByText('invited')).toBeInTheDocument();
});

test('roles are changed and members removed within the caller’s rank; the caller can leave', async () => {
  vi.spyOn(window, 'confirm').mockReturnValue(true);
  const calls = mockApi({
    ...base(MANAGER),
    'GET /api/0/organizations/acme/members/': [
      member('1', 'owner@example.com', 'owner'),
      member('2', 'me@example.com', 'manager'),
      member('3', 'bob@example.com', 'member'),
    ],
    'PUT /api/0/organizations/acme/members/3/': (_url: URL, init: RequestInit) =>
      json(member('3', 'bob@example.com', JSON.parse(String(init.body)).orgRole)),
    'DELETE /api/0/organizations/acme/members/3/': () => new Response(null, { status: 204 }),
  });
  renderAt('/settings/members', '/settings/members', <MembersSettingsPage />);
  const bobRole = await screen.findByLabelText('Role of bob@example.com');
  // The owner's row offers nothing to a manager.
  expect(screen.queryByLabelText('Role of owner@example.com')).toBeNull();
  const ownerRow = screen.getByText('owner@example.com').closest('tr')!;
  expect(within(ownerRow).queryByRole('button', { name: 'Remove' })).toBeNull();
  await userEvent.selectOptions(bobRole, 'admin');
  await vi.waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
  expect(JSON.parse(String(calls.find((c) => c.method === 'PUT')!.init.body))).toEqual({ orgRole: 'admin' });
  const bobRow = screen.getByText('bob@example.com').closest('tr')!;
  await userEvent.click(within(bobRow).getByRole('button', { name: 'Remove' }));
  await vi.waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url.pathname.endsWith('/members/3/'))).toBe(true));
  const myRow = screen.getByText('me@example.com').closest('tr')!;
  expect(within(myRow).getByRole('button', { name: 'Leave' })).toBeInTheDocument();
});

test('a member sees the list without invite, role or remove controls', async () => {
  mockApi({
    ...base(MEMBER),
    'GET /api/0/organizations/acme/members/': [member('1', 'owner@example.com', 'owner'), member('2', 'me@example.com', 'member')],
  });
  renderAt('/settings/members', '/settings/members', <MembersSettingsPage />);
  expect(await screen.findByText('owner@example.com')).toBeInTheDocument();
  expect(screen.queryByRole('form', { name: 'Invite a member' })).toBeNull();
  expect(screen.queryByRole('combobox')).toBeNull();
  expect(screen.queryByRole('button', { name: 'Remove' })).toBeNull();
});

test('teams are created and joined', async () => {
  const calls = mockApi({
    ...base(MANAGER),
    'GET /api/0/organizations/acme/members/': [member('2', 'me@example.com', 'manager')],
    'POST /api/0/organizations/acme/teams/': (_url: URL, init: RequestInit) =>
      json({ id: '6', slug: 'web', name: JSON.parse(String(init.body)).name, isMember: true, teamRole: 'admin', hasAccess: true, memberCount: 1 }, 201),
    'POST /api/0/organizations/acme/members/2/teams/backend/': () => json({}, 201),
  });
  renderAt('/settings/teams', '/settings/teams', <TeamsSettingsPage />);
  const backend = (await screen.findByText('#backend')).closest('tr')!;
  await userEvent.click(within(backend).getByRole('button', { name: 'Join' }));
  await vi.waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/0/organizations/acme/members/2/teams/backend/')).toBe(true));
  const form = screen.getByRole('form', { name: 'Create a team' });
  await userEvent.type(within(form).getByLabelText('Team name'), 'Web');
  await userEvent.click(within(form).getByRole('button', { name: 'Create team' }));
  await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/0/organizations/acme/teams/')).toBe(true));
});

test('a new token is shown once; the list shows its last characters and last use, and revokes it', async () => {
  vi.spyOn(window, 'confirm').mockReturnValue(true);
  let tokens = [{ id: '4', name: 'deploys', scopes: ['org:ci'], dateCreated: '2026-12-01T00:00:00.000Z', dateLastUsed: null, tokenLastCharacters: 'wxyz', createdBy: '1' }];
  const calls = mockApi({
    ...base(MEMBER),
    'GET /api/0/organizations/acme/org-auth-tokens/': () => json(tokens),
    'POST /api/0/organizations/acme/org-auth-tokens/': (_url: URL, init: RequestInit) => {
      const created = { id: '9', name: JSON.parse(String(init.body)).name, scopes: ['org:ci'], dateCreated: '2026-12-07T00:00:00.000Z', dateLastUsed: null, tokenLastCharacters: 'abcd', createdBy: '2' };
      tokens = [...tokens, created];
      return json({ ...created, token: 'sntrys_payload_secretabcd' }, 201);
    },
    'DELETE /api/0/organizations/acme/org-auth-tokens/4/': () => new Response(null, { status: 204 }),
    'GET /api/0/api-tokens/': [],
  });
  renderAt('/settings/tokens', '/settings/tokens', <TokensSettingsPage />);
  const orgTokens = await screen.findByTestId('organization-tokens');
  expect(await within(orgTokens).findByText('…wxyz')).toBeInTheDocument();
  expect(within(orgTokens).getByText('never')).toBeInTheDocument();
  await userEvent.type(within(orgTokens).getByLabelText('Name'), 'ci');
  await userEvent.click(within(orgTokens).getByRole('button', { name: 'Create token' }));
  expect(await within(orgTokens).findByTestId('new-token')).toHaveTextContent('sntrys_payload_secretabcd');
  expect(await within(orgTokens).findByText('…abcd')).toBeInTheDocument();
  const deploys = within(orgTokens).getByText('deploys').closest('tr')!;
  await userEvent.click(within(deploys).getByRole('button', { name: 'Revoke' }));
  await vi.waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
});

test('a personal token is created with the chosen scopes', async () => {
  const calls = mockApi({
    ...base(MEMBER),
    'GET /api/0/organizations/acme/org-auth-tokens/': [],
    'GET /api/0/api-tokens/': [],
    'POST /api/0/api-tokens/': (_url: URL, init: RequestInit) =>
      json({ id: '3', name: 'laptop', scopes: JSON.parse(String(init.body)).scopes, dateCreated: '2026-12-07T00:00:00.000Z', dateLastUsed: null, tokenLastCharacters: 'f00d', token: 'sntryu_f00d' }, 201),
  });
  renderAt('/settings/tokens', '/settings/tokens', <TokensSettingsPage />);
  const personal = await screen.findByTestId('personal-tokens');
  await userEvent.type(within(personal).getByLabelText('Name'), 'laptop');
  await userEvent.click(within(personal).getByLabelText('project:read'));
  await userEvent.click(within(personal).getByLabelText('project:releases'));
  await userEvent.click(within(personal).getByRole('button', { name: 'Create token' }));
  expect(await within(personal).findByTestId('new-token')).toHaveTextContent('sntryu_f00d');
  const body = JSON.parse(String(calls.find((c) => c.method === 'POST')!.init.body));
  expect(body).toEqual({ name: 'laptop', scopes: ['org:read', 'event:read', 'project:releases'] });
});

test('an invitation link creates the account and joins', async () => {
  const calls = mockApi({
    'GET /api/0/accept-invite/acme/i7/secret/': {
      orgSlug: 'acme',
      organizationName: 'Acme',
      email: 'carol@example.com',
      role: 'admin',
      needsAuthentication: true,
      existingMember: false,
      hasAccount: false,
      signedInAs: '',
    },
    'POST /api/0/accept-invite/acme/i7/secret/': { orgSlug: 'acme' },
  });
  renderAt('/accept/acme/i7/secret/', '/accept/:org/:memberId/:token', <AcceptInvitePage />, [
    <Route key="issues" path="/issues" element={<p>issues page</p>} />,
  ]);
  expect(await screen.findByText('carol@example.com is invited as admin.')).toBeInTheDocument();
  await userEvent.type(screen.getByLabelText('Your name'), 'Carol');
  await userEvent.type(screen.getByLabelText('Choose a password'), 'carol-password');
  await userEvent.click(screen.getByRole('button', { name: 'Create account and join' }));
  expect(await screen.findByText('issues page')).toBeInTheDocument();
  expect(JSON.parse(String(calls.find((c) => c.method === 'POST')!.init.body))).toEqual({ name: 'Carol', password: 'carol-password' });
});

test('an invalid invitation link says so', async () => {
  mockApi({});
  renderAt('/accept/acme/i7/wrong/', '/accept/:org/:memberId/:token', <AcceptInvitePage />);
  expect(await screen.findByText('This invitation is not valid')).toBeInTheDocument();
});
