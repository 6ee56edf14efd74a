import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { Issue } from '../../../api/models';
import { RelativeTime } from '../../../ui/RelativeTime';
import { TimeSeriesChart } from '../../../ui/chart/TimeSeriesChart';
import { compactNumber } from '../../../ui/format';
import { assigneeName } from '../triage/AssigneeSelect';
import { DataTable, type CursorPaging, type Sorting } from '../../../ui/table/DataTable';

const column = createColumnHelper<Issue>();

export interface Selection {
  selected: Set<string>;
  toggle: (id: string) => void;
  toggleAll: () => void;
}

interface TableMeta {
  selection?: Selection;
  graphPeriod: string;
  showProject: boolean;
  issues: Issue[];
}

// Column definitions are module constants: cells are components, and new definitions on every
// render would remount every cell (losing focus and DOM nodes). What changes comes through meta.
const metaOf = (table: { options: { meta?: unknown } }) => table.options.meta as TableMeta;

const SELECT_COLUMN = column.display({
  id: 'select',
  header: ({ table }) => {
    const { selection, issues } = metaOf(table);
    const all = issues.length > 0 && issues.every((issue) => selection!.selected.has(issue.id));
    return <input type="checkbox" aria-label="Select all issues on this page" checked={all} onChange={selection!.toggleAll} />;
  },
  meta: { width: '2.5rem', className: 'col-select' },
  cell: ({ row, table }) => {
    const { selection } = metaOf(table);
    return (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.shortId}`}
        checked={selection!.selected.has(row.original.id)}
        onChange={() => selection!.toggle(row.original.id)}
      />
    );
  },
});

const COLUMNS = [
  column.display({
    id: 'issue',
    header: 'Issue',
    meta: { className: 'col-issue' },
    cell: ({ row, table }) => <IssueSummary issue={row.original} showProject={metaOf(table).showProject} />,
  }),
  column.display({
    id: 'graph',
    header: ({ table }) => `Last ${metaOf(table).graphPeriod}`,
    meta: { width: '9rem', className: 'col-graph' },
    cell: ({ row, table }) => {
      const period = metaOf(table).graphPeriod;
      const series = row.original.stats?.[period];
      if (!series || series.length === 0) {
        return null;
      }
      const total = series.reduce((sum, point) => sum + point[1], 0);
      return (
        <div className="sparkline-cell" data-testid="sparkline-cell" data-total={total}>
          <TimeSeriesChart series={series} width={96} height={28} spark label={`Events in the last ${period}`} />
          <span className="sparkline-total small">{compactNumber(total)}</span>
        </div>
      );
    },
  }),
  column.accessor('count', {
    header: 'Events',
    meta: { width: '5.5rem', align: 'end', sortKey: 'freq' },
    // With an environment or time range picked, the events in it (the lifetime count in the title).
    cell: ({ row }) => {
      const { count, filtered } = row.original;
      return filtered ? (
        <span data-testid="issue-count" title={`${count} events in all`}>
          {compactNumber(filtered.count)}
        </span>
      ) : (
        <span data-testid="issue-count">{compactNumber(count)}</span>
      );
    },
  }),
  column.accessor('userCount', {
    header: 'Users',
    meta: { width: '5rem', align: 'end', sortKey: 'user' },
    cell: (info) => compactNumber(info.getValue()),
  }),
  column.accessor('firstSeen', {
    header: 'First seen',
    meta: { width: '7.5rem', className: 'col-date', sortKey: 'new' },
    cell: (info) => <RelativeTime date={info.getValue()} />,
  }),
  column.accessor('lastSeen', {
    header: 'Last seen',
    meta: { width: '7.5rem', className: 'col-date', sortKey: 'date' },
    cell: (info) => <RelativeTime date={info.getValue()} />,
  }),
  column.display({
    id: 'assignee',
    header: 'Assignee',
    meta: { width: '8rem', className: 'col-assignee' },
    cell: ({ row }) => (
      <span data-testid="issue-assignee" className={row.original.assignedTo ? '' : 'muted'}>
        {assigneeName(row.original.assignedTo)}
      </span>
    ),
  }),
];

const SELECTABLE_COLUMNS = [SELECT_COLUMN, ...COLUMNS];

export function IssueTable({
  issues,
  busy = false,
  showProject = false,
  selection,
  focusedId,
  sorting,
  paging,
  graphPeriod = '24h',
}: {
  graphPeriod?: string;
  issues: Issue[];
  busy?: boolean;
  showProject?: boolean;
  selection?: Selection;
  focusedId?: string;
  sorting?: Sorting;
  paging?: CursorPaging;
}) {
  return (
    <DataTable
      label="Issues"
      className="issue-table"
      data={issues}
      columns={selection ? SELECTABLE_COLUMNS : COLUMNS}
      getRowId={(issue) => issue.id}
      meta={{ selection, showProject, issues, graphPeriod } satisfies TableMeta}
      busy={busy}
      sorting={sorting}
      paging={paging}
      rowProps={(row) => ({
        'data-testid': 'issue-row',
        'data-issue-id': row.id,
        'aria-current': row.id === focusedId ? 'true' : undefined,
        className:
          [row.id === focusedId ? 'row-focused' : '', selection?.selected.has(row.id) ? 'row-selected' : ''].join(' ').trim() ||
          undefined,
      })}
    />
  );
}

function IssueSummary({ issue, showProject }: { issue: Issue; showProject: boolean }) {
  // Sentry's message line: the exception's message (metadata.value), else the event's message.
  const message = issue.metadata?.value;
  return (
    <div className="issue-summary">
      <Link to={`/issues/${issue.id}`} className="issue-title">
        <span className={`level level-${issue.level}`} title={issue.level} role="img" aria-label={`level ${issue.level}`} />
        {issue.title}
      </Link>
      {message && message !== issue.title && (
        <p className="issue-message" data-testid="issue-message">
          {message}
        </p>
      )}
      <div className="issue-meta muted">
        {issue.isUnhandled && (
          <span className="badge badge-error" data-testid="unhandled">
            Unhandled
          </span>
        )}
        {issue.isBookmarked && (
          <span className="bookmark-star" role="img" aria-label="Bookmarked" title="Bookmarked">
            ★
          </span>
        )}
        {showProject && <span className="issue-project">{issue.project.name}</span>}
        <span className="mono">{issue.shortId}</span>
        {issue.culprit && <span className="culprit">{issue.culprit}</span>}
        <span className="badge">{issue.level}</span>
        {!!issue.numComments && (
          <span className="comment-count">
            {issue.numComments} {issue.numComments === 1 ? 'comment' : 'comments'}
          </span>
        )}
      </div>
    </div>
  );
}
