import { useUrlState } from './urlState';

/** The relative periods the time-range picker offers, as Sentry's `statsPeriod` values. */
export const PERIODS: Array<{ value: string; label: string }> = [
  { value: '1h', label: 'Last hour' },
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '14d', label: 'Last 14 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: '90d', label: 'Last 90 days' },
];

/** A time range: a relative `statsPeriod`, or an absolute `start`/`end` (ISO 8601). */
export interface TimeRange {
  period?: string;
  start?: string;
  end?: string;
}

/**
 * The filters every page shares, in the address under Sentry's parameter names: `project` (a
 * slug), `environment`, and `statsPeriod` or `start` + `end`. Pages read them here and pass them to
 * the API as they are, so a link to a filtered page opens filtered.
 */
export interface PageFilters extends TimeRange {
  project?: string;
  environment?: string;
}

export function readPageFilters(params: URLSearchParams): PageFilters {
  const get = (key: string) => params.get(key) || undefined;
  const start = get('start');
  const end = get('end');
  const absolute = !!start && !!end;
  return {
    project: get('project'),
    environment: get('environment'),
    period: absolute ? undefined : get('statsPeriod'),
    start: absolute ? start : undefined,
    end: absolute ? end : undefined,
  };
}

/** The filters as API query parameters (Sentry's names), only those that are set. */
export function filterParams(filters: PageFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.environment) {
    out.environment = filters.environment;
  }
  if (filters.start && filters.end) {
    out.start = filters.start;
    out.end = filters.end;
  } else if (filters.period) {
    out.statsPeriod = filters.period;
  }
  return out;
}

export function usePageFilters(): [PageFilters, (changes: Partial<PageFilters>) => void] {
  const [params, update] = useUrlState();
  const setFilters = (changes: Partial<PageFilters>) => {
    const next: Record<string, string | undefined> = {};
    if ('project' in changes) {
      next.project = changes.project;
    }
    if ('environment' in changes) {
      next.environment = changes.environment;
    }
    if ('period' in changes || 'start' in changes || 'end' in changes) {
      next.statsPeriod = changes.period;
      next.start = changes.start;
      next.end = changes.end;
    }
    update(next);
  };
  return [readPageFilters(params), setFilters];
}
