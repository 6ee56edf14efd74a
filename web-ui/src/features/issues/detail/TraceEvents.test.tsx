import { screen, within } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { json, mockApi, renderAt } from '../../../test/render';
import { ORG, event } from '../../../test/fixtures';
import { PAYMENT_ERROR, TRACE_ID, traceTree } from '../../../test/performanceFixtures';
import { EventDetails } from './EventDetails';

afterEach(() => vi.unstubAllGlobals());

const inTrace = event({
  eventID: PAYMENT_ERROR.event_id,
  contexts: { trace: { type: 'trace', trace_id: TRACE_ID, span_id: 'b000000000000005', op: 'http.client' } },
});

test("an error event links to its trace and lists the trace's other events", async () => {
  mockApi({ 'GET /api/0/organizations/': [ORG], [`GET /api/0/organizations/faultline/trace/${TRACE_ID}/`]: traceTree() });
  renderAt('/issues/7', '/issues/:issueId', <EventDetails event={inTrace} />);
  const card = screen.getByRole('region', { name: 'Trace' });
  expect(within(card).getByRole('link', { name: /View trace a9f1e2d3/ })).toHaveAttribute(
    'href',
    `/performance/trace/${TRACE_ID}?error=${PAYMENT_ERROR.event_id}`,
  );
  const list = await within(card).findByTestId('trace-events');
  // Both projects' transactions and the other error; not this event itself.
  expect(within(list).getByRole('link', { name: '/checkout' })).toHaveAttribute('href', `/performance/trace/${TRACE_ID}?span=a000000000000001`);
  expect(within(list).getByRole('link', { name: 'POST /api/checkout' })).toHaveAttribute('href', `/performance/trace/${TRACE_ID}?span=b000000000000002`);
  expect(within(list).getByText('api · http.server · 900 ms')).toBeInTheDocument();
  expect(within(list).getByRole('link', { name: 'TypeError: cart is undefined' })).toHaveAttribute(
    'href',
    '/issues/43?event=f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1',
  );
  expect(within(list).queryByText('Error: Payment declined')).not.toBeInTheDocument();
  const contexts = screen.getByRole('region', { name: 'Contexts' });
  expect(within(contexts).getByRole('link', { name: /View trace a9f1e2d3/ })).toHaveAttribute('href', `/performance/trace/${TRACE_ID}`);
});

test('a trace with nothing else stored says so; an event without a trace has no trace card', async () => {
  mockApi({ 'GET /api/0/organizations/': [ORG], [`GET /api/0/organizations/faultline/trace/${TRACE_ID}/`]: () => json({ detail: 'No such trace' }, 404) });
  const { unmount } = renderAt('/issues/7', '/issues/:issueId', <EventDetails event={inTrace} />);
  expect(await screen.findByText(/No other events of this trace are stored/)).toBeInTheDocument();
  unmount();
  renderAt('/issues/7', '/issues/:issueId', <EventDetails event={event()} />);
  expect(screen.queryByRole('region', { name: 'Trace' })).not.toBeInTheDocument();
});
