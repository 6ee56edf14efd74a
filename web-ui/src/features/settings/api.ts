// Organization settings: the organization itself, its members and invitations, its teams,
// and API tokens (the user's own and the organization's).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../api/client';

const enc = encodeURIComponent;

export interface OrganizationDetail {
  id: string;
  slug: string;
  name: string;
  role: string;
  access: string[];
  openMembership: boolean;
  orgRoleList: Array<{ id: string; name: string; desc: string }>;
}

export interface TeamRole {
  teamSlug: string;
  role: string;
}

export interface MemberEntry {
  id: string;
  email: string;
  name: string;
  orgRole: string;
  pending: boolean;
  expired: boolean;
  user: { id: string } | null;
  teams: string[];
  teamRoles: TeamRole[];
  inviteLink?: string | null;
  inviteMailed?: boolean | null;
}

export interface TeamEntry {
  id: string;
  slug: string;
  name: string;
  isMember: boolean;
  teamRole: string | null;
  hasAccess: boolean;
  memberCount: number;
}

export interface PersonalToken {
  id: string;
  name: string;
  scopes: string[];
  dateCreated: string;
  dateLastUsed: string | null;
  tokenLastCharacters: string;
  token?: string | null;
}

export interface OrganizationToken {
  id: string;
  name: string;
  scopes: string[];
  dateCreated: string;
  dateLastUsed: string | null;
  tokenLastCharacters: string;
  createdBy: string;
  token?: string | null;
}

/** The scopes a personal token may carry, as Sentry names them. */
export const TOKEN_SCOPES = [
  'org:read',
  'org:write',
  'org:admin',
  'member:read',
  'member:write',
  'member:admin',
  'team:read',
  'team:write',
  'team:admin',
  'project:read',
  'project:write',
  'project:admin',
  'project:releases',
  'event:read',
  'event:write',
  'event:admin',
  'alerts:read',
  'alerts:write',
];

export function useOrganizationDetail(org: string | undefined) {
  return useQuery({
    queryKey: ['organization', org],
    queryFn: () => apiJson<OrganizationDetail>(`/api/0/organizations/${enc(org!)}/`),
    enabled: !!org,
  });
}

export function useUpdateOrganization(org: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: { name?: string; openMembership?: boolean }) =>
      apiJson<OrganizationDetail>(`/api/0/organizations/${enc(org!)}/`, { method: 'PUT', body: changes }),
    onSuccess: (organization) => {
      client.setQueryData(['organization', org], organization);
      client.invalidateQueries({ queryKey: ['organizations'] });
      client.invalidateQueries({ queryKey: ['teams', org] });
    },
  });
}

export function useMemberList(org: string | undefined) {
  return useQuery({
    queryKey: ['members', org],
    queryFn: () => apiJson<MemberEntry[]>(`/api/0/organizations/${enc(org!)}/members/`),
    enabled: !!org,
  });
}

function useMembersMutation<T>(org: string | undefined, fn: (input: T) => Promise<MemberEntry | void>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['members', org] });
      client.invalidateQueries({ queryKey: ['teams', org] });
    },
  });
}

export function useInviteMember(org: string | undefined) {
  return useMembersMutation(org, (input: { email: string; orgRole: string; teams: string[] }) =>
    apiJson<MemberEntry>(`/api/0/organizations/${enc(org!)}/members/`, { method: 'POST', body: input }),
  );
}

export function useUpdateMember(org: string | undefined) {
  return useMembersMutation(org, (input: { id: string; orgRole?: string; regenerate?: boolean; reinvite?: boolean }) => {
    const { id, ...body } = input;
    return apiJson<MemberEntry>(`/api/0/organizations/${enc(org!)}/members/${enc(id)}/`, { method: 'PUT', body });
  });
}

export function useRemoveMember(org: string | undefined) {
  return useMembersMutation(org, (id: string) =>
    apiJson<void>(`/api/0/organizations/${enc(org!)}/members/${enc(id)}/`, { method: 'DELETE' }),
  );
}

export function useTeamList(org: string | undefined) {
  return useQuery({
    queryKey: ['teams', org],
    queryFn: () => apiJson<TeamEntry[]>(`/api/0/organizations/${enc(org!)}/teams/`),
    enabled: !!org,
  });
}

function useTeamsMutation<T>(org: string | undefined, fn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['teams', org] });
      client.invalidateQueries({ queryKey: ['members', org] });
    },
  });
}

export function useCreateTeam(org: string | undefined) {
  return useTeamsMutation(org, (name: string) =>
    apiJson<TeamEntry>(`/api/0/organizations/${enc(org!)}/teams/`, { method: 'POST', body: { name } }),
  );
}

export function useRenameTeam(org: string | undefined) {
  return useTeamsMutation(org, (input: { slug: string; name: string }) =>
    apiJson<TeamEntry>(`/api/0/teams/${enc(org!)}/${enc(input.slug)}/`, { method: 'PUT', body: { name: input.name } }),
  );
}

export function useDeleteTeam(org: string | undefined) {
  return useTeamsMutation(org, (slug: string) =>
    apiJson<void>(`/api/0/teams/${enc(org!)}/${enc(slug)}/`, { method: 'DELETE' }),
  );
}

/** Joins or leaves a team as a member: `memberId` is the member's id in the organization. */
export function useTeamMembership(org: string | undefined) {
  return useTeamsMutation(org, (input: { memberId: string; team: string; join: boolean }) =>
    apiJson<unknown>(`/api/0/organizations/${enc(org!)}/members/${enc(input.memberId)}/teams/${enc(input.team)}/`, {
      method: input.join ? 'POST' : 'DELETE',
    }),
  );
}

export function usePersonalTokens() {
  return useQuery({
    queryKey: ['api-tokens'],
    queryFn: () => apiJson<PersonalToken[]>('/api/0/api-tokens/'),
  });
}

export function useCreatePersonalToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; scopes: string[] }) =>
      apiJson<PersonalToken>('/api/0/api-tokens/', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}

export function useRevokePersonalToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiJson<void>('/api/0/api-tokens/', { method: 'DELETE', body: { tokenId: id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}

export function useOrganizationTokens(org: string | undefined) {
  return useQuery({
    queryKey: ['org-auth-tokens', org],
    queryFn: () => apiJson<OrganizationToken[]>(`/api/0/organizations/${enc(org!)}/org-auth-tokens/`),
    enabled: !!org,
  });
}

export function useCreateOrganizationToken(org: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      apiJson<OrganizationToken>(`/api/0/organizations/${enc(org!)}/org-auth-tokens/`, {
        method: 'POST',
        body: { name },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['org-auth-tokens', org] }),
  });
}

export function useRevokeOrganizationToken(org: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiJson<void>(`/api/0/organizations/${enc(org!)}/org-auth-tokens/${enc(id)}/`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['org-auth-tokens', org] }),
  });
}

export interface InviteDetails {
  orgSlug: string;
  organizationName: string;
  email: string;
  role: string;
  needsAuthentication: boolean;
  existingMember: boolean;
  hasAccount: boolean;
  signedInAs: string;
}

export function acceptPath(org: string, memberId: string, token: string): string {
  return `/api/0/accept-invite/${enc(org)}/${enc(memberId)}/${enc(token)}/`;
}

export function useInviteDetails(org: string, memberId: string, token: string) {
  return useQuery({
    queryKey: ['accept-invite', org, memberId, token],
    queryFn: () => apiJson<InviteDetails>(acceptPath(org, memberId, token), { noRedirect: true }),
  });
}

export function useAcceptInvite(org: string, memberId: string, token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; password?: string }) =>
      apiJson<{ orgSlug: string }>(acceptPath(org, memberId, token), { method: 'POST', body, noRedirect: true }),
    onSuccess: () => client.clear(),
  });
}
