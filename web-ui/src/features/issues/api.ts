// Issues: the list (organization or project stream), one issue, status changes single and bulk,
// saved searches. Hooks of the issue page's tabs are in detail/api.ts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiJson, apiPage } from '../../api/client';
import type { Issue, IssueChange, Page, Project, SavedSearch } from '../../api/models';
import type { TimeRange } from '../../ui/filters/pageFilters';

const enc = encodeURIComponent;

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
  /** The page filters: only issues with events in this environment … */
  environment?: string;
  /** … and within this time range (`statsPeriod` or `start`/`end`). */
  range?: TimeRange;
}

/** Sentry search syntax quotes values with spaces or quotes. */
function quoted(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replace(/"/g, '\\"')}"` : value;
}

/**
 * The page filters as event terms of the search: an issue is listed when it has events in the
 * environment and time range, as in Sentry's issue stream.
 */
export function filterTerms(environment: string | undefined, range: TimeRange | undefined): string[] {
  const terms: string[] = [];
  if (environment) {
    terms.push(`environment:${quoted(environment)}`);
  }
  if (range?.start && range.end) {
    terms.push(`timestamp:>=${range.start}`, `timestamp:<${range.end}`);
  } else if (range?.period) {
    terms.push(`timestamp:-${range.period}`);
  }
  return terms;
}

/** The sparkline period the API offers that best covers the time range: 24h for a day or less, else 14d. */
export function graphPeriod(range: TimeRange | undefined): '24h' | '14d' {
  if (range?.start && range.end) {
    return Date.parse(range.end) - Date.parse(range.start) <= 86_400_000 ? '24h' : '14d';
  }
  return !range?.period || range.period === '1h' || range.period === '24h' ? '24h' : '14d';
}

export function issueListQuery(params: IssueListParams): string {
  const query = [params.query, ...filterTerms(params.environment, params.range)].filter(Boolean).join(' ');
  const search = new URLSearchParams({ query, sort: params.sort, limit: String(params.limit ?? 25) });
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
  const orgUrl = `/api/0/organizations/${enc(params.org)}/issues/?${query}&statsPeriod=${graphPeriod(params.range)}${
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
    queryKey: [
      'issues',
      params?.org,
      params?.project?.id ?? 'all',
      params?.query,
      params?.sort,
      params?.cursor ?? '',
      params?.environment ?? '',
      params?.range ?? {},
    ],
    queryFn: ({ signal }) => fetchIssues(params!, signal),
    enabled: !!params,
    placeholderData: (previous) => previous,
    // An empty first page of unresolved issues is waiting for the first event: keep looking.
    refetchInterval: (query) =>
      params?.query === DEFAULT_ISSUE_QUERY && !params.cursor && !params.environment && !params.range?.period && !params.range?.start &&
      query.state.data?.items.length === 0
        ? 5000
        : false,
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

export function invalidateIssues(client: ReturnType<typeof useQueryClient>) {
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
