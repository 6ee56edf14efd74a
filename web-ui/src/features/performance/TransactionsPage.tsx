import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { ApiError } from '../../api/client';
import type { FieldValue } from '../../api/models';
import { DataTable } from '../../ui/table/DataTable';
import { SearchBar } from '../../ui/search/SearchBar';
import { useUrlState } from '../../ui/filters/urlState';
import { EmptyState, ErrorState, Loading } from '../../ui/states/StateViews';
import { useApdexThreshold, useEvents, useSetApdexThreshold, type EventsQuery } from './api';
import { formatDuration, formatNumber, formatPercent, formatRate } from './format';
import { PerformanceHeader } from './PerformanceHeader';
import { performancePath, usePerformanceScope, type PerformanceScope } from './scope';
import { TracingHint } from './TracingHint';

type Row = Record<string, FieldValue>;

/** Keys the transaction search suggests (Discover's transaction columns). */
export const TRANSACTION_SEARCH_KEYS = [
  'transaction',
  'transaction.op',
  'transaction.status',
  'transaction.duration',
  'http.method',
  'http.status_code',
  'release',
  'environment',
  'user.email',
  'user.id',
  'has',
];

/** The table's columns in the address (`sort=-p95`), so a changed Apdex threshold never leaves a stale sort field. */
export const COLUMNS = ['tpm', 'p50', 'p75', 'p95', 'failure_rate', 'apdex'] as const;
export type ColumnId = (typeof COLUMNS)[number];

export function transactionFields(threshold: number): Record<ColumnId, string> {
  return {
    tpm: 'tpm()',
    p50: 'p50(transaction.duration)',
    p75: 'p75(transaction.duration)',
    p95: 'p95(transaction.duration)',
    failure_rate: 'failure_rate()',
    apdex: `apdex(${threshold})`,
  };
}

function asColumn(value: string | null): ColumnId {
  return COLUMNS.find((column) => column === value) ?? 'tpm';
}

interface TableMeta {
  fields: Record<ColumnId, string>;
  scope: PerformanceScope;
}

const cellOf =
  (column: ColumnId, format: (value: FieldValue | undefined) => string) =>
  ({ row, table }: { row: { original: Row }; table: { options: { meta?: unknown } } }) => {
    const meta = table.options.meta as TableMeta;
    return format(row.original[meta.fields[column]]);
  };

const TABLE_COLUMNS: Array<ColumnDef<Row, unknown>> = [
  {
    id: 'transaction',
    header: 'Transaction',
    cell: ({ row, table }) => {
      const { scope } = table.options.meta as TableMeta;
      const name = String(row.original.transaction ?? '');
      return (
        <Link className="mono transaction-name" to={performancePath('/summary', { ...scope.filters, project: scope.project?.slug }, { transaction: name })}>
          {name || '(no name)'}
        </Link>
      );
    },
  },
  { id: 'tpm', header: 'TPM', cell: cellOf('tpm', formatRate), meta: { width: '8rem', align: 'end', sortKey: 'tpm' } },
  { id: 'p50', header: 'p50', cell: cellOf('p50', formatDuration), meta: { width: '6.5rem', align: 'end', sortKey: 'p50', className: 'col-date' } },
  { id: 'p75', header: 'p75', cell: cellOf('p75', formatDuration), meta: { width: '6.5rem', align: 'end', sortKey: 'p75', className: 'col-date' } },
  { id: 'p95', header: 'p95', cell: cellOf('p95', formatDuration), meta: { width: '6.5rem', align: 'end', sortKey: 'p95' } },
  {
    id: 'failure_rate',
    header: 'Failure rate',
    cell: cellOf('failure_rate', formatPercent),
    meta: { width: '7.5rem', align: 'end', sortKey: 'failure_rate' },
  },
  { id: 'apdex', header: 'Apdex', cell: cellOf('apdex', formatNumber), meta: { width: '5.5rem', align: 'end', sortKey: 'apdex' } },
];

/**
 * The transactions of a project (Discover's `dataset=transactions` grouped by transaction):
 * throughput, p50/p75/p95, failure rate and Apdex at the project's threshold, sorted by any of
 * them, searched in Sentry syntax and paged by cursor.
 */
export function TransactionsPage() {
  const scope = usePerformanceScope();
  const [params, setUrl] = useUrlState();
  const query = params.get('query') ?? '';
  const sortColumn = asColumn(params.get('sort')?.replace(/^-/, '') ?? null);
  const cursor = params.get('cursor') ?? undefined;
  const threshold = useApdexThreshold(scope.org, scope.project?.slug);
  const fields = transactionFields(threshold.data ?? 0);
  const request: EventsQuery | undefined =
    scope.org && scope.project && threshold.data
      ? {
          org: scope.org,
          dataset: 'transactions',
          projects: [scope.project.id],
          filters: scope.filters,
          query,
          fields: ['transaction', ...Object.values(fields)],
          sort: `-${fields[sortColumn]}`,
          cursor,
          perPage: 50,
        }
      : undefined;
  const events = useEvents(request);

  if (scope.pending) {
    return <Loading />;
  }
  if (scope.error) {
    return <ErrorState error={scope.error} onRetry={scope.retry} />;
  }
  if (!scope.org) {
    return <EmptyState title="You are not a member of any organization." />;
  }
  if (scope.projects.length === 0) {
    return (
      <EmptyState title="No projects yet">
        <p>
          <Link to="/projects">Create a project</Link> and send transactions to it to see its performance here.
        </p>
      </EmptyState>
    );
  }
  const searchError = events.error instanceof ApiError && events.error.status === 400 ? events.error.message : null;
  return (
    <section className="page">
      <PerformanceHeader title="Performance" scope={scope} />
      {scope.projectMissing ? (
        <EmptyState title={`There is no project "${scope.filters.project}".`}>
          <p>
            <Link to="/performance">Show the first project</Link>
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="perf-controls">
            <SearchBar
              label="Search transactions"
              placeholder="transaction:/api/* transaction.op:http.server"
              value={query}
              builtInKeys={TRANSACTION_SEARCH_KEYS}
              onSubmit={(text) => setUrl({ query: text || undefined })}
              error={searchError}
            />
            {scope.project && <ApdexThresholdForm org={scope.org} project={scope.project.slug} current={threshold.data} />}
          </div>
          {threshold.isError ? (
            <ErrorState error={threshold.error} onRetry={() => threshold.refetch()} />
          ) : events.isPending ? (
            <Loading label="Loading transactions…" />
          ) : searchError ? (
            <EmptyState title="Fix the search to see transactions." />
          ) : events.isError ? (
            <ErrorState error={events.error} onRetry={() => events.refetch()} />
          ) : events.data.data.length === 0 ? (
            query ? (
              <EmptyState title="No transactions match this search in this time range." />
            ) : (
              <EmptyState title="No transactions in this time range">
                <TracingHint project={scope.project} />
              </EmptyState>
            )
          ) : (
            <DataTable
              label="Transactions"
              className="transactions-table"
              data={events.data.data}
              columns={TABLE_COLUMNS}
              getRowId={(row) => String(row.transaction)}
              meta={{ fields, scope } satisfies TableMeta}
              busy={events.isFetching && events.isPlaceholderData}
              sorting={{ sort: sortColumn, onSort: (column) => setUrl({ sort: `-${column}` }) }}
              paging={{ previous: events.data.previous, next: events.data.next, onCursor: (next) => setUrl({ cursor: next }) }}
            />
          )}
        </>
      )}
    </section>
  );
}

/** The project's Apdex threshold T: a request within T is satisfied, within 4T tolerated. */
function ApdexThresholdForm({ org, project, current }: { org: string; project: string; current?: number }) {
  const save = useSetApdexThreshold(org, project);
  const [draft, setDraft] = useState(current ? String(current) : '');
  useEffect(() => setDraft(current ? String(current) : ''), [current]);
  const value = Number(draft);
  const valid = Number.isInteger(value) && value > 0 && value <= 600_000;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) {
      save.mutate(value);
    }
  };
  return (
    <form className="inline-form apdex-form" onSubmit={submit} aria-label="Apdex threshold">
      <label className="inline-label">
        Apdex threshold{' '}
        <input
          type="number"
          min={1}
          max={600000}
          step={1}
          inputMode="numeric"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            save.reset();
          }}
          className="threshold-input"
        />{' '}
        ms
      </label>
      <button type="submit" className="button button-small" disabled={!valid || value === current || save.isPending}>
        Save
      </button>
      {save.isSuccess && <span className="muted small" role="status">Saved: Apdex uses {current} ms.</span>}
      {save.isError && (
        <span className="form-error small" role="alert">
          Could not save the threshold: {save.error.message}
        </span>
      )}
    </form>
  );
}
