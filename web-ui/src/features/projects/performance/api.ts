// A project's performance issue detection settings: Sentry's performance-issues/configure/.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../api/client';

const enc = encodeURIComponent;

/** Every changeable setting by Sentry's key: detector switches and thresholds. */
export type PerformanceIssueSettings = Record<string, boolean | number>;

/** The detectors and their thresholds, in the order Sentry's settings page shows them. */
export const DETECTORS: Array<{
  key: string;
  label: string;
  thresholds: Array<{ key: string; label: string; unit: string }>;
}> = [
  {
    key: 'n_plus_one_db_queries_detection_enabled',
    label: 'N+1 DB queries',
    thresholds: [{ key: 'n_plus_one_db_duration_threshold', label: 'Least total duration of the repeated queries', unit: 'ms' }],
  },
  {
    key: 'slow_db_queries_detection_enabled',
    label: 'Slow DB queries',
    thresholds: [{ key: 'slow_db_query_duration_threshold', label: 'Least duration of a query', unit: 'ms' }],
  },
  {
    key: 'consecutive_http_spans_detection_enabled',
    label: 'Consecutive HTTP calls',
    thresholds: [{ key: 'consecutive_http_spans_min_time_saved_threshold', label: 'Least time running them in parallel would save', unit: 'ms' }],
  },
  {
    key: 'large_render_blocking_asset_detection_enabled',
    label: 'Large render-blocking assets',
    thresholds: [{ key: 'render_blocking_fcp_ratio', label: 'Least share of the first contentful paint', unit: '' }],
  },
  {
    key: 'uncompressed_assets_detection_enabled',
    label: 'Uncompressed assets',
    thresholds: [
      { key: 'uncompressed_asset_size_threshold', label: 'Least size', unit: 'bytes' },
      { key: 'uncompressed_asset_duration_threshold', label: 'Least load time', unit: 'ms' },
    ],
  },
];

function settingsPath(org: string, project: string) {
  return `/api/0/projects/${enc(org)}/${enc(project)}/performance-issues/configure/`;
}

export function usePerformanceIssueSettings(org: string, project: string) {
  return useQuery({
    queryKey: ['performance-issues', org, project],
    queryFn: () => apiJson<PerformanceIssueSettings>(settingsPath(org, project)),
  });
}

/** Changes the given settings; the others keep their values. */
export function useSavePerformanceIssueSettings(org: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changed: PerformanceIssueSettings) =>
      apiJson<PerformanceIssueSettings>(settingsPath(org, project), { method: 'PUT', body: changed }),
    onSuccess: (saved) => client.setQueryData(['performance-issues', org, project], saved),
  });
}

/** Back to Sentry's defaults. */
export function useResetPerformanceIssueSettings(org: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiJson<void>(settingsPath(org, project), { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['performance-issues', org, project] }),
  });
}
