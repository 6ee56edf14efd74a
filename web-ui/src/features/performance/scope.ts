// The project and filters a performance page works on, read from the address.
import type { Project } from '../../api/models';
import { useOrganization } from '../organization/api';
import { useProjects } from '../projects/api';
import { usePageFilters, type PageFilters } from '../../ui/filters/pageFilters';

export interface PerformanceScope {
  org?: string;
  projects: Project[];
  /** The project in the address, or the first project when it names none. */
  project?: Project;
  /** The address names a project the organization does not have. */
  projectMissing: boolean;
  filters: PageFilters;
  setFilters: (changes: Partial<PageFilters>) => void;
  /** What to show instead of the page while the organization and projects load or fail. */
  pending: boolean;
  error: unknown;
  retry: () => void;
}

/**
 * Performance pages are per project (the Apdex threshold is a project's): the `project` slug of the
 * address, else the organization's first project. Environment and time range are the shared page filters.
 */
export function usePerformanceScope(): PerformanceScope {
  const [filters, setFilters] = usePageFilters();
  const organization = useOrganization();
  const org = organization.data?.slug;
  const projects = useProjects(org);
  const list = projects.data ?? [];
  const project = filters.project ? list.find((p) => p.slug === filters.project) : list[0];
  return {
    org,
    projects: list,
    project,
    projectMissing: !!filters.project && projects.isSuccess && !project,
    filters,
    setFilters,
    pending: organization.isPending || (!!org && projects.isPending),
    error: organization.error ?? projects.error,
    retry: () => {
      organization.refetch();
      projects.refetch();
    },
  };
}

/** The address of a performance page for a project, keeping the page filters. */
export function performancePath(path: string, filters: PageFilters, extra: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  const values: Record<string, string | undefined> = {
    project: filters.project,
    environment: filters.environment,
    statsPeriod: filters.period,
    start: filters.start,
    end: filters.end,
    ...extra,
  };
  for (const [key, value] of Object.entries(values)) {
    if (value) {
      search.set(key, value);
    }
  }
  const query = search.toString();
  return `/performance${path}${query ? `?${query}` : ''}`;
}
