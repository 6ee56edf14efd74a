// Data fetching and caching (TanStack Query) for every endpoint the UI uses.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiJson, apiPage } from './client';
import type {
  Issue,
  IssueEvent,
  IssueStatus,
  Organization,
  Page,
  Project,
  ProjectKey,
  Session,
  Team,
} from './models';

const enc = encodeURIComponent;

export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<Session | null> => {
      try {
        return await apiJson<Session>('/api/0/auth/session/', { noRedirect: true });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      apiJson<Session>('/api/0/auth/login/', { method: 'POST', body: credentials, noRedirect: true }),
    onSuccess: (session) => {
      client.clear();
      client.setQueryData(['session'], session);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiJson<void>('/api/0/auth/logout/', { method: 'POST', noRedirect: true }),
    onSettled: () => {
      client.clear();
      client.setQueryData(['session'], null);
    },
  });
}

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

export function useProjects(org: string | undefined) {
  return useQuery({
    queryKey: ['projects', org],
    queryFn: () => apiJson<Project[]>(`/api/0/organizations/${enc(org!)}/projects/`),
    enabled: !!org,
  });
}

export function useProject(org: string | undefined, project: string | undefined) {
  return useQuery({
    queryKey: ['project', org, project],
    queryFn: () => apiJson<Project>(`/api/0/projects/${enc(org!)}/${enc(project!)}/`),
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

export type IssueSort = 'date' | 'new' | 'freq' | 'user';

export interface IssueListParams {
  org: string;
  /** A project of the org, or undefined for all projects. */
  project?: Project;
  status: IssueStatus;
  sort: IssueSort;
  cursor?: string;
  limit?: number;
}

export function issueListQuery(params: IssueListParams): string {
  const search = new URLSearchParams({ query: `is:${params.status}`, sort: params.sort, limit: String(params.limit ?? 25) });
  if (params.cursor) {
    search.set('cursor', params.cursor);
  }
  return search.toString();
}

/**
 * Issues of one project or of the whole organization. The organization endpoint carries the
 * 24h stats for the sparklines; where the server lacks it, a single project's list is still served
 * by the project endpoint.
 */
export async function fetchIssues(params: IssueListParams, signal?: AbortSignal): Promise<Page<Issue>> {
  const query = issueListQuery(params);
  const orgUrl = `/api/0/organizations/${enc(params.org)}/issues/?${query}&statsPeriod=24h${
    params.project ? `&project=${enc(params.project.id)}` : ''
  }`;
  try {
    return await apiPage<Issue>(orgUrl, { signal });
  } catch (error) {
    if (params.project && error instanceof ApiError && (error.status === 404 || error.status === 405)) {
      return apiPage<Issue>(`/api/0/projects/${enc(params.org)}/${enc(params.project.slug)}/issues/?${query}`, {
        signal,
      });
    }
    throw error;
  }
}

export function useIssues(params: IssueListParams | undefined) {
  return useQuery({
    queryKey: ['issues', params?.org, params?.project?.id ?? 'all', params?.status, params?.sort, params?.cursor ?? ''],
    queryFn: ({ signal }) => fetchIssues(params!, signal),
    enabled: !!params,
    placeholderData: (previous) => previous,
    // An empty first page of unresolved issues is waiting for the first event: keep looking.
    refetchInterval: (query) =>
      params?.status === 'unresolved' && !params.cursor && query.state.data?.items.length === 0 ? 5000 : false,
  });
}

export function useIssue(issueId: string | undefined) {
  return useQuery({
    queryKey: ['issue', issueId],
    queryFn: () => apiJson<Issue>(`/api/0/issues/${enc(issueId!)}/`),
    enabled: !!issueId,
  });
}

/** An event of an issue: 'latest', 'oldest' or an event id. */
export function useIssueEvent(issueId: string | undefined, eventId: string) {
  return useQuery({
    queryKey: ['event', issueId, eventId],
    queryFn: () => apiJson<IssueEvent>(`/api/0/issues/${enc(issueId!)}/events/${enc(eventId)}/`),
    enabled: !!issueId,
  });
}

/** Event summaries of an issue, newest first (used to find neighbours when the event has no links). */
export function useIssueEvents(issueId: string | undefined) {
  return useQuery({
    queryKey: ['events', issueId],
    queryFn: () => apiPage<IssueEvent>(`/api/0/issues/${enc(issueId!)}/events/?limit=100`),
    enabled: !!issueId,
  });
}

export function useUpdateIssueStatus(issueId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: IssueStatus) =>
      apiJson<Issue>(`/api/0/issues/${enc(issueId)}/`, { method: 'PUT', body: { status } }),
    onSuccess: (issue) => {
      if (issue && typeof issue === 'object' && 'id' in issue) {
        client.setQueryData(['issue', issueId], (old: Issue | undefined) => ({ ...old, ...issue }));
      }
      client.invalidateQueries({ queryKey: ['issue', issueId] });
      client.invalidateQueries({ queryKey: ['issues'] });
    },
  });
}
