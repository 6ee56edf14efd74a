// Projects: the list, one project, its client keys (DSNs), discarded issues and tag keys/values.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../api/client';
import type { Issue, Project, ProjectKey, TagKey, TagValue, Tombstone } from '../../api/models';

const enc = encodeURIComponent;

export function useProjects(org: string | undefined) {
  return useQuery({
    queryKey: ['projects', org],
    queryFn: () => apiJson<Project[]>(`/api/0/organizations/${enc(org!)}/projects/`),
    enabled: !!org,
  });
}

/** How often a project without events is asked again whether its first event arrived. */
export const FIRST_EVENT_POLL_MS = 3000;

export function useProject(org: string | undefined, project: string | undefined) {
  return useQuery({
    queryKey: ['project', org, project],
    queryFn: () => apiJson<Project>(`/api/0/projects/${enc(org!)}/${enc(project!)}/`),
    enabled: !!org && !!project,
    // The setup page waits for the first event: keep asking until the project has one.
    refetchInterval: (query) => (query.state.data && !query.state.data.firstEvent ? FIRST_EVENT_POLL_MS : false),
  });
}

/** The project's oldest issue (the one its first event opened), once it has events. */
export function useFirstIssue(org: string | undefined, project: string | undefined) {
  return useQuery({
    queryKey: ['first-issue', org, project],
    queryFn: async () => {
      const issues = await apiJson<Issue[]>(
        `/api/0/projects/${enc(org!)}/${enc(project!)}/issues/?query=&sort=new&limit=100`,
      );
      return issues.reduce<Issue | undefined>(
        (oldest, issue) => (!oldest || Date.parse(issue.firstSeen) < Date.parse(oldest.firstSeen) ? issue : oldest),
        undefined,
      );
    },
    enabled: !!org && !!project,
  });
}

export function useCreateProject(org: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { team: string; name: string; platform: string }) =>
      apiJson<Project>(`/api/0/teams/${enc(org!)}/${enc(input.team)}/projects/`, {
        method: 'POST',
        body: { name: input.name, platform: input.platform },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['projects', org] }),
  });
}

export function useProjectKeys(org: string | undefined, project: string | undefined) {
  return useQuery({
    queryKey: ['keys', org, project],
    queryFn: () => apiJson<ProjectKey[]>(`/api/0/projects/${enc(org!)}/${enc(project!)}/keys/`),
    enabled: !!org && !!project,
  });
}

export function useCreateKey(org: string | undefined, project: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      apiJson<ProjectKey>(`/api/0/projects/${enc(org!)}/${enc(project!)}/keys/`, {
        method: 'POST',
        body: { name },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['keys', org, project] }),
  });
}

export function useRevokeKey(org: string | undefined, project: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) =>
      apiJson<void>(`/api/0/projects/${enc(org!)}/${enc(project!)}/keys/${enc(keyId)}/`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['keys', org, project] }),
  });
}

export function useTombstones(org: string | undefined, project: string | undefined) {
  return useQuery({
    queryKey: ['tombstones', org, project],
    queryFn: () => apiJson<Tombstone[]>(`/api/0/projects/${enc(org!)}/${enc(project!)}/tombstones/`),
    enabled: !!org && !!project,
  });
}

/** Removes a tombstone: the discarded issue's events are grouped (and stored) again. */
export function useUndiscard(org: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tombstoneId: string) =>
      apiJson<void>(`/api/0/projects/${enc(org)}/${enc(project)}/tombstones/${enc(tombstoneId)}/`, {
        method: 'DELETE',
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tombstones', org, project] }),
  });
}

export function useProjectTagKeys(org: string | undefined, project: string | undefined) {
  return useQuery({
    queryKey: ['project-tags', org, project],
    queryFn: () => apiJson<TagKey[]>(`/api/0/projects/${enc(org!)}/${enc(project!)}/tags/`),
    enabled: !!org && !!project,
    staleTime: 60_000,
  });
}

export function fetchProjectTagValues(org: string, project: string, key: string, prefix: string, signal?: AbortSignal) {
  return apiJson<TagValue[]>(
    `/api/0/projects/${enc(org)}/${enc(project)}/tags/${enc(key)}/values/?query=${enc(prefix)}`,
    { signal },
  );
}

/** The environments events of a project were sent with (the `environment` tag's values), for the picker. */
export function useEnvironments(org: string | undefined, project: string | undefined) {
  return useQuery({
    queryKey: ['environments', org, project],
    queryFn: ({ signal }) => fetchProjectTagValues(org!, project!, 'environment', '', signal),
    select: (values) => values.map((value) => value.value),
    enabled: !!org && !!project,
    staleTime: 60_000,
  });
}
