import { useMemo, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import type { FieldValue } from '../../api/models';
import { useIssues } from '../issues/api';
import { DataTable } from '../../ui/table/DataTable';
import { LineChart } from '../../ui/chart/LineChart';
import { HistogramChart } from '../../ui/chart/HistogramChart';
import { RelativeTime } from '../../ui/RelativeTime';
import { EmptyState, ErrorState, Loading } from '../../ui/states/StateViews';
import { DEFAULT_PERIOD, useApdexThreshold, useEvents, useEventsStats, type EventsScope } from './api';
import { formatDuration, formatNumber, formatPercent, formatRate, quoteSearchValue } from './format';
import { cdfPoints, estimateHistogram, quantileFields } from './histogram';
import { PerformanceHeader } from './PerformanceHeader';
import { performancePath, usePerformanceScope, type PerformanceScope } from './scope';
import { TracingHint } from './TracingHint';

type Row = Record<string, FieldValue>;

const DURATION = 'transaction.duration';
const PERCENTILE_AXES = ['p50(transaction.duration)', 'p75(transaction.duration)', 'p95(transaction.duration)'];
const THROUGHPUT_AXIS = 'tpm()';
const EVENT_FIELDS = ['id', 'trace', 'transaction.duration', 'transaction.status', 'timestamp'];
const SPAN_OP_FIELDS = ['span.op', 'count()', 'sum(span.self_time)', 'avg(span.duration)', 'p95(span.duration)'];

/** The search term that selects one transaction. */
export const transactionTerm = (name: string) => `transaction:${quoteSearchValue(name)}`;

/**
 * One transaction of a project: its totals (throughput, percentiles, failure rate, Apdex),
 * percentiles and throughput over time, the duration distribution, the slowest and the latest
 * events (each opens its trace), the span operations that take most of its time, and the issues
 * of errors in it.
 */
export function TransactionSummaryPage() {
  const scope = usePerformanceScope();
  const [params] = useSearchParams();
  const transaction = params.get('transaction') ?? '';
  if (scope.pending) {
    return <Loading />;
  }
  if (scope.error) {
    return <ErrorState error={scope.error} onRetry={scope.retry} />;
  }
  if (!scope.org || !scope.project) {
    return <EmptyState title={scope.projectMissing ? `There is no project "${scope.filters.project}".` : 'No project to show.'} />;
  }
  if (!transaction) {
    return (
      <EmptyState title="No transaction named">
        <p>
          <Link to={performancePath('', scope.filters)}>Pick one from the transactions table</Link>
        </p>
      </EmptyState>
    );
  }
  return <Summary scope={scope} org={scope.org} transaction={transaction} />;
}

function Summary({ scope, org, transaction }: { scope: PerformanceScope; org: string; transaction: string }) {
  const project = scope.project!;
  const base: EventsScope = { org, dataset: 'transactions', projects: [project.id], filters: scope.filters, query: transactionTerm(transaction) };
  const threshold = useApdexThreshold(org, project.slug);
  const apdex = threshold.data ? `apdex(${threshold.data})` : undefined;
  const totalFields = ['count()', 'tpm()', ...PERCENTILE_AXES, 'p99(transaction.duration)', 'failure_rate()'];
  const totals = useEvents(apdex ? { ...base, fields: [...totalFields, apdex], perPage: 1 } : undefined);
  const stats = useEventsStats({ ...base, yAxis: [...PERCENTILE_AXES, THROUGHPUT_AXIS] });
  const quantiles = useEvents({ ...base, fields: quantileFields(DURATION), perPage: 1 });
  const slowest = useEvents({ ...base, fields: EVENT_FIELDS, sort: '-transaction.duration', perPage: 10 });
  const recent = useEvents({ ...base, fields: EVENT_FIELDS, sort: '-timestamp', perPage: 10 });
  const spanOps = useEvents({ ...base, dataset: 'spans', fields: SPAN_OP_FIELDS, sort: '-sum(span.self_time)', perPage: 10 });

  // Stable series: a chart redraws only when its data changes, not on every render of the page.
  const percentileSeries = useMemo(
    () => PERCENTILE_AXES.map((axis) => ({ label: axis.slice(0, 3), points: stats.data?.[axis] ?? [] })),
    [stats.data],
  );
  const throughputSeries = useMemo(() => [{ label: 'tpm', points: stats.data?.[THROUGHPUT_AXIS] ?? [] }], [stats.data]);
  const row = totals.data?.data[0];
  const count = Number(row?.['count()'] ?? 0);
  const backTo = performancePath('', { ...scope.filters, project: project.slug });
  return (
    <section className="page">
      <p className="breadcrumb-nav">
        <Link to={backTo}>Performance</Link> / {project.name}
      </p>
      <PerformanceHeader title={<span className="mono transaction-title">{transaction}</span>} scope={scope} />
      {totals.isPending || threshold.isPending ? (
        <Loading label="Loading the transaction…" />
      ) : totals.isError ? (
        <ErrorState error={totals.error} onRetry={() => totals.refetch()} />
      ) : threshold.isError ? (
        <ErrorState error={threshold.error} onRetry={() => threshold.refetch()} />
      ) : count === 0 ? (
        <EmptyState title={`No "${transaction}" transactions in this time range`}>
          <TracingHint project={project} />
        </EmptyState>
      ) : (
        <>
          <div className="stats-row" data-testid="transaction-totals">
            <Stat label="Transactions" value={formatNumber(row!['count()'])} />
            <Stat label="Throughput" value={formatRate(row!['tpm()'])} />
            <Stat label="p50" value={formatDuration(row!['p50(transaction.duration)'])} />
            <Stat label="p95" value={formatDuration(row!['p95(transaction.duration)'])} />
            <Stat label="p99" value={formatDuration(row!['p99(transaction.duration)'])} />
            <Stat label="Failure rate" value={formatPercent(row!['failure_rate()'])} />
            <Stat label={`Apdex (${threshold.data} ms)`} value={formatNumber(row![apdex!])} />
          </div>
          <div className="perf-grid">
            <Card title="Duration percentiles">
              {stats.isPending ? (
                <Loading />
              ) : stats.isError ? (
                <ErrorState error={stats.error} onRetry={() => stats.refetch()} />
              ) : (
                <LineChart
                  label="Duration percentiles over time"
                  height={200}
                  format={formatDuration}
                  series={percentileSeries}
                />
              )}
            </Card>
            <Card title="Throughput" note="transactions per minute">
              {stats.isPending ? (
                <Loading />
              ) : stats.isError ? (
                <ErrorState error={stats.error} onRetry={() => stats.refetch()} />
              ) : (
                <LineChart
                  label="Transactions per minute over time"
                  height={200}
                  format={formatRate}
                  axisFormat={formatNumber}
                  series={throughputSeries}
                />
              )}
            </Card>
          </div>
          <Card title="Duration distribution" note="estimated from the percentiles">
            {quantiles.isPending ? (
              <Loading />
            ) : quantiles.isError ? (
              <ErrorState error={quantiles.error} onRetry={() => quantiles.refetch()} />
            ) : (
              <Distribution row={quantiles.data.data[0]} />
            )}
          </Card>
          <div className="perf-grid">
            <Card title="Slowest events">
              <EventList query={slowest} scope={scope} label="Slowest events" />
            </Card>
            <Card title="Most recent events">
              <EventList query={recent} scope={scope} label="Most recent events" />
            </Card>
          </div>
          <Card title="Span operations by time spent" note="exclusive time of the spans in this transaction">
            <SpanOps query={spanOps} />
          </Card>
          <RelatedIssues org={org} scope={scope} transaction={transaction} />
        </>
      )}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="stat">
      <div className="muted small">{label}</div>
      <div className="stat-value">{value}</div>
    </div>
  );
}

function Card({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <section className="card" aria-label={title}>
      <div className="card-header">
        <h2>{title}</h2>
        {note && <span className="muted small">{note}</span>}
      </div>
      {children}
    </section>
  );
}

function Distribution({ row }: { row?: Row }) {
  const buckets = useMemo(() => (row ? estimateHistogram(cdfPoints(row, DURATION), Number(row['count()'] ?? 0)) : []), [row]);
  if (buckets.length === 0) {
    return <p className="muted">No durations in this time range.</p>;
  }
  if (buckets.length === 1) {
    const [only] = buckets;
    return (
      <p>
        {only.count === 1 ? 'The one transaction' : `All ${only.count} transactions`} in this range took{' '}
        {only.from === only.to ? formatDuration(only.from) : `${formatDuration(only.from)} to ${formatDuration(only.to)}`}.
      </p>
    );
  }
  return <HistogramChart buckets={buckets} height={180} format={formatDuration} label="Transactions by duration" />;
}

type EventsResult = ReturnType<typeof useEvents>;

const EVENT_COLUMNS: Array<ColumnDef<Row, unknown>> = [
  {
    id: 'event',
    header: 'Event',
    cell: ({ row, table }) => {
      const scope = table.options.meta as PerformanceScope;
      const id = String(row.original.id ?? '');
      const trace = row.original.trace ? String(row.original.trace) : '';
      return trace ? (
        <Link className="mono" to={performancePath(`/trace/${trace}`, scope.filters, { event: id })} title={`Trace ${trace}`}>
          {id.slice(0, 8)}
        </Link>
      ) : (
        <span className="mono">{id.slice(0, 8)}</span>
      );
    },
  },
  {
    id: 'duration',
    header: 'Duration',
    cell: ({ row }) => formatDuration(row.original['transaction.duration']),
    meta: { width: '6.5rem', align: 'end' },
  },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => {
      const status = String(row.original['transaction.status'] ?? '');
      return status ? <span className={status === 'ok' ? 'badge badge-ok' : 'badge badge-error'}>{status}</span> : '—';
    },
    meta: { width: '7rem' },
  },
  {
    id: 'timestamp',
    header: 'When',
    cell: ({ row }) => <RelativeTime date={row.original.timestamp ? String(row.original.timestamp) : null} />,
    meta: { width: '8rem', className: 'col-date' },
  },
];

function EventList({ query, scope, label }: { query: EventsResult; scope: PerformanceScope; label: string }) {
  if (query.isPending) {
    return <Loading />;
  }
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  }
  return (
    <DataTable
      label={label}
      data={query.data.data}
      columns={EVENT_COLUMNS}
      getRowId={(row) => String(row.id)}
      meta={scope}
      empty={<p className="muted">No events.</p>}
    />
  );
}

const SPAN_OP_COLUMNS: Array<ColumnDef<Row, unknown>> = [
  { id: 'op', header: 'Operation', cell: ({ row }) => <span className="mono">{String(row.original['span.op'] ?? '') || '(none)'}</span> },
  { id: 'count', header: 'Spans', cell: ({ row }) => formatNumber(row.original['count()']), meta: { width: '6rem', align: 'end' } },
  {
    id: 'self',
    header: 'Total self time',
    cell: ({ row }) => formatDuration(row.original['sum(span.self_time)']),
    meta: { width: '8.5rem', align: 'end' },
  },
  {
    id: 'avg',
    header: 'Avg duration',
    cell: ({ row }) => formatDuration(row.original['avg(span.duration)']),
    meta: { width: '8rem', align: 'end', className: 'col-date' },
  },
  {
    id: 'p95',
    header: 'p95 duration',
    cell: ({ row }) => formatDuration(row.original['p95(span.duration)']),
    meta: { width: '8rem', align: 'end' },
  },
];

function SpanOps({ query }: { query: EventsResult }) {
  if (query.isPending) {
    return <Loading />;
  }
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  }
  return (
    <DataTable
      label="Span operations"
      data={query.data.data}
      columns={SPAN_OP_COLUMNS}
      getRowId={(row) => String(row['span.op'] ?? '')}
      empty={<p className="muted">No spans were sent with these transactions (the SDK's auto-instrumentation or manual child spans add them).</p>}
    />
  );
}

/** Unresolved issues of errors that happened in this transaction (their `transaction` tag). */
function RelatedIssues({ org, scope, transaction }: { org: string; scope: PerformanceScope; transaction: string }) {
  const issues = useIssues({
    org,
    project: scope.project,
    query: `is:unresolved ${transactionTerm(transaction)}`,
    sort: 'freq',
    limit: 5,
    environment: scope.filters.environment,
    range: scope.filters.start
      ? { start: scope.filters.start, end: scope.filters.end }
      : { period: scope.filters.period ?? DEFAULT_PERIOD },
  });
  return (
    <Card title="Related issues">
      {issues.isPending ? (
        <Loading />
      ) : issues.isError ? (
        <ErrorState error={issues.error} onRetry={() => issues.refetch()} />
      ) : issues.data.items.length === 0 ? (
        <p className="muted">No unresolved errors in this transaction.</p>
      ) : (
        <ul className="related-issues">
          {issues.data.items.map((issue) => (
            <li key={issue.id}>
              <span className={`level level-${issue.level}`} aria-hidden="true" />{' '}
              <Link to={`/issues/${issue.id}`}>{issue.title}</Link> <span className="muted small mono">{issue.shortId}</span>{' '}
              <span className="muted small">{issue.count} events</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
