import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TraceErrorNode, TraceSpanNode } from '../../api/models';
import { useOrganization } from '../organization/api';
import { KeyValues } from '../../ui/KeyValues';
import { DateTime } from '../../ui/RelativeTime';
import { EmptyState, ErrorState, Loading } from '../../ui/states/StateViews';
import { ApiError } from '../../api/client';
import { useTrace } from './api';
import { formatDuration } from './format';
import { performancePath } from './scope';
import { readPageFilters } from '../../ui/filters/pageFilters';
import {
  buildTrace,
  opCategory,
  opColour,
  segmentOf,
  spanErrors,
  spanOfError,
  visibleRows,
  type TraceModel,
  type WaterfallRow,
} from './trace';

/** Where an error of the trace opens: its issue, on that event. */
export const errorLink = (error: TraceErrorNode) => `/issues/${error.issue_id}?event=${encodeURIComponent(error.event_id)}`;

/**
 * A trace as a waterfall: every span of every project on one time axis, children collapsible,
 * coloured by op, uninstrumented gaps shown, errors marked on their span; a span's details and
 * attributes open on click. `?event=` (a transaction event) or `?span=` selects a span on arrival.
 */
export function TraceViewPage() {
  const { traceId } = useParams();
  const [params, setParams] = useSearchParams();
  const org = useOrganization();
  const trace = useTrace(org.data?.slug, traceId);
  const model = useMemo(() => (trace.data ? buildTrace(trace.data) : undefined), [trace.data]);
  const filters = readPageFilters(params);
  const selectedId =
    params.get('span') ??
    (model ? (segmentOf(model, params.get('event'))?.event_id ?? spanOfError(model, params.get('error') ?? '')?.event_id) : undefined);
  const select = (spanId: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (spanId) {
          next.set('span', spanId);
        } else {
          next.delete('span');
        }
        next.delete('event');
        next.delete('error');
        return next;
      },
      { replace: true },
    );

  if (org.isPending || trace.isPending) {
    return <Loading label="Loading the trace…" />;
  }
  if (org.isError) {
    return <ErrorState error={org.error} onRetry={() => org.refetch()} />;
  }
  if (trace.isError) {
    if (trace.error instanceof ApiError && trace.error.status === 404) {
      return <TraceNotFound traceId={traceId!} />;
    }
    return <ErrorState error={trace.error} onRetry={() => trace.refetch()} />;
  }
  if (!model || (model.spans.length === 0 && model.orphanErrors.length === 0)) {
    return <TraceNotFound traceId={traceId!} />;
  }
  const root = model.spans[0]?.span;
  const selected = model.spans.find((row) => row.span.event_id === selectedId)?.span;
  return (
    <section className="page">
      <p className="breadcrumb-nav">
        <Link to={performancePath('', filters)}>Performance</Link> / Trace
      </p>
      <div className="page-header">
        <div>
          <h1>{root?.transaction ?? root?.description ?? 'Trace'}</h1>
          <p className="muted mono small trace-id">Trace {traceId}</p>
        </div>
      </div>
      <div className="stats-row" data-testid="trace-summary">
        <Stat label="Duration" value={formatDuration((model.end - model.start) * 1000)} />
        <Stat label="Spans" value={String(model.spans.length)} />
        <Stat label={model.projects.length === 1 ? 'Project' : 'Projects'} value={model.projects.join(', ')} />
        <Stat label="Errors" value={String(model.errors.length)} />
        <Stat label="Started" value={<DateTime date={model.start} />} />
      </div>
      {model.orphanErrors.length > 0 && (
        <section className="card" aria-label="Errors without a span">
          <h2>Errors without a span</h2>
          <ErrorList errors={model.orphanErrors} />
        </section>
      )}
      {model.spans.length > 0 && (
        <div className="trace-layout">
          <Waterfall model={model} selectedId={selected?.event_id} onSelect={select} />
          {selected && <SpanDetails span={selected} model={model} onClose={() => select(undefined)} />}
        </div>
      )}
    </section>
  );
}

function TraceNotFound({ traceId }: { traceId: string }) {
  return (
    <EmptyState title="This trace has no spans or errors here yet">
      <p className="mono small">{traceId}</p>
      <p>
        Spans arrive when the SDKs have tracing on (tracesSampleRate above zero); an error alone carries the trace id
        of the request it happened in. Spans of a trace can take a few seconds to be queryable.
      </p>
    </EmptyState>
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

const TICKS = [0, 0.25, 0.5, 0.75, 1];

function Waterfall({
  model,
  selectedId,
  onSelect,
}: {
  model: TraceModel;
  selectedId?: string;
  onSelect: (spanId: string) => void;
}) {
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const rows = useMemo(() => visibleRows(model, collapsed), [model, collapsed]);
  const total = Math.max(model.end - model.start, 1e-6);
  const hasChildren = useMemo(() => new Set(model.spans.flatMap((row) => row.path.slice(-1))), [model]);
  const categories = useMemo(() => [...new Set(model.spans.map((row) => opCategory(row.span.op)))].sort(), [model]);
  const selectedRow = useRef<HTMLLIElement>(null);
  useEffect(() => {
    selectedRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);
  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) {
        next.delete(id);
      } else {
        next.add(id);
      }
      return next;
    });
  const position = (start: number, end: number) => ({
    left: `${((start - model.start) / total) * 100}%`,
    width: `max(2px, ${((end - start) / total) * 100}%)`,
  });
  return (
    <section className="card waterfall-card" aria-label="Waterfall">
      <div className="card-header">
        <h2>Waterfall</h2>
        <ul className="op-legend" aria-label="Operation colours">
          {categories.map((category) => (
            <li key={category}>
              <span className="op-swatch" style={{ background: opColour(category) }} aria-hidden="true" /> {category}
            </li>
          ))}
        </ul>
      </div>
      <div className="waterfall-axis" aria-hidden="true">
        <span />
        <div className="waterfall-ticks">
          {TICKS.map((tick) => (
            <span key={tick} style={{ left: `${tick * 100}%` }}>
              {formatDuration(tick * total * 1000)}
            </span>
          ))}
        </div>
      </div>
      <ol className="waterfall" aria-label="Spans">
        {rows.map((row) => (row.kind === 'gap' ? (
          <GapLine key={`gap-${row.before}`} row={row} position={position} />
        ) : (
          <li
            key={row.span.event_id}
            ref={row.span.event_id === selectedId ? selectedRow : undefined}
            className={row.span.event_id === selectedId ? 'waterfall-row waterfall-selected' : 'waterfall-row'}
            data-testid="span-row"
            data-span-id={row.span.event_id}
          >
            <div className="waterfall-name" style={{ '--depth': row.depth } as CSSProperties}>
              {hasChildren.has(row.span.event_id) ? (
                <button
                  type="button"
                  className="icon-button waterfall-toggle"
                  aria-expanded={!collapsed.has(row.span.event_id)}
                  aria-label={`${collapsed.has(row.span.event_id) ? 'Expand' : 'Collapse'} the children of ${spanLabel(row.span)}`}
                  onClick={() => toggle(row.span.event_id)}
                >
                  {collapsed.has(row.span.event_id) ? '▸' : '▾'}
                </button>
              ) : (
                <span className="waterfall-toggle" aria-hidden="true" />
              )}
              <button
                type="button"
                className="waterfall-select"
                aria-pressed={row.span.event_id === selectedId}
                onClick={() => onSelect(row.span.event_id)}
              >
                <span className="span-op">{row.span.op || 'span'}</span>{' '}
                <span className="span-description">{row.span.description || row.span.name || row.span.transaction || ''}</span>
              </button>
              {(row.crossesProject || row.depth === 0) && <span className="badge project-badge">{row.span.project_slug}</span>}
              {spanErrors(row.span).length > 0 && (
                <span className="span-error-marker" title="Errors in this span">
                  ● {spanErrors(row.span).length} {spanErrors(row.span).length === 1 ? 'error' : 'errors'}
                </span>
              )}
            </div>
            <div className="waterfall-track">
              <span
                className="waterfall-bar"
                style={{ ...position(row.span.start_timestamp, row.span.end_timestamp), background: opColour(row.span.op) }}
              />
              <span
                className="waterfall-duration"
                style={{ left: `${((row.span.end_timestamp - model.start) / total) * 100}%` }}
              >
                {formatDuration(row.span.duration ?? (row.span.end_timestamp - row.span.start_timestamp) * 1000)}
              </span>
            </div>
          </li>
        )))}
      </ol>
    </section>
  );
}

function GapLine({
  row,
  position,
}: {
  row: Extract<WaterfallRow, { kind: 'gap' }>;
  position: (start: number, end: number) => { left: string; width: string };
}) {
  return (
    <li className="waterfall-row waterfall-gap" data-testid="gap-row">
      <div className="waterfall-name waterfall-gap-name muted small" style={{ '--depth': row.depth } as CSSProperties}>
        No instrumentation · {formatDuration((row.end - row.start) * 1000)}
      </div>
      <div className="waterfall-track">
        <span className="waterfall-bar gap-bar" style={position(row.start, row.end)} />
      </div>
    </li>
  );
}

export function spanLabel(span: TraceSpanNode): string {
  return [span.op, span.description ?? span.name].filter(Boolean).join(' ') || span.event_id;
}

function measurementValue(value: { value: number; unit?: string } | number): string {
  return typeof value === 'number' ? String(value) : `${value.value}${value.unit ? ` ${value.unit}` : ''}`;
}

function SpanDetails({ span, model, onClose }: { span: TraceSpanNode; model: TraceModel; onClose: () => void }) {
  const errors = spanErrors(span);
  const parent = model.spans.find((row) => row.span.event_id === span.parent_span_id)?.span;
  const measurements = Object.entries(span.measurements ?? {});
  const attributes = Object.entries(span.additional_attributes ?? {});
  return (
    <section className="card span-details" aria-label="Span details">
      <div className="card-header">
        <h2>
          <span className="op-swatch" style={{ background: opColour(span.op) }} aria-hidden="true" /> {span.op || 'span'}
        </h2>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </div>
      {(span.description || span.name) && <p className="mono span-details-description">{span.description || span.name}</p>}
      <KeyValues
        rows={[
          ['duration', formatDuration(span.duration)],
          ['starts at', `+${formatDuration((span.start_timestamp - model.start) * 1000)}`],
          ['status', span.status],
          ['project', span.project_slug],
          ['transaction', span.transaction],
          ['segment', span.is_transaction ? 'yes (the transaction’s root span)' : undefined],
          ['span id', span.event_id],
          ['parent span', span.parent_span_id ? (parent ? `${span.parent_span_id} (${spanLabel(parent)})` : span.parent_span_id) : undefined],
          ['event id', span.transaction_id],
          ['sdk', span.sdk_name],
          ['started', <DateTime key="s" date={span.start_timestamp} />],
        ]}
      />
      {span.is_transaction && span.transaction && (
        <p>
          <Link
            to={performancePath('/summary', { project: span.project_slug }, { transaction: span.transaction })}
          >
            Summary of {span.transaction}
          </Link>
        </p>
      )}
      {errors.length > 0 && (
        <>
          <h3>Errors</h3>
          <ErrorList errors={errors} />
        </>
      )}
      {measurements.length > 0 && (
        <>
          <h3>Measurements</h3>
          <KeyValues rows={measurements.map(([key, value]) => [key, measurementValue(value)])} />
        </>
      )}
      <h3>Attributes</h3>
      <KeyValues rows={attributes} />
    </section>
  );
}

function ErrorList({ errors }: { errors: TraceErrorNode[] }) {
  return (
    <ul className="trace-errors">
      {errors.map((error) => (
        <li key={error.event_id}>
          <span className={`level level-${error.level ?? 'error'}`} aria-hidden="true" />{' '}
          <Link to={errorLink(error)}>{error.description || error.culprit || error.event_id}</Link>{' '}
          <span className="muted small mono">{error.short_id ?? error.project_slug}</span>
        </li>
      ))}
    </ul>
  );
}
