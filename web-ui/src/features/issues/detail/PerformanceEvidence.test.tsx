import { screen, within } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { mockApi, renderAt } from '../../../test/render';
import { ORG, event } from '../../../test/fixtures';
import { EventDetails } from './EventDetails';

afterEach(() => vi.unstubAllGlobals());

const TRACE = '0af7651916cd43dd8448eb211c80319c';

const nPlusOne = event({
  title: 'N+1 Query',
  contexts: { trace: { type: 'trace', trace_id: TRACE, span_id: 'a000000000000000', op: 'http.server' } },
  occurrence: {
    id: 'e1',
    type: 1006,
    issueType: 'performance_n_plus_one_db_queries',
    issueTitle: 'N+1 Query',
    subtitle: 'SELECT * FROM books WHERE author_id = %s',
    culprit: 'GET /authors',
    evidenceData: {
      op: 'db.sql.query',
      transactionName: 'GET /authors',
      offenderSpanIds: ['d1', 'd2'],
      causeSpanIds: ['c1'],
      parentSpanIds: ['a000000000000000'],
    },
    evidenceDisplay: [{ name: 'Offending Spans', value: 'SELECT * FROM books WHERE author_id = %s', important: true }],
  },
  entries: [
    {
      type: 'spans',
      data: [
        { span_id: 'd2', op: 'db.sql.query', description: 'SELECT * FROM books WHERE author_id = 2', start_timestamp: '2026-12-07T10:00:00.040Z', duration: 25 },
        { span_id: 'a000000000000000', op: 'http.server', description: 'GET /authors', start_timestamp: '2026-12-07T10:00:00.000Z', duration: 900 },
        { span_id: 'c1', op: 'db.sql.query', description: 'SELECT id FROM authors', start_timestamp: '2026-12-07T10:00:00.001Z', duration: 10 },
        { span_id: 'd1', op: 'db.sql.query', description: 'SELECT * FROM books WHERE author_id = 1', start_timestamp: '2026-12-07T10:00:00.012Z', duration: 25 },
      ],
    },
  ],
});

test("a performance issue's event shows the problem and its evidence spans in the order they ran", () => {
  mockApi({ 'GET /api/0/organizations/': [ORG], [`GET /api/0/organizations/faultline/trace/${TRACE}/`]: [] });
  renderAt('/issues/7', '/issues/:issueId', <EventDetails event={nPlusOne} />);
  const card = screen.getByRole('region', { name: 'Performance issue' });
  expect(within(card).getByRole('heading', { name: 'N+1 Query' })).toBeInTheDocument();
  expect(within(card).getAllByText('GET /authors')).toHaveLength(2); // the transaction, and the parent span
  expect(within(card).getByText('2 · 50 ms in total')).toBeInTheDocument();
  expect(within(card).getByRole('link', { name: 'View the whole trace' })).toHaveAttribute('href', `/performance/trace/${TRACE}`);
  const rows = within(within(card).getByRole('group', { name: 'Evidence spans' })).getAllByRole('row').slice(1);
  expect(rows.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual(['Parent', 'Cause', 'Offending', 'Offending']);
  expect(within(rows[2]).getByText('SELECT * FROM books WHERE author_id = 1')).toBeInTheDocument();
});

test('an error event has no performance card', () => {
  mockApi({ 'GET /api/0/organizations/': [ORG] });
  renderAt('/issues/7', '/issues/:issueId', <EventDetails event={event({})} />);
  expect(screen.queryByRole('region', { name: 'Performance issue' })).not.toBeInTheDocument();
});
