// The issue page's data: its events, activity and comments, tag facets, merged hashes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiPage } from '../../../api/client';
import type { Activity, IssueEvent, IssueHash, TagDistribution, TagFacet } from '../../../api/models';
import { invalidateIssues } from '../api';

const enc = encodeURIComponent;

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
