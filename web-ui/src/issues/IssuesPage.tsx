import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import type { Issue, IssueStatus, Project } from '../api/models';
import { useIssues, useOrganization, useProjects, type IssueSort } from '../api/queries';
import { EmptyState, ErrorState, Loading } from '../components/StateViews';
import { RelativeTime } from '../components/RelativeTime';
import { TimeSeriesChart } from '../components/TimeSeriesChart';
import { compactNumber } from '../components/format';

export const STATUS_TABS: Array<{ status: IssueStatus; label: string }> = [
  { status: 'unresolved', label: 'Unresolved' },
  { status: 'resolved', label: 'Resolved' },
  { status: 'ignored', label: 'Ignored' },
];

export const SORTS: Array<{ sort: IssueSort; label: string }> = [
  { sort: 'date', label: 'Last seen' },
  { sort: 'new', label: 'First seen' },
  { sort: 'freq', label: 'Events' },
  { sort: 'user', label: 'Users' },
];

function asStatus(value: string | null): IssueStatus {
  return value === 'resolved' || value === 'ignored' ? value : 'unresolved';
}

function asSort(value: string | null): IssueSort {
  return value === 'new' || value === 'freq' || value === 'user' ? value : 'date';
}

export function IssuesPage() {
  const [params, setParams] = useSearchParams();
  const status = asStatus(params.get('status'));
  const sort = asSort(params.get('sort'));
  const cursor = params.get('cursor') ?? undefined;
  const projectSlug = params.get('project') ?? '';

  const organization = useOrganization();
  const org = organization.data?.slug;
  const projects = useProjects(org);
  const project = projects.data?.find((p) => p.slug === projectSlug);
  const projectMissing = !!projectSlug && projects.isSuccess && !project;
  const ready = !!org && projects.isSuccess && !projectMissing;
  const issues = useIssues(ready ? { org: org!, project, status, sort, cursor } : undefined);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    if (!('cursor' in changes)) {
      next.delete('cursor');
    }
    setParams(next);
  };

  if (organization.isPending || (org && projects.isPending)) {
    return <Loading />;
  }
  if (organization.isError) {
    return <ErrorState error={organization.error} onRetry={() => organization.refetch()} />;
  }
  if (projects.isError) {
    return <ErrorState error={projects.error} onRetry={() => projects.refetch()} />;
  }
  if (!org) {
    return <EmptyState title="You are not a member of any organization." />;
  }

  return (
    <section className="page">
      <div className="page-header">
        <h1>Issues</h1>
        <div className="toolbar">
          <label className="inline-label">
            Project{' '}
            <select value={projectSlug} onChange={(e) => update({ project: e.target.value || undefined })}>
              <option value="">All projects</option>
              {projects.data!.map((p) => (
                <option key={p.id} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-label">
            Sort by{' '}
            <select value={sort} onChange={(e) => update({ sort: e.target.value })}>
              {SORTS.map((s) => (
                <option key={s.sort} value={s.sort}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label="Issue status">
        {STATUS_TABS.map((tab) => (
          <button
            key={tab.status}
            type="button"
            role="tab"
            aria-selected={tab.status === status}
            className={tab.status === status ? 'tab tab-active' : 'tab'}
            onClick={() => update({ status: tab.status === 'unresolved' ? undefined : tab.status })}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {projectMissing ? (
        <EmptyState title={`There is no project "${projectSlug}".`}>
          <p>
            <Link to="/issues">Show all projects</Link>
          </p>
        </EmptyState>
      ) : issues.isPending ? (
        <Loading label="Loading issues…" />
      ) : issues.isError ? (
        <ErrorState error={issues.error} onRetry={() => issues.refetch()} />
      ) : issues.data.items.length === 0 ? (
        <NoIssues status={status} project={project} projects={projects.data!} />
      ) : (
        <>
          <IssueTable issues={issues.data.items} busy={issues.isFetching && issues.isPlaceholderData} showProject={!project} />
          <div className="pagination">
            <button
              type="button"
              className="button"
              disabled={!issues.data.previous?.results}
              onClick={() => update({ cursor: issues.data.previous?.cursor })}
            >
              ← Previous
            </button>
            <button
              type="button"
              className="button"
              disabled={!issues.data.next?.results}
              onClick={() => update({ cursor: issues.data.next?.cursor })}
            >
              Next →
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function NoIssues({ status, project, projects }: { status: IssueStatus; project?: Project; projects: Project[] }) {
  if (status !== 'unresolved') {
    return <EmptyState title={`No ${status} issues.`} />;
  }
  if (projects.length === 0) {
    return (
      <EmptyState title="No issues yet — and no projects">
        <p>
          <Link to="/projects">Create a project</Link>, give its DSN to a Sentry SDK in your application, and the first
          error it reports shows up here.
        </p>
      </EmptyState>
    );
  }
  const target = project ?? projects[0];
  return (
    <EmptyState title="No unresolved issues. Waiting for the first event…">
      <p>
        Install a Sentry SDK in your application, initialise it with the project's DSN and capture an error: it appears
        here within seconds.
      </p>
      <p>
        <Link to={`/projects/${target.slug}`}>Get the DSN and a setup snippet for {target.name}</Link>
      </p>
    </EmptyState>
  );
}

const column = createColumnHelper<Issue>();

export function IssueTable({
  issues,
  busy = false,
  showProject = false,
}: {
  issues: Issue[];
  busy?: boolean;
  showProject?: boolean;
}) {
  const columns = useMemo(
    () => [
      column.display({
        id: 'issue',
        header: 'Issue',
        cell: ({ row }) => <IssueSummary issue={row.original} showProject={showProject} />,
      }),
      column.display({
        id: 'graph',
        header: 'Last 24h',
        meta: { className: 'col-graph' },
        cell: ({ row }) => {
          const series = row.original.stats?.['24h'];
          return series && series.length > 0 ? <TimeSeriesChart series={series} width={110} height={28} spark /> : null;
        },
      }),
      column.accessor('count', {
        header: 'Events',
        meta: { className: 'col-num' },
        cell: (info) => compactNumber(info.getValue()),
      }),
      column.accessor('userCount', {
        header: 'Users',
        meta: { className: 'col-num' },
        cell: (info) => compactNumber(info.getValue()),
      }),
      column.accessor('firstSeen', {
        header: 'First seen',
        meta: { className: 'col-date' },
        cell: (info) => <RelativeTime date={info.getValue()} />,
      }),
      column.accessor('lastSeen', {
        header: 'Last seen',
        meta: { className: 'col-date' },
        cell: (info) => <RelativeTime date={info.getValue()} />,
      }),
    ],
    [showProject],
  );
  const table = useReactTable({ data: issues, columns, getCoreRowModel: getCoreRowModel(), getRowId: (issue) => issue.id });
  return (
    <div className={busy ? 'table-scroll busy' : 'table-scroll'}>
      <table className="table issue-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} className={(header.column.columnDef.meta as { className?: string })?.className}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid="issue-row">
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={(cell.column.columnDef.meta as { className?: string })?.className}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function IssueSummary({ issue, showProject }: { issue: Issue; showProject: boolean }) {
  return (
    <div className="issue-summary">
      <Link to={`/issues/${issue.id}`} className="issue-title">
        <span className={`level level-${issue.level}`} title={issue.level} aria-label={`level ${issue.level}`} />
        {issue.title}
      </Link>
      <div className="issue-meta muted">
        {showProject && <span className="issue-project">{issue.project.name}</span>}
        <span className="mono">{issue.shortId}</span>
        {issue.culprit && <span className="culprit">{issue.culprit}</span>}
        <span className="badge">{issue.level}</span>
      </div>
    </div>
  );
}
