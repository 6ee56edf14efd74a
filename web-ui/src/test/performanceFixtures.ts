// Performance fixtures in the shapes of Sentry's Web API (shared/reference/sentry-web-api.md §1, §2).
import type { EventsTable, TraceErrorNode, TraceNode, TraceSpanNode } from '../api/models';

export const TRACE_ID = 'a9f1e2d3c4b5a6978877665544332211';

/** An events answer: rows keyed by the requested field strings, with their types and units. */
export function eventsTable(data: EventsTable['data'], fields: Record<string, string> = {}): EventsTable {
  const units: Record<string, string | null> = {};
  for (const [field, type] of Object.entries(fields)) {
    units[field] = type === 'duration' ? 'millisecond' : type === 'rate' ? '1/minute' : null;
  }
  return { data, meta: { fields, units, dataset: 'transactions' } };
}

function span(overrides: Partial<TraceSpanNode> & Pick<TraceSpanNode, 'event_id' | 'start_timestamp' | 'end_timestamp'>): TraceSpanNode {
  return {
    event_type: 'span',
    transaction_id: null,
    project_id: 2,
    project_slug: 'api',
    transaction: 'POST /api/checkout',
    description: null,
    op: 'default',
    parent_span_id: null,
    duration: (overrides.end_timestamp - overrides.start_timestamp) * 1000,
    is_transaction: false,
    sdk_name: 'sentry.javascript.node',
    measurements: {},
    additional_attributes: {},
    children: [],
    errors: [],
    occurrences: [],
    ...overrides,
  };
}

export const PAYMENT_ERROR: TraceErrorNode = {
  event_type: 'error',
  event_id: 'e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0',
  issue_id: 42,
  project_id: 2,
  project_slug: 'api',
  transaction: 'POST /api/checkout',
  description: 'Error: Payment declined',
  level: 'error',
  culprit: 'charge(payment.js)',
  short_id: 'API-7',
  start_timestamp: 1700000001.05,
};

export const ORPHAN_ERROR: TraceErrorNode = {
  event_type: 'error',
  event_id: 'f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1',
  issue_id: 43,
  project_id: 1,
  project_slug: 'web',
  description: 'TypeError: cart is undefined',
  level: 'error',
  short_id: 'WEB-3',
  start_timestamp: 1700000001.4,
};

/**
 * A browser page load (project web) whose fetch reaches a Node service (project api): two
 * queries, 300 ms nobody instrumented, then a payment call that failed.
 */
export function traceTree(): TraceNode[] {
  const payment = span({
    event_id: 'b000000000000005',
    parent_span_id: 'b000000000000002',
    op: 'http.client',
    description: 'POST https://payments.example/charge',
    start_timestamp: 1700000000.8,
    end_timestamp: 1700000001.1,
    status: 'internal_error',
    additional_attributes: { 'http.response.status_code': 502, 'server.address': 'payments.example' },
    errors: [PAYMENT_ERROR],
  });
  const server = span({
    event_id: 'b000000000000002',
    transaction_id: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    parent_span_id: 'a000000000000002',
    op: 'http.server',
    description: 'POST /api/checkout',
    is_transaction: true,
    start_timestamp: 1700000000.25,
    end_timestamp: 1700000001.15,
    children: [
      payment,
      span({
        event_id: 'b000000000000003',
        parent_span_id: 'b000000000000002',
        op: 'db.query',
        description: 'SELECT * FROM carts WHERE id = $1',
        start_timestamp: 1700000000.3,
        end_timestamp: 1700000000.4,
      }),
      span({
        event_id: 'b000000000000004',
        parent_span_id: 'b000000000000002',
        op: 'db.query',
        description: 'SELECT * FROM prices WHERE sku = ANY($1)',
        start_timestamp: 1700000000.4,
        end_timestamp: 1700000000.5,
      }),
    ],
  });
  const pageload = span({
    event_id: 'a000000000000001',
    transaction_id: 'deadbeefdeadbeefdeadbeefdeadbeef',
    project_id: 1,
    project_slug: 'web',
    transaction: '/checkout',
    description: '/checkout',
    op: 'pageload',
    is_transaction: true,
    sdk_name: 'sentry.javascript.browser',
    start_timestamp: 1700000000,
    end_timestamp: 1700000001.5,
    measurements: { lcp: { value: 1830, unit: 'millisecond' }, cls: { value: 0.02, unit: '' } },
    children: [
      span({
        event_id: 'a000000000000002',
        parent_span_id: 'a000000000000001',
        project_id: 1,
        project_slug: 'web',
        transaction: '/checkout',
        op: 'http.client',
        description: 'POST /api/checkout',
        start_timestamp: 1700000000.2,
        end_timestamp: 1700000001.2,
        children: [server],
      }),
    ],
  });
  return [pageload, ORPHAN_ERROR];
}
