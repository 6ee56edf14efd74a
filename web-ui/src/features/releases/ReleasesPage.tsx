import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { RelativeTime } from '../../ui/RelativeTime';
import { useUrlState } from '../../ui/filters/urlState';
import { SearchBar } from '../../ui/search/SearchBar';
import { EmptyState, ErrorState, Loading } from '../../ui/states/StateViews';
import { DataTable } from '../../ui/table/DataTable';
import { useOrganization } from '../organization/api';
import { useProjects } from '../projects/api';
import { RELEASE_SORTS, combinedHealth, formatPercentage, useReleases, type Release } from './api';

const enc = encodeURIComponent;

/** The path of a release's page. */
export function releasePath(version: string, project?: string): string {
  return `/releases/${enc(version)}/${project ? `?project=${enc(project)}` : ''}`;
}

const COLUMNS: Array<ColumnDef<Release, unknown>> = [
  {
    id: 'version',
    header: 'Version',
    cell: ({ row }) => (
      <Link className="mono release-version" to={releasePath(row.original.version)}>
        {row.original.version}
      </Link>
    ),
  },
  {
    id: 'projects',
    header: 'Projects',
    cell: ({ row }) => row.original.projects.map((project) => project.slug).join(', '),
    meta: { width: '12rem' },
  },
  {
    id: 'adoption',
    header: 'Adoption',
    cell: ({ row }) => formatPercentage(combinedHealth(row.original).adoption),
    meta: { width: '7rem', align: 'end', sortKey: 'adoption' },
  },
  {
    id: 'crash_free_sessions',
    header: 'Crash-free sessions',
    cell: ({ row }) => formatPercentage(combinedHealth(row.original).crashFreeSessions),
    meta: { width: '11.5rem', align: 'end', sortKey: 'crash_free_sessions' },
  },
  {
    id: 'crash_free_users',
    header: 'Crash-free users',
    cell: ({ row }) => formatPercentage(combinedHealth(row.original).crashFreeUsers),
    meta: { width: '10.5rem', align: 'end', sortKey: 'crash_free_users' },
  },
  {
    id: 'sessions',
    header: 'Sessions',
    cell: ({ row }) => String(combinedHealth(row.original).sessions),
    meta: { width: '6.5rem', align: 'end', sortKey: 'sessions', className: 'col-date' },
  },
  {
    id: 'new_issues',
    header: 'New issues',
    cell: ({ row }) => String(row.original.newGroups),
    meta: { width: '6.5rem', align: 'end' },
  },
  {
    id: 'last_deploy',
    header: 'Last deploy',
    cell: ({ row }) => {
      const deploy = row.original.lastDeploy;
      return deploy ? (
        <span>
          {deploy.environment} · <RelativeTime date={deploy.dateFinished} />
        </span>
      ) : (
        '—'
      );
    },
    meta: { width: '14rem', className: 'col-date' },
  },
  {
    id: 'created',
    header: 'Created',
    cell: ({ row }) => <RelativeTime date={row.original.dateCreated} />,
    meta: { width: '7.5rem', sortKey: 'date', className: 'col-date' },
  },
];

/**
 * The organization's releases, newest first or by health (sessions, adoption, crash-free
 * sessions or users over Sentry's 14-day summary): version, projects, adoption over 24 hours,
 * crash-free rates, sessions, new issues and the last deploy; filtered by project and by text in
 * the version, paged by cursor.
 */
export function ReleasesPage() {
  const organization = useOrganization();
  const org = organization.data?.slug;
  const projects = useProjects(org);
  const [params, setUrl] = useUrlState();
  const projectSlug = params.get('project') ?? '';
  const project = projects.data?.find((candidate) => candidate.slug === projectSlug);
  const sort = RELEASE_SORTS.some((option) => option.value === params.get('sort')) ? params.get('sort')! : 'date';
  const query = params.get('query') ?? '';
  const releases = useReleases(
    org && projects.data ? { org, project: project?.id, query, sort, cursor: params.get('cursor') ?? undefined } : undefined,
  );

  if (organization.isPending || (org && projects.isPending)) {
    return <Loading />;
  }
  if (organization.isError) {
    return <ErrorState error={organization.error} onRetry={() => organization.refetch()} />;
  }
  if (!org) {
    return <EmptyState title="You are not a member of any organization." />;
  }
  const searchError = releases.error instanceof ApiError && releases.error.status === 400 ? releases.error.message : null;
  return (
    <section className="page">
      <div className="page-header">
        <h1>Releases</h1>
      </div>
      <div className="release-controls">
        <label>
          Project{' '}
          <select value={projectSlug} onChange={(event) => setUrl({ project: event.target.value || undefined, cursor: undefined })}>
            <option value="">All projects</option>
            {(projects.data ?? []).map((candidate) => (
              <option key={candidate.id} value={candidate.slug}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by{' '}
          <select value={sort} onChange={(event) => setUrl({ sort: event.target.value === 'date' ? undefined : event.target.value, cursor: undefined })}>
            {RELEASE_SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <SearchBar
          label="Search releases"
          placeholder="Version contains…"
          value={query}
          builtInKeys={[]}
          onSubmit={(text) => setUrl({ query: text || undefined, cursor: undefined })}
          error={searchError}
        />
      </div>
      {releases.isPending ? (
        <Loading label="Loading releases…" />
      ) : releases.isError && !searchError ? (
        <ErrorState error={releases.error} onRetry={() => releases.refetch()} />
      ) : (releases.data?.items.length ?? 0) === 0 ? (
        <EmptyState title={sort === 'date' ? 'No releases yet' : 'No release has sessions in the last 14 days'}>
          {sort === 'date' && (
            <p>
              Create one with <code>sentry-cli releases new &lt;version&gt;</code> in your deploy pipeline, or set the SDK's{' '}
              <code>release</code> option.
            </p>
          )}
        </EmptyState>
      ) : (
        <DataTable
          label="Releases"
          className="releases-table"
          data={releases.data!.items}
          columns={COLUMNS}
          getRowId={(release) => release.version}
          busy={releases.isFetching && releases.isPlaceholderData}
          sorting={{ sort, onSort: (key) => setUrl({ sort: key === 'date' ? undefined : key, cursor: undefined }) }}
          paging={{ previous: releases.data!.previous, next: releases.data!.next, onCursor: (cursor) => setUrl({ cursor }) }}
        />
      )}
    </section>
  );
}
