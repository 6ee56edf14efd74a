// Inbound data filters of a project: Sentry's filters/ endpoints and the three custom
// lists kept in the project details' options.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../api/client';

const enc = encodeURIComponent;

/** One built-in filter; `active` is a list of subfilters for legacy-browsers when some are chosen. */
export interface InboundFilter {
  id: string;
  active: boolean | string[];
  description: string;
  name: string;
  hello: string;
}

/** The custom lists, each one string of newline-separated entries as Sentry keeps them. */
export interface FilterLists {
  'filters:error_messages': string;
  'filters:releases': string;
  'filters:blacklisted_ips': string;
}

/** Sentry's legacy browser subfilters, current ones first. */
export const LEGACY_BROWSERS: Array<{ id: string; label: string }> = [
  { id: 'ie', label: 'Internet Explorer 11 and lower' },
  { id: 'edge', label: 'Edge 110 and lower' },
  { id: 'safari', label: 'Safari 15 and lower' },
  { id: 'firefox', label: 'Firefox 110 and lower' },
  { id: 'chrome', label: 'Chrome 110 and lower' },
  { id: 'opera', label: 'Opera 99 and lower' },
  { id: 'android', label: 'Android 3 and lower' },
  { id: 'opera_mini', label: 'Opera Mini 34 and lower' },
  { id: 'ie_pre_9', label: 'Internet Explorer 8 and lower (deprecated)' },
  { id: 'ie9', label: 'Internet Explorer 9 (deprecated)' },
  { id: 'ie10', label: 'Internet Explorer 10 (deprecated)' },
  { id: 'ie11', label: 'Internet Explorer 11 (deprecated)' },
  { id: 'safari_pre_6', label: 'Safari 5 and lower (deprecated)' },
  { id: 'opera_pre_15', label: 'Opera 14 and lower (deprecated)' },
  { id: 'opera_mini_pre_8', label: 'Opera Mini 7 and lower (deprecated)' },
  { id: 'android_pre_4', label: 'Android 3 and lower (deprecated)' },
  { id: 'edge_pre_79', label: 'Edge 18 and lower (deprecated)' },
];

function filtersPath(org: string, project: string) {
  return `/api/0/projects/${enc(org)}/${enc(project)}/filters/`;
}

export function useInboundFilters(org: string | undefined, project: string | undefined) {
  return useQuery({
    queryKey: ['filters', org, project],
    queryFn: () => apiJson<InboundFilter[]>(filtersPath(org!, project!)),
    enabled: !!org && !!project,
  });
}

/** `{active}` turns a filter on or off; `{subfilters}` chooses the legacy browsers. */
export function useUpdateFilter(org: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; active?: boolean; subfilters?: string[] }) =>
      apiJson<void>(`${filtersPath(org, project)}${enc(input.id)}/`, {
        method: 'PUT',
        body: input.subfilters !== undefined ? { subfilters: input.subfilters } : { active: input.active },
      }),
    // The box follows the click at once; the list is read again whatever the answer.
    onMutate: (input) => {
      const chosen = input.subfilters;
      const active = chosen !== undefined ? chosen.length > 0 && chosen : !!input.active;
      client.setQueryData<InboundFilter[]>(['filters', org, project], (filters) =>
        filters?.map((filter) => (filter.id === input.id ? { ...filter, active } : filter)),
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['filters', org, project] }),
  });
}

export function useFilterLists(org: string | undefined, project: string | undefined) {
  return useQuery({
    queryKey: ['project', org, project],
    queryFn: () => apiJson<{ options?: Partial<FilterLists> }>(`/api/0/projects/${enc(org!)}/${enc(project!)}/`),
    select: (detail): FilterLists => ({
      'filters:error_messages': detail.options?.['filters:error_messages'] ?? '',
      'filters:releases': detail.options?.['filters:releases'] ?? '',
      'filters:blacklisted_ips': detail.options?.['filters:blacklisted_ips'] ?? '',
    }),
    enabled: !!org && !!project,
  });
}

export function useSaveFilterLists(org: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (lists: FilterLists) =>
      apiJson<unknown>(`/api/0/projects/${enc(org)}/${enc(project)}/`, { method: 'PUT', body: { options: lists } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['project', org, project] }),
  });
}
