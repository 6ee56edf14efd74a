import { expect, test } from 'vitest';
import { ORPHAN_ERROR, PAYMENT_ERROR, traceTree } from '../../test/performanceFixtures';
import { buildTrace, opColour, segmentOf, spanOfError, visibleRows } from './trace';

test('flattens the tree depth first with siblings in start order, across projects', () => {
  const model = buildTrace(traceTree());
  expect(model.spans.map((row) => [row.span.event_id, row.depth])).toEqual([
    ['a000000000000001', 0],
    ['a000000000000002', 1],
    ['b000000000000002', 2],
    ['b000000000000003', 3],
    ['b000000000000004', 3],
    ['b000000000000005', 3],
  ]);
  expect(model.spans[2].crossesProject).toBe(true);
  expect(model.spans[3].crossesProject).toBe(false);
  expect(model.projects).toEqual(['api', 'web']);
  expect(model.start).toBe(1700000000);
  expect(model.end).toBe(1700000001.5);
  expect(model.errors.map((e) => e.event_id)).toEqual([PAYMENT_ERROR.event_id, ORPHAN_ERROR.event_id]);
  expect(model.orphanErrors).toEqual([ORPHAN_ERROR]);
});

test('shows a gap where at least 100 ms passes without a span, and hides collapsed children', () => {
  const model = buildTrace(traceTree());
  const rows = visibleRows(model, new Set());
  const gaps = rows.filter((row) => row.kind === 'gap');
  // 200 ms before the page's fetch, 300 ms between the second query and the payment call.
  expect(gaps.map((gap) => [gap.before, Math.round((gap.end - gap.start) * 1000)])).toEqual([
    ['a000000000000002', 200],
    ['b000000000000005', 300],
  ]);
  const collapsed = visibleRows(model, new Set(['b000000000000002']));
  expect(collapsed.filter((row) => row.kind === 'span').map((row) => row.kind === 'span' && row.span.event_id)).toEqual([
    'a000000000000001',
    'a000000000000002',
    'b000000000000002',
  ]);
});

test('finds the segment of a transaction event and the span of an error', () => {
  const model = buildTrace(traceTree());
  expect(segmentOf(model, 'c0ffee00c0ffee00c0ffee00c0ffee00')?.event_id).toBe('b000000000000002');
  expect(segmentOf(model, null)).toBeUndefined();
  // A v2 span stream's segment has no event id: the events table answers its span id.
  expect(segmentOf(model, 'a000000000000001')?.event_id).toBe('a000000000000001');
  expect(spanOfError(model, PAYMENT_ERROR.event_id)?.event_id).toBe('b000000000000005');
  expect(spanOfError(model, ORPHAN_ERROR.event_id)).toBeUndefined();
});

test('colours spans by op category', () => {
  expect(opColour('db.query')).toBe(opColour('db.sql.select'));
  expect(opColour('db.query')).not.toBe(opColour('http.client'));
  expect(opColour('custom.thing')).toMatch(/^#/);
});

test('an empty answer is an empty trace', () => {
  const model = buildTrace([]);
  expect(model.spans).toEqual([]);
  expect(model.start).toBe(0);
});
