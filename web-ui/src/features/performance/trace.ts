// The trace tree as the waterfall draws it: spans in depth-first order with their depth, the
// trace's time span, gaps no span covers, and the errors that hang on spans or on nothing.
import type { TraceErrorNode, TraceNode, TraceSpanNode } from '../../api/models';

/** Sentry shows "missing instrumentation" from this much uncovered time between siblings. */
export const GAP_MS = 100;

export interface SpanRow {
  kind: 'span';
  span: TraceSpanNode;
  depth: number;
  /** Ids of the spans above, root first. */
  path: string[];
  /** The project differs from the parent's: a service boundary. */
  crossesProject: boolean;
}

export interface GapRow {
  kind: 'gap';
  /** The span the gap ends at (its id keys the row). */
  before: string;
  depth: number;
  start: number;
  end: number;
}

export type WaterfallRow = SpanRow | GapRow;

export interface TraceModel {
  spans: SpanRow[];
  /** Errors the trace returned without a span (top-level nodes). */
  orphanErrors: TraceErrorNode[];
  /** Every error, on a span or not. */
  errors: TraceErrorNode[];
  /** Epoch seconds. */
  start: number;
  end: number;
  projects: string[];
}

export const isSpan = (node: TraceNode): node is TraceSpanNode => node.event_type === 'span';
export const isError = (node: TraceNode): node is TraceErrorNode => node.event_type === 'error' || node.event_type === 'occurrence';

const byStart = (a: TraceSpanNode, b: TraceSpanNode) => a.start_timestamp - b.start_timestamp;

export function spanErrors(span: TraceSpanNode): TraceErrorNode[] {
  return [...(span.errors ?? []), ...(span.occurrences ?? [])];
}

/** The tree flattened depth-first, siblings in start order. */
export function buildTrace(nodes: TraceNode[]): TraceModel {
  const spans: SpanRow[] = [];
  const errors: TraceErrorNode[] = [];
  const orphanErrors = nodes.filter(isError);
  const projects = new Set<string>();
  let start = Infinity;
  let end = -Infinity;
  const visit = (span: TraceSpanNode, depth: number, path: string[], parentProject?: string) => {
    spans.push({ kind: 'span', span, depth, path, crossesProject: parentProject !== undefined && parentProject !== span.project_slug });
    projects.add(span.project_slug);
    start = Math.min(start, span.start_timestamp);
    end = Math.max(end, span.end_timestamp);
    errors.push(...spanErrors(span));
    for (const child of [...(span.children ?? [])].sort(byStart)) {
      visit(child, depth + 1, [...path, span.event_id], span.project_slug);
    }
  };
  for (const root of nodes.filter(isSpan).sort(byStart)) {
    visit(root, 0, []);
  }
  for (const error of orphanErrors) {
    errors.push(error);
    projects.add(error.project_slug);
    if (typeof error.start_timestamp === 'number') {
      start = Math.min(start, error.start_timestamp);
      end = Math.max(end, error.start_timestamp);
    }
  }
  if (!Number.isFinite(start)) {
    start = 0;
    end = 0;
  }
  return { spans, errors, orphanErrors, start, end, projects: [...projects].sort() };
}

/**
 * The rows shown: spans whose ancestors are all expanded, with a gap row wherever at least
 * `GAP_MS` passes between a parent's start (or the previous sibling's end) and a child's start.
 */
export function visibleRows(model: TraceModel, collapsed: ReadonlySet<string>): WaterfallRow[] {
  const rows: WaterfallRow[] = [];
  // Per parent id: where its children's covered time reaches so far.
  const reach = new Map<string, number>();
  const parentOf = (row: SpanRow) => row.path[row.path.length - 1];
  const spanById = new Map(model.spans.map((row) => [row.span.event_id, row.span]));
  for (const row of model.spans) {
    if (row.path.some((id) => collapsed.has(id))) {
      continue;
    }
    const parent = parentOf(row);
    if (parent !== undefined) {
      const from = reach.get(parent) ?? spanById.get(parent)!.start_timestamp;
      if ((row.span.start_timestamp - from) * 1000 >= GAP_MS) {
        rows.push({ kind: 'gap', before: row.span.event_id, depth: row.depth, start: from, end: row.span.start_timestamp });
      }
      reach.set(parent, Math.max(from, row.span.end_timestamp));
    }
    rows.push(row);
  }
  return rows;
}

/** Colours by the op's category (before the first dot), so a trace reads at a glance. */
const OP_COLOURS: Record<string, string> = {
  http: '#3b82f6',
  db: '#e1567c',
  cache: '#f5a623',
  ui: '#2ba185',
  browser: '#14b8a6',
  resource: '#9c6bd4',
  pageload: '#6c5fc7',
  navigation: '#6c5fc7',
  queue: '#d97706',
  function: '#64748b',
  rpc: '#0ea5e9',
  grpc: '#0ea5e9',
  middleware: '#a16207',
  mark: '#94a3b8',
  paint: '#22c55e',
};
const FALLBACK = ['#8b5cf6', '#ef4444', '#10b981', '#f59e0b', '#0891b2', '#db2777'];

export function opCategory(op: string | null | undefined): string {
  return (op ?? '').split('.')[0] || 'default';
}

export function opColour(op: string | null | undefined): string {
  const category = opCategory(op);
  if (OP_COLOURS[category]) {
    return OP_COLOURS[category];
  }
  let hash = 0;
  for (const char of category) {
    hash = (hash * 31 + char.charCodeAt(0)) | 0;
  }
  return FALLBACK[Math.abs(hash) % FALLBACK.length];
}

/**
 * The span that is the segment of a transaction event (a link from an event list names the
 * event). A segment sent as a v2 span stream has no event id: its `id` is the span id itself.
 */
export function segmentOf(model: TraceModel, eventId: string | null): TraceSpanNode | undefined {
  if (!eventId) {
    return undefined;
  }
  return (
    model.spans.find((row) => row.span.is_transaction && row.span.transaction_id === eventId)?.span ??
    model.spans.find((row) => row.span.transaction_id === eventId)?.span ??
    model.spans.find((row) => row.span.event_id === eventId)?.span
  );
}

/** The span an error hangs on, if any. */
export function spanOfError(model: TraceModel, eventId: string): TraceSpanNode | undefined {
  return model.spans.find((row) => spanErrors(row.span).some((error) => error.event_id === eventId))?.span;
}
