import { Link } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { ApiError } from '../../api/client';
import type { FieldValue } from '../../api/models';
import { DataTable } from '../../ui/table/DataTable';
import { SearchBar } from '../../ui/search/SearchBar';
import { useUrlState } from '../../ui/filters/urlState';
import { EmptyState, ErrorState, Loading } from '../../ui/states/StateViews';
import { useEvents, type EventsScope } from './api';
import { formatNumber, quoteSearchValue } from './format';
import { PerformanceHeader } from './PerformanceHeader';
import { performancePath, usePerformanceScope, type PerformanceScope } from './scope';
import {
  formatVital,
  p75Field,
  performanceScore,
  rate,
  RATING_LABELS,
  scoreRating,
  VITALS,
  type Rating,
  type Vital,
  type VitalId,
} from './vitals';

type Row = Record<string, FieldValue>;

/**
 * The vitals are read from the spans dataset grouped by transaction (the page): a classic
 * transaction carries all of them as its segment's measurements, a v2 span stream carries FCP
 * and TTFB on the segment and LCP, CLS and INP on `ui.webvital.*` and interaction child spans.
 * A percentile of a measurement skips the spans without it, so one query covers both forms.
 */
const DATASET = 'spans';
/** Page loads: the distinct segments of the page's spans. */
const LOADS = 'count_unique(segment.id)';

/** Keys the vitals search suggests (the spans dataset's columns). */
export const VITALS_SEARCH_KEYS = ['transaction', 'span.op', 'release', 'environment', 'user.email', 'user.id', 'has'];

const RATINGS: Rating[] = ['good', 'meh', 'poor'];
const distributionField = (vital: Vital, rating: Rating) => `count_web_vitals(${vital.field},${rating})`;

function numberOf(value: FieldValue | undefined): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && value !== null ? n : undefined;
}

function p75s(row: Row | undefined): Partial<Record<VitalId, number>> {
  const out: Partial<Record<VitalId, number>> = {};
  for (const vital of VITALS) {
    const value = numberOf(row?.[p75Field(vital)]);
    if (value !== undefined) {
      out[vital.id] = value;
    }
  }
  return out;
}

/**
 * Web vitals of a project's pages (LCP, FCP, CLS, INP, TTFB): the p75 of each per page rated
 * good / needs improvement / poor by web.dev's thresholds, a performance score per page and for
 * the project, and how the page loads spread over the three ratings.
 */
export function WebVitalsPage() {
  const scope = usePerformanceScope();
  const [params, setUrl] = useUrlState();
  const query = params.get('query') ?? '';
  const page = params.get('transaction') ?? undefined;
  const cursor = params.get('cursor') ?? undefined;
  const base: EventsScope | undefined =
    scope.org && scope.project ? { org: scope.org, dataset: DATASET, projects: [scope.project.id], filters: scope.filters, query } : undefined;
  const vitalFields = VITALS.map(p75Field);
  const overall = useEvents(base && { ...base, fields: [LOADS, ...vitalFields], perPage: 1 });
  const pages = useEvents(base && { ...base, fields: ['transaction', LOADS, ...vitalFields], sort: `-${LOADS}`, cursor, perPage: 25 });
  const scoped = base && page ? { ...base, query: `${query} transaction:${quoteSearchValue(page)}`.trim() } : base;
  const distribution = useEvents(
    scoped && { ...scoped, fields: VITALS.flatMap((vital) => RATINGS.map((rating) => distributionField(vital, rating))), perPage: 1 },
  );

  if (scope.pending) {
    return <Loading />;
  }
  if (scope.error) {
    return <ErrorState error={scope.error} onRetry={scope.retry} />;
  }
  if (!scope.org || !scope.project) {
    return (
      <EmptyState title={scope.projectMissing ? `There is no project "${scope.filters.project}".` : 'No projects yet'}>
        <p>
          <Link to="/projects">Projects</Link>
        </p>
      </EmptyState>
    );
  }
  const searchError = pages.error instanceof ApiError && pages.error.status === 400 ? pages.error.message : null;
  const overallRow = overall.data?.data[0];
  const loads = numberOf(overallRow?.[LOADS]) ?? 0;
  // Transactions without any vital (a backend's, say) are no pages.
  const pageRows = (pages.data?.data ?? []).filter((row) => Object.keys(p75s(row)).length > 0);
  const projectScore = performanceScore(p75s(overallRow));
  return (
    <section className="page">
      <PerformanceHeader title="Web vitals" scope={scope} />
      <SearchBar
        label="Search page loads"
        placeholder="transaction:/checkout* release:web@2.0.0"
        value={query}
        builtInKeys={VITALS_SEARCH_KEYS}
        onSubmit={(text) => setUrl({ query: text, transaction: undefined })}
        error={searchError}
      />
      {overall.isPending || pages.isPending ? (
        <Loading label="Loading web vitals…" />
      ) : searchError ? (
        <EmptyState title="Fix the search to see web vitals." />
      ) : overall.isError ? (
        <ErrorState error={overall.error} onRetry={() => overall.refetch()} />
      ) : pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => pages.refetch()} />
      ) : loads === 0 || projectScore === undefined ? (
        <EmptyState title="No web vitals in this time range">
          <VitalsHint />
        </EmptyState>
      ) : (
        <>
          <div className="stats-row vitals-overview" data-testid="vitals-overview">
            <div className="stat">
              <div className="muted small">Performance score</div>
              <div className="stat-value">
                <ScoreBadge score={projectScore} />
              </div>
            </div>
            {VITALS.map((vital) => (
              <div className="stat" key={vital.id}>
                <div className="muted small" title={vital.name}>
                  {vital.id.toUpperCase()} p75
                </div>
                <div className="stat-value">
                  <VitalValue vital={vital} value={p75s(overallRow)[vital.id]} />
                </div>
              </div>
            ))}
          </div>
          <DataTable
            label="Pages"
            className="vitals-table"
            data={pageRows}
            columns={PAGE_COLUMNS}
            getRowId={(row) => String(row.transaction)}
            meta={{ scope, selected: page, select: (name: string) => setUrl({ transaction: name === page ? undefined : name, cursor }) }}
            rowProps={(row) => ({ className: row.original.transaction === page ? 'row-selected' : undefined })}
            busy={pages.isFetching && pages.isPlaceholderData}
            paging={{ previous: pages.data.previous, next: pages.data.next, onCursor: (next) => setUrl({ cursor: next }) }}
            empty={<EmptyState title="No pages match this search." />}
          />
          <section className="card" aria-label="Distribution">
            <div className="card-header">
              <h2>Distribution {page ? <span className="mono">· {page}</span> : '· all pages'}</h2>
              {page && (
                <button type="button" className="button button-small" onClick={() => setUrl({ transaction: undefined, cursor })}>
                  All pages
                </button>
              )}
            </div>
            {distribution.isPending ? (
              <Loading />
            ) : distribution.isError ? (
              <ErrorState error={distribution.error} onRetry={() => distribution.refetch()} />
            ) : (
              <Distribution row={distribution.data.data[0]} />
            )}
          </section>
        </>
      )}
    </section>
  );
}

interface PagesMeta {
  scope: PerformanceScope;
  selected?: string;
  select: (name: string) => void;
}

const PAGE_COLUMNS: Array<ColumnDef<Row, unknown>> = [
  {
    id: 'page',
    header: 'Page',
    cell: ({ row, table }) => {
      const meta = table.options.meta as PagesMeta;
      const name = String(row.original.transaction ?? '');
      return (
        <div className="vitals-page">
          <button type="button" className="link-button mono" aria-pressed={meta.selected === name} onClick={() => meta.select(name)}>
            {name || '(no name)'}
          </button>
          <Link
            className="small"
            to={performancePath('/summary', { ...meta.scope.filters, project: meta.scope.project?.slug }, { transaction: name })}
            aria-label={`Summary of ${name}`}
          >
            summary
          </Link>
        </div>
      );
    },
  },
  {
    id: 'count',
    header: 'Loads',
    cell: ({ row }) => formatNumber(row.original[LOADS]),
    meta: { width: '5.5rem', align: 'end', className: 'perf-optional' },
  },
  ...VITALS.map(
    (vital): ColumnDef<Row, unknown> => ({
      id: vital.id,
      header: () => <abbr title={`${vital.name}, p75`}>{vital.id.toUpperCase()}</abbr>,
      cell: ({ row }) => <VitalValue vital={vital} value={numberOf(row.original[p75Field(vital)])} />,
      // FCP and TTFB give way first on a narrow screen: LCP, CLS and INP are the Core Web Vitals.
      meta: { width: '6.5rem', align: 'end', className: vital.id === 'fcp' || vital.id === 'ttfb' ? 'perf-optional' : undefined },
    }),
  ),
  {
    id: 'score',
    header: 'Score',
    cell: ({ row }) => {
      const score = performanceScore(p75s(row.original));
      return score === undefined ? '—' : <ScoreBadge score={score} />;
    },
    meta: { width: '5.5rem', align: 'end' },
  },
];

/** A value with its rating as a coloured badge that also says the rating in words. */
function VitalValue({ vital, value }: { vital: Vital; value: number | undefined }) {
  if (value === undefined) {
    return <span className="muted">—</span>;
  }
  const rating = rate(vital, value);
  return (
    <span className={`vital vital-${rating}`} title={`${vital.name}: ${RATING_LABELS[rating]}`} data-rating={rating}>
      {formatVital(vital, value)}
      <span className="visually-hidden"> ({RATING_LABELS[rating]})</span>
    </span>
  );
}

function ScoreBadge({ score }: { score: number }) {
  const rating = scoreRating(score);
  return (
    <span className={`vital vital-${rating}`} title={`Performance score: ${RATING_LABELS[rating]}`} data-rating={rating}>
      {score}
      <span className="visually-hidden"> ({RATING_LABELS[rating]})</span>
    </span>
  );
}

/** Per vital, the page loads that were good, needed improvement or were poor, as one stacked bar. */
function Distribution({ row }: { row?: Row }) {
  return (
    <ul className="vital-distribution">
      {VITALS.map((vital) => {
        const counts = RATINGS.map((rating) => numberOf(row?.[distributionField(vital, rating)]) ?? 0);
        const total = counts.reduce((sum, count) => sum + count, 0);
        return (
          <li key={vital.id} data-testid={`distribution-${vital.id}`}>
            <div className="vital-distribution-label">
              <strong>{vital.id.toUpperCase()}</strong> <span className="muted small">{vital.name}</span>
              <span className="muted small">
                good ≤ {formatVital(vital, vital.good)}, poor &gt; {formatVital(vital, vital.poor)}
              </span>
            </div>
            {total === 0 ? (
              <p className="muted small">Not measured.</p>
            ) : (
              <>
                <div className="vital-bar" role="img" aria-label={RATINGS.map((rating, i) => `${RATING_LABELS[rating]} ${counts[i]}`).join(', ')}>
                  {RATINGS.map((rating, i) =>
                    counts[i] > 0 ? <span key={rating} className={`vital-bar-${rating}`} style={{ width: `${(counts[i] / total) * 100}%` }} /> : null,
                  )}
                </div>
                <p className="vital-legend small">
                  {RATINGS.map((rating, i) => (
                    <span key={rating}>
                      <span className={`vital-dot vital-bar-${rating}`} aria-hidden="true" /> {RATING_LABELS[rating]}{' '}
                      {Math.round((counts[i] / total) * 100)}% ({counts[i]})
                    </span>
                  ))}
                </p>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function VitalsHint() {
  return (
    <>
      <p>
        Web vitals come from the browser SDK's tracing: page loads measure LCP, FCP, CLS and TTFB, interactions measure
        INP.
      </p>
      <pre className="code-block tracing-setting">
        {'Sentry.init({ dsn, integrations: [Sentry.browserTracingIntegration()], tracesSampleRate: 1.0 })'}
      </pre>
    </>
  );
}
