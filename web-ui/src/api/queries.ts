// Data fetching and caching (TanStack Query) for every endpoint the UI uses.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiJson, apiPage } from './client';
import type {
  Activity,
  Issue,
  IssueChange,
  IssueEvent,
  IssueHash,
  Member,
  Organization,
  SavedSearch,
  TagDistribution,
  TagFacet,
  TagKey,
  TagValue,
  Page,
  Project,
  ProjectKey,
  Session,
  Team,
  Tombstone,
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

export type IssueSort = 'date' | 'new' | 'freq' | 'user';

export const DEFAULT_ISSUE_QUERY = 'is:unresolved';

export interface IssueListParams {
  org: string;
  /** A project of the org, or undefined for all projects. */
  project?: Project;
  /** Sentry search syntax, e.g. `is:unresolved level:error`. */
  query: string;
  sort: IssueSort;
  cursor?: string;
  limit?: number;
}

export function issueListQuery(params: IssueListParams): string {
  const search = new URLSearchParams({ query: params.query, sort: params.sort, limit: String(params.limit ?? 25) });
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
    queryKey: ['issues', params?.org, params?.project?.id ?? 'all', params?.query, params?.sort, params?.cursor ?? ''],
    queryFn: ({ signal }) => fetchIssues(params!, signal),
    enabled: !!params,
    placeholderData: (previous) => previous,
    // An empty first page of unresolved issues is waiting for the first event: keep looking.
    refetchInterval: (query) =>
      params?.query === DEFAULT_ISSUE_QUERY && !params.cursor && query.state.data?.items.length === 0 ? 5000 : false,
  });
}

export function useIssue(issueId: string | undefined) {
  return useQuery({
    // fetch follows the API's 302 for a merged-away id: the answer is then the parent issue.
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

/** Event summaries of an issue, newest first, optionally filtered by a search query. */
export function useIssueEvents(issueId: string | undefined, query = '', cursor?: string) {
  return useQuery({
    queryKey: ['events', issueId, query, cursor],
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({ limit: '100' });
      if (query) {
        search.set('query', query);
      }
      if (cursor) {
        search.set('cursor', cursor);
      }
      return apiPage<IssueEvent>(`/api/0/issues/${enc(issueId!)}/events/?${search}`, { signal });
    },
    enabled: !!issueId,
  });
}

function invalidateIssues(client: ReturnType<typeof useQueryClient>) {
  client.invalidateQueries({ queryKey: ['issues'] });
  client.invalidateQueries({ queryKey: ['issue'] });
  client.invalidateQueries({ queryKey: ['activity'] });
}

/** Changes one issue (`PUT /api/0/issues/{id}/`): status, assignee, bookmark, subscription. */
export function useUpdateIssue(issueId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: IssueChange) => apiJson<Issue>(`/api/0/issues/${enc(issueId)}/`, { method: 'PUT', body: change }),
    onSuccess: (issue) => {
      if (issue && typeof issue === 'object' && 'id' in issue) {
        client.setQueryData(['issue', issueId], (old: Issue | undefined) => ({ ...old, ...issue }));
      }
      invalidateIssues(client);
    },
  });
}

export function bulkIssuesUrl(org: string, ids: string[], project?: string): string {
  const search = new URLSearchParams();
  for (const id of ids) {
    search.append('id', id);
  }
  return project
    ? `/api/0/projects/${enc(org)}/${enc(project)}/issues/?${search}`
    : `/api/0/organizations/${enc(org)}/issues/?${search}`;
}

/** One change to many issues: `PUT /api/0/organizations/{org}/issues/?id=…`. */
export function useBulkUpdate(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, change }: { ids: string[]; change: IssueChange }) =>
      apiJson<unknown>(bulkIssuesUrl(org, ids), { method: 'PUT', body: change }),
    onSuccess: () => invalidateIssues(client),
  });
}

/** Deletes issues, one `DELETE …/projects/{org}/{project}/issues/?id=…` per project. */
export function useBulkDelete(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (issues: Array<Pick<Issue, 'id' | 'project'>>) => {
      const byProject = new Map<string, string[]>();
      for (const issue of issues) {
        byProject.set(issue.project.slug, [...(byProject.get(issue.project.slug) ?? []), issue.id]);
      }
      for (const [project, ids] of byProject) {
        await apiJson<void>(bulkIssuesUrl(org, ids, project), { method: 'DELETE' });
      }
    },
    onSuccess: () => invalidateIssues(client),
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

export function useMembers(org: string | undefined) {
  return useQuery({
    queryKey: ['members', org],
    queryFn: () => apiJson<Member[]>(`/api/0/organizations/${enc(org!)}/members/`),
    enabled: !!org,
    staleTime: 60_000,
  });
}

export function useSavedSearches(org: string | undefined) {
  return useQuery({
    queryKey: ['searches', org],
    queryFn: () => apiJson<SavedSearch[]>(`/api/0/organizations/${enc(org!)}/searches/`),
    enabled: !!org,
  });
}

export function useSaveSearch(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (search: { name: string; query: string; sort?: string }) =>
      apiJson<SavedSearch>(`/api/0/organizations/${enc(org)}/searches/`, {
        method: 'POST',
        body: { type: 0, visibility: 'owner', ...search },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['searches', org] }),
  });
}

export function useDeleteSearch(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiJson<void>(`/api/0/organizations/${enc(org)}/searches/${enc(id)}/`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['searches', org] }),
  });
}

export function useActivity(issueId: string) {
  return useQuery({
    queryKey: ['activity', issueId],
    queryFn: () => apiJson<{ activity: Activity[] }>(`/api/0/issues/${enc(issueId)}/activities/`),
    select: (answer) => answer.activity,
  });
}

export function useCommentActions(issueId: string) {
  const client = useQueryClient();
  const done = () => {
    client.invalidateQueries({ queryKey: ['activity', issueId] });
    client.invalidateQueries({ queryKey: ['issue', issueId] });
    client.invalidateQueries({ queryKey: ['issues'] });
  };
  const base = `/api/0/issues/${enc(issueId)}/comments/`;
  return {
    add: useMutation({
      mutationFn: (text: string) => apiJson<Activity>(base, { method: 'POST', body: { text } }),
      onSuccess: done,
    }),
    edit: useMutation({
      mutationFn: ({ id, text }: { id: string; text: string }) =>
        apiJson<Activity>(`${base}${enc(id)}/`, { method: 'PUT', body: { text } }),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (id: string) => apiJson<void>(`${base}${enc(id)}/`, { method: 'DELETE' }),
      onSuccess: done,
    }),
  };
}

export function useIssueTags(issueId: string) {
  return useQuery({
    queryKey: ['issue-tags', issueId],
    queryFn: () => apiJson<TagFacet[]>(`/api/0/issues/${enc(issueId)}/tags/`),
  });
}

export function useTagDistribution(issueId: string, key: string | undefined, period: '24h' | '14d') {
  return useQuery({
    queryKey: ['tag-distribution', issueId, key, period],
    queryFn: () =>
      apiJson<TagDistribution>(`/api/0/issues/${enc(issueId)}/tags/${enc(key!)}/distribution/?statsPeriod=${period}`),
    enabled: !!key,
  });
}

export function useIssueHashes(issueId: string) {
  return useQuery({
    queryKey: ['hashes', issueId],
    queryFn: () => apiJson<IssueHash[]>(`/api/0/issues/${enc(issueId)}/hashes/`),
  });
}

export function useUnmerge(issueId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (hashes: string[]) => {
      const search = new URLSearchParams();
      hashes.forEach((hash) => search.append('id', hash));
      return apiJson<void>(`/api/0/issues/${enc(issueId)}/hashes/?${search}`, { method: 'PUT' });
    },
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['hashes', issueId] });
      invalidateIssues(client);
    },
  });
}
