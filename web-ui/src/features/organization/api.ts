// The organization every page works in, its teams and its members.
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '../../api/client';
import type { Member, Organization, Team } from '../../api/models';

const enc = encodeURIComponent;

/** The signed-in user's organization: the first one the API lists. */
export function useOrganization() {
  return useQuery({
    queryKey: ['organizations'],
    queryFn: () => apiJson<Organization[]>('/api/0/organizations/'),
    select: (organizations): Organization | null => organizations[0] ?? null,
    staleTime: 5 * 60_000,
  });
}

export function useTeams(org: string | undefined) {
  return useQuery({
    queryKey: ['teams', org],
    queryFn: () => apiJson<Team[]>(`/api/0/organizations/${enc(org!)}/teams/`),
    enabled: !!org,
  });
}

export function useMembers(org: string | undefined) {
  return useQuery({
    queryKey: ['members', org],
    queryFn: () => apiJson<Member[]>(`/api/0/organizations/${enc(org!)}/members/`),
    enabled: !!org,
    staleTime: 60_000,
  });
}
