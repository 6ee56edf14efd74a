import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../api/client';
import type { IssueStatus, Project } from '../../../api/models';
import { DEFAULT_ISSUE_QUERY, graphPeriod, useBulkUpdate, useIssues, type IssueSort } from '../api';
import { fetchProjectTagValues, useEnvironments, useProjectTagKeys, useProjects } from '../../projects/api';
import { useOrganization } from '../../organization/api';
import { EmptyState, ErrorState, Loading } from '../../../ui/states/StateViews';
import { EnvironmentPicker, ProjectPicker, TimeRangePicker } from '../../../ui/filters/Pickers';
import { readPageFilters } from '../../../ui/filters/pageFilters';
import { useUrlState } from '../../../ui/filters/urlState';
import { SearchBar } from '../../../ui/search/SearchBar';
import { rememberIssueOrder } from '../issueNavigation';
import { LIST_SHORTCUTS, ShortcutsHelp } from '../../../ui/shortcuts/ShortcutsHelp';
import { focusSearch, useShortcuts } from '../../../ui/shortcuts/useShortcuts';
import { IGNORE, RESOLVE } from '../triage/changes';
import { BulkActions } from './BulkActions';
import { IssueTable } from './IssueTable';
import { SavedSearches } from './SavedSearches';

export { IssueTable } from './IssueTable';

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

const STATUS_TERM = /(^|\s)is:(unresolved|resolved|ignored)(?=\s|$)/;

/** The status tab a query belongs to: its `is:` status term, if any. */
export function statusOfQuery(query: string): IssueStatus | undefined {
  return STATUS_TERM.exec(query)?.[2] as IssueStatus | undefined;
}

/** The query with its status term replaced by (or prefixed with) `is:<status>`. */
export function withStatus(query: string, status: IssueStatus): string {
  if (STATUS_TERM.test(query)) {
    return query.replace(STATUS_TERM, `$1is:${status}`);
  }
  return `is:${status} ${query}`.trim();
}

function asSort(value: string | null): IssueSort {
  return value === 'new' || value === 'freq' || value === 'user' ? value : 'date';
}

export function IssuesPage() {
  const [params, setUrl] = useUrlState();
  const navigate = useNavigate();
  // The old ?status= links still work: they become the query's status term.
  const legacyStatus = params.get('status');
  const query =
    params.get('query') ??
    (legacyStatus === 'resolved' || legacyStatus === 'ignored' ? `is:${legacyStatus}` : DEFAULT_ISSUE_QUERY);
  const status = statusOfQuery(query);
  const sort = asSort(params.get('sort'));
  const cursor = params.get('cursor') ?? undefined;
  const projectSlug = params.get('project') ?? '';
  const filters = readPageFilters(params);
  const range = { period: filters.period, start: filters.start, end: filters.end };
  const filtered = !!filters.environment || !!range.period || !!range.start;

  const organization = useOrganization();
  const org = organization.data?.slug;
  const projects = useProjects(org);
  const project = projects.data?.find((p) => p.slug === projectSlug);
  const projectMissing = !!projectSlug && projects.isSuccess && !project;
  const ready = !!org && projects.isSuccess && !projectMissing;
  const issues = useIssues(
    ready ? { org: org!, project, query, sort, cursor, environment: filters.environment, range } : undefined,
  );
  // Tag keys and values for the suggestions: the chosen project's, or the first project's.
  const tagProject = project ?? projects.data?.[0];
  const tagKeys = useProjectTagKeys(org, tagProject?.slug);
  const environments = useEnvironments(org, tagProject?.slug);

  const rows = issues.data?.items ?? [];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [focusedIndex, setFocusedIndex] = useState(-1);
  const bulk = useBulkUpdate(org ?? '');
  const rowIds = rows.map((issue) => issue.id).join(',');
  useEffect(() => {
    // A new page of results: drop selections of issues no longer shown, remember the order for n / p.
    const shown = new Set(rowIds ? rowIds.split(',') : []);
    setSelected((current) => new Set([...current].filter((id) => shown.has(id))));
    setFocusedIndex((index) => Math.min(index, shown.size - 1));
    if (rowIds) {
      rememberIssueOrder(rowIds.split(','));
    }
  }, [rowIds]);

  const focused = focusedIndex >= 0 ? rows[focusedIndex] : undefined;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) {
        next.delete(id);
      } else {
        next.add(id);
      }
      return next;
    });
  const targets = () => (selected.size > 0 ? [...selected] : focused ? [focused.id] : []);
  const act = (change: typeof RESOLVE) => {
    const ids = targets();
    if (ids.length > 0 && org) {
      bulk.mutate({ ids, change }, { onSuccess: () => setSelected(new Set()) });
    }
  };
  useShortcuts({
    j: () => setFocusedIndex((index) => Math.min(index + 1, rows.length - 1)),
    k: () => setFocusedIndex((index) => Math.max(index - 1, 0)),
    x: () => focused && toggle(focused.id),
    r: () => act(RESOLVE),
    i: () => act(IGNORE),
    Enter: () => focused && navigate(`/issues/${focused.id}`),
    '/': focusSearch,
  });

  // The old ?status= parameter, once read, gives way to the query's status term.
  const update = (changes: Record<string, string | undefined>) => setUrl({ status: undefined, ...changes });

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
  const searchError = issues.error instanceof ApiError && issues.error.status === 400 ? issues.error.message : null;
  const selectedIssues = rows.filter((issue) => selected.has(issue.id));

  return (
    <section className="page">
      <div className="page-header">
        <h1>Issues</h1>
        <div className="toolbar">
          <ProjectPicker projects={projects.data!} value={projectSlug || undefined} onChange={(slug) => update({ project: slug })} />
          <EnvironmentPicker
            environments={environments.data ?? []}
            value={filters.environment}
            onChange={(environment) => update({ environment })}
          />
          <TimeRangePicker
            value={range}
            allowAll
            onChange={(next) => update({ statsPeriod: next.period, start: next.start, end: next.end })}
          />
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
      <SearchBar
        label="Search issues"
        value={query}
        onSubmit={(text) => update({ query: text || undefined })}
        tagKeys={tagKeys.data?.map((tag) => tag.key)}
        sourceId={`${org}/${tagProject?.slug ?? ''}`}
        values={
          tagProject
            ? async (key, prefix, signal) =>
                (await fetchProjectTagValues(org, tagProject.slug, key, prefix, signal)).map((value) => value.value)
            : undefined
        }
        error={searchError}
      />
      <SavedSearches
        org={org}
        query={query}
        sort={sort}
        onPick={(search) => update({ query: search.query, sort: search.sort ?? undefined })}
      />
      <div className="tabs" role="tablist" aria-label="Issue status">
        {STATUS_TABS.map((tab) => (
          <button
            key={tab.status}
            type="button"
            role="tab"
            aria-selected={tab.status === status}
            className={tab.status === status ? 'tab tab-active' : 'tab'}
            onClick={() => update({ query: withStatus(query, tab.status) })}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <BulkActions org={org} selected={selectedIssues} onDone={() => setSelected(new Set())} />
      {bulk.error && (
        <p className="form-error" role="alert">
          Could not change the issues: {bulk.error.message}
        </p>
      )}
      <ShortcutsHelp shortcuts={LIST_SHORTCUTS} />
      {projectMissing ? (
        <EmptyState title={`There is no project "${projectSlug}".`}>
          <p>
            <Link to="/issues">Show all projects</Link>
          </p>
        </EmptyState>
      ) : issues.isPending ? (
        <Loading label="Loading issues…" />
      ) : searchError ? (
        <EmptyState title="Fix the search to see issues." />
      ) : issues.isError ? (
        <ErrorState error={issues.error} onRetry={() => issues.refetch()} />
      ) : issues.data.items.length === 0 ? (
        query === DEFAULT_ISSUE_QUERY && !filtered ? (
          <NoIssues project={project} projects={projects.data!} />
        ) : (
          <EmptyState title={filtered ? 'No issues match this search and these filters.' : 'No issues match this search.'} />
        )
      ) : (
        <IssueTable
          issues={issues.data.items}
          busy={issues.isFetching && issues.isPlaceholderData}
          showProject={!project}
          graphPeriod={graphPeriod(range)}
          focusedId={focused?.id}
          sorting={{ sort, onSort: (next) => update({ sort: next }) }}
          paging={{
            previous: issues.data.previous,
            next: issues.data.next,
            onCursor: (next) => update({ cursor: next }),
          }}
          selection={{
            selected,
            toggle,
            toggleAll: () =>
              setSelected((current) =>
                rows.every((issue) => current.has(issue.id)) ? new Set() : new Set(rows.map((issue) => issue.id)),
              ),
          }}
        />
      )}
    </section>
  );
}

function NoIssues({ project, projects }: { project?: Project; projects: Project[] }) {
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

