// Releases: typed clients of the release list and detail (with Sentry's healthData), the release's
// commits, deploys and artifact bundles, its new issues, and release health over time (the
// sessions endpoint), with their TanStack Query hooks.
import { useQuery } from '@tanstack/react-query';
import { apiJson, apiPage } from '../../api/client';
import type { Issue } from '../../api/models';

const enc = encodeURIComponent;

/** Release health of one project's release; rates and adoption in percent. */
export interface HealthData {
  crashFreeSessions: number | null;
  crashFreeUsers: number | null;
  adoption: number | null;
  sessionsAdoption: number | null;
  totalSessions: number;
  totalUsers: number;
  totalSessions24h: number;
  totalUsers24h: number;
  totalProjectSessions24h: number;
  totalProjectUsers24h: number;
  sessionsCrashed: number;
  sessionsErrored: number;
  hasHealthData: boolean;
  stats: Record<string, Array<[number, number]>>;
}

export interface ReleaseProject {
  id: string;
  slug: string;
  name: string;
  platform: string | null;
  newGroups: number;
  hasHealthData: boolean;
  healthData?: HealthData;
}

export interface Deploy {
  id: string;
  environment: string;
  name: string | null;
  url: string | null;
  dateStarted: string | null;
  dateFinished: string;
}

export interface Release {
  id: number;
  version: string;
  shortVersion: string;
  status: 'open' | 'archived';
  ref: string | null;
  url: string | null;
  dateCreated: string;
  dateReleased: string | null;
  firstEvent: string | null;
  lastEvent: string | null;
  newGroups: number;
  commitCount: number;
  deployCount: number;
  lastDeploy: Deploy | null;
  authors: Array<{ name: string | null; email: string }>;
  projects: ReleaseProject[];
}

export interface Commit {
  id: string;
  message: string | null;
  dateCreated: string | null;
  author: { name: string | null; email: string } | null;
  repository: { name: string } | null;
  files?: Array<{ filename: string; type: string }>;
}

export interface ArtifactBundle {
  bundleId: string;
  date: string;
  dateModified: string;
  fileCount: number;
  associations: Array<{ release: string; dist: string | null }>;
}

/** One group of the sessions endpoint. */
export interface SessionGroup {
  by: Record<string, string | number | null>;
  totals: Record<string, number | null>;
  series: Record<string, Array<number | null>>;
}

export interface SessionsResponse {
  start: string;
  end: string;
  intervals: string[];
  groups: SessionGroup[];
}

/** How the release list can be ordered (Sentry's `sort`). */
export const RELEASE_SORTS = [
  { value: 'date', label: 'Date created' },
  { value: 'sessions', label: 'Total sessions' },
  { value: 'adoption', label: 'Adoption' },
  { value: 'crash_free_sessions', label: 'Crash-free sessions' },
  { value: 'crash_free_users', label: 'Crash-free users' },
] as const;

export interface ReleaseListQuery {
  org: string;
  /** A project id, or none for every project. */
  project?: string;
  query?: string;
  sort?: string;
  cursor?: string;
}

export function releasesUrl(q: ReleaseListQuery): string {
  const search = new URLSearchParams({ health: '1', per_page: '25' });
  if (q.project) {
    search.set('project', q.project);
  }
  if (q.query) {
    search.set('query', q.query);
  }
  if (q.sort && q.sort !== 'date') {
    search.set('sort', q.sort);
  }
  if (q.cursor) {
    search.set('cursor', q.cursor);
  }
  return `/api/0/organizations/${enc(q.org)}/releases/?${search}`;
}

export function useReleases(q: ReleaseListQuery | undefined) {
  return useQuery({
    queryKey: ['releases', q ? releasesUrl(q) : ''],
    queryFn: ({ signal }) => apiPage<Release>(releasesUrl(q!), { signal }),
    enabled: !!q,
    placeholderData: (previous) => previous,
  });
}

const releasePath = (org: string, version: string) => `/api/0/organizations/${enc(org)}/releases/${enc(version)}/`;

export function useRelease(org: string | undefined, version: string | undefined, healthPeriod = '24h') {
  return useQuery({
    queryKey: ['release', org, version, healthPeriod],
    queryFn: ({ signal }) =>
      apiJson<Release>(`${releasePath(org!, version!)}?health=1&healthStatsPeriod=${enc(healthPeriod)}`, { signal }),
    enabled: !!org && !!version,
  });
}

export function useReleaseCommits(org: string | undefined, version: string | undefined) {
  return useQuery({
    queryKey: ['release', org, version, 'commits'],
    queryFn: ({ signal }) => apiJson<Commit[]>(`${releasePath(org!, version!)}commits/`, { signal }),
    enabled: !!org && !!version,
  });
}

export function useReleaseDeploys(org: string | undefined, version: string | undefined) {
  return useQuery({
    queryKey: ['release', org, version, 'deploys'],
    queryFn: ({ signal }) => apiJson<Deploy[]>(`${releasePath(org!, version!)}deploys/`, { signal }),
    enabled: !!org && !!version,
  });
}

/** The artifact bundles of a project that name the release. */
export function useArtifactBundles(org: string | undefined, project: string | undefined, version: string | undefined) {
  return useQuery({
    queryKey: ['artifact-bundles', org, project],
    queryFn: ({ signal }) =>
      apiJson<ArtifactBundle[]>(`/api/0/projects/${enc(org!)}/${enc(project!)}/files/artifact-bundles/`, { signal }),
    enabled: !!org && !!project && !!version,
    select: (bundles) => bundles.filter((bundle) => bundle.associations.some((a) => a.release === version)),
  });
}

/** A search value in Sentry's syntax: quoted when it has spaces or quotes. */
export function searchValue(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replace(/"/g, '\\"')}"` : value;
}

/** The issues first seen in the release. */
export function useNewIssues(org: string | undefined, projects: string[], version: string | undefined) {
  // No statsPeriod: the issue list's is the period of its count graphs ('', 24h or 14d), not a range.
  const search = new URLSearchParams({ query: `firstRelease:${searchValue(version ?? '')}`, limit: '25' });
  projects.forEach((project) => search.append('project', project));
  return useQuery({
    queryKey: ['release', org, version, 'new-issues', projects],
    queryFn: ({ signal }) => apiJson<Issue[]>(`/api/0/organizations/${enc(org!)}/issues/?${search}`, { signal }),
    enabled: !!org && !!version && projects.length > 0,
  });
}

/** Sessions and crash-free rates of the release over time, hourly over 24 hours or daily over 14 days. */
export function useReleaseSessions(org: string | undefined, projects: string[], version: string | undefined, period: string) {
  const search = new URLSearchParams({
    query: `release:${searchValue(version ?? '')}`,
    statsPeriod: period,
    interval: period === '24h' ? '1h' : '1d',
  });
  for (const field of ['sum(session)', 'count_unique(user)', 'crash_free_rate(session)', 'crash_free_rate(user)']) {
    search.append('field', field);
  }
  projects.forEach((project) => search.append('project', project));
  return useQuery({
    queryKey: ['release', org, version, 'sessions', period, projects],
    queryFn: ({ signal }) => apiJson<SessionsResponse>(`/api/0/organizations/${enc(org!)}/sessions/?${search}`, { signal }),
    enabled: !!org && !!version && projects.length > 0,
  });
}

/**
 * Health over all the projects of a release: sessions add up, crash-free sessions are counted over
 * their sum; users cannot be added across projects, so the lowest project's crash-free users and
 * the highest adoption are shown.
 */
export function combinedHealth(release: Release) {
  const withData = release.projects.map((project) => project.healthData).filter((health): health is HealthData => !!health);
  const sessions = withData.reduce((sum, health) => sum + health.totalSessions, 0);
  const crashed = withData.reduce((sum, health) => sum + health.sessionsCrashed, 0);
  const users = withData.map((health) => health.crashFreeUsers).filter((value): value is number => value !== null);
  const adoption = withData.map((health) => health.adoption).filter((value): value is number => value !== null);
  return {
    sessions,
    crashFreeSessions: sessions > 0 ? 100 * (1 - crashed / sessions) : null,
    crashFreeUsers: users.length > 0 ? Math.min(...users) : null,
    adoption: adoption.length > 0 ? Math.max(...adoption) : null,
  };
}

/** A percentage as the release pages show it: `99.5%`, `100%`, `—` for none. */
export function formatPercentage(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  if (value >= 100) {
    return '100%';
  }
  const digits = value >= 99.9 ? 3 : value >= 99 ? 2 : 1;
  return `${value.toFixed(digits).replace(/\.?0+$/, '')}%`;
}
