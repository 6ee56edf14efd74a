// Performance: typed clients of Discover's events table and time series (dataset transactions
// and spans), the trace tree, and the project's Apdex threshold, with their TanStack Query hooks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiJson, parseLinkHeader, request } from '../../api/client';
import type {
  EventsStatsResponse,
  EventsStatsSeries,
  EventsTable,
  PageLink,
  StatsSeries,
  TraceErrorNode,
  TraceNode,
  TraceSpanNode,
  TransactionThreshold,
} from '../../api/models';
import { filterParams, type PageFilters } from '../../ui/filters/pageFilters';

const enc = encodeURIComponent;

/** Sentry's default Apdex threshold (ms) when a project has none configured. */
export const DEFAULT_APDEX_THRESHOLD = 300;

/** The period performance pages show when the address names none (Sentry's default too). */
export const DEFAULT_PERIOD = '24h';

export type Dataset = 'transactions' | 'spans';

/** What every events query shares: the dataset, a search in Sentry syntax and the page filters. */
export interface EventsScope {
  org: string;
  dataset: Dataset;
  /** Project ids (the API's `project` parameter repeats). */
  projects: string[];
  filters: PageFilters;
  query?: string;
}

export interface EventsQuery extends EventsScope {
  fields: string[];
  /** One of the fields, `-` for descending. */
  sort?: string;
  cursor?: string;
  perPage?: number;
}

export interface EventsPage extends EventsTable {
  previous?: PageLink;
  next?: PageLink;
}

function scopeParams(scope: EventsScope): URLSearchParams {
  const search = new URLSearchParams({ dataset: scope.dataset });
  for (const project of scope.projects) {
    search.append('project', project);
  }
  const filters = filterParams(scope.filters);
  if (!filters.statsPeriod && !filters.start) {
    filters.statsPeriod = DEFAULT_PERIOD;
  }
  for (const [key, value] of Object.entries(filters)) {
    search.set(key, value);
  }
  if (scope.query) {
    search.set('query', scope.query);
  }
  return search;
}

export function eventsUrl(q: EventsQuery): string {
  const search = scopeParams(q);
  for (const field of q.fields) {
    search.append('field', field);
  }
  if (q.sort) {
    search.set('sort', q.sort);
  }
  if (q.cursor) {
    search.set('cursor', q.cursor);
  }
  search.set('per_page', String(q.perPage ?? 50));
  return `/api/0/organizations/${enc(q.org)}/events/?${search}`;
}

export async function fetchEvents(q: EventsQuery, signal?: AbortSignal): Promise<EventsPage> {
  const response = await request(eventsUrl(q), { signal });
  const body = (await response.json()) as EventsTable;
  const links = parseLinkHeader(response.headers.get('Link'));
  return { data: body.data ?? [], meta: body.meta ?? { fields: {} }, previous: links.previous, next: links.next };
}

/** One Discover table query; the previous page stays shown while the next one loads. */
export function useEvents(q: EventsQuery | undefined) {
  return useQuery({
    queryKey: ['performance', 'events', q ? eventsUrl(q) : ''],
    queryFn: ({ signal }) => fetchEvents(q!, signal),
    enabled: !!q,
    placeholderData: (previous) => previous,
  });
}

export interface StatsQuery extends EventsScope {
  yAxis: string[];
  /** `1m`, `5m`, `1h`, `1d`; the server picks one for the range when omitted. */
  interval?: string;
}

export function statsUrl(q: StatsQuery): string {
  const search = scopeParams(q);
  for (const axis of q.yAxis) {
    search.append('yAxis', axis);
  }
  if (q.interval) {
    search.set('interval', q.interval);
  }
  return `/api/0/organizations/${enc(q.org)}/events-stats/?${search}`;
}

function isSeries(value: unknown): value is EventsStatsSeries {
  return !!value && typeof value === 'object' && Array.isArray((value as EventsStatsSeries).data);
}

/** A series as `[epoch seconds, value]` points; a null count (no events in a percentile's bucket) stays null. */
function points(series: EventsStatsSeries): Array<[number, number | null]> {
  return series.data.map(([ts, values]) => [ts, values[0]?.count ?? null]);
}

/**
 * The answer as one series per requested yAxis, whichever of Sentry's shapes came back: a plain
 * series for a single axis, an object keyed by axis for several.
 */
export function seriesByAxis(answer: EventsStatsResponse, yAxis: string[]): Record<string, Array<[number, number | null]>> {
  if (isSeries(answer)) {
    return { [yAxis[0]]: points(answer) };
  }
  const out: Record<string, Array<[number, number | null]>> = {};
  for (const axis of yAxis) {
    const series = answer[axis];
    if (isSeries(series)) {
      out[axis] = points(series);
    }
  }
  return out;
}

export function useEventsStats(q: StatsQuery | undefined) {
  return useQuery({
    queryKey: ['performance', 'stats', q ? statsUrl(q) : ''],
    queryFn: ({ signal }) => apiJson<EventsStatsResponse>(statsUrl(q!), { signal }),
    select: (answer) => seriesByAxis(answer, q!.yAxis),
    enabled: !!q,
  });
}

/** Nulls as zero, for bar charts of counts and rates. */
export function asCounts(series: Array<[number, number | null]> | undefined): StatsSeries {
  return (series ?? []).map(([ts, value]) => [ts, value ?? 0]);
}

export function traceUrl(org: string, traceId: string): string {
  return `/api/0/organizations/${enc(org)}/trace/${enc(traceId)}/?project=-1`;
}

/** The trace tree across projects: root spans with their children and errors, and errors without a span. */
export function useTrace(org: string | undefined, traceId: string | undefined) {
  return useQuery({
    queryKey: ['performance', 'trace', org, traceId],
    queryFn: ({ signal }) => apiJson<TraceNode[]>(traceUrl(org!, traceId!), { signal }),
    enabled: !!org && !!traceId,
  });
}

function thresholdUrl(org: string, project: string): string {
  return `/api/0/projects/${enc(org)}/${enc(project)}/transaction-threshold/configure/`;
}

/** The project's Apdex threshold in ms: the configured one, or Sentry's default of 300 ms when none is (404). */
export function useApdexThreshold(org: string | undefined, project: string | undefined) {
  return useQuery({
    queryKey: ['performance', 'threshold', org, project],
    queryFn: async ({ signal }) => {
      try {
        const answer = await apiJson<TransactionThreshold>(thresholdUrl(org!, project!), { signal });
        const value = Number(answer?.threshold);
        return Number.isFinite(value) && value > 0 ? value : DEFAULT_APDEX_THRESHOLD;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          return DEFAULT_APDEX_THRESHOLD;
        }
        throw error;
      }
    },
    enabled: !!org && !!project,
    staleTime: 60_000,
  });
}

export function useSetApdexThreshold(org: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (threshold: number) =>
      apiJson<TransactionThreshold>(thresholdUrl(org, project), {
        method: 'POST',
        body: { threshold, metric: 'duration' },
      }),
    onSuccess: (_answer, threshold) => {
      client.setQueryData(['performance', 'threshold', org, project], threshold);
      client.invalidateQueries({ queryKey: ['performance', 'events'] });
    },
  });
}

/** A trace's events as the issue page lists them: its transactions (segments) and its errors. */
export interface TraceEvents {
  transactions: TraceSpanNode[];
  errors: TraceErrorNode[];
}

export function traceEvents(nodes: TraceNode[]): TraceEvents {
  const transactions: TraceSpanNode[] = [];
  const errors: TraceErrorNode[] = [];
  const visit = (node: TraceNode) => {
    if (node.event_type === 'span') {
      const span = node as TraceSpanNode;
      if (span.is_transaction) {
        transactions.push(span);
      }
      errors.push(...(span.errors ?? []), ...(span.occurrences ?? []));
      (span.children ?? []).forEach(visit);
    } else if (node.event_type === 'error' || node.event_type === 'occurrence') {
      errors.push(node as TraceErrorNode);
    }
  };
  nodes.forEach(visit);
  transactions.sort((a, b) => a.start_timestamp - b.start_timestamp);
  return { transactions, errors };
}

/** The events of an error's trace (for the issue page); a 404 is a trace with nothing stored yet. */
export function useTraceEvents(org: string | undefined, traceId: string | undefined) {
  return useQuery({
    queryKey: ['performance', 'trace-events', org, traceId],
    queryFn: async ({ signal }) => {
      try {
        return await apiJson<TraceNode[]>(traceUrl(org!, traceId!), { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          return [];
        }
        throw error;
      }
    },
    select: traceEvents,
    enabled: !!org && !!traceId,
  });
}
