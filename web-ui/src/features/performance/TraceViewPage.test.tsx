import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { json, mockApi, renderAt } from '../../test/render';
import { ORG } from '../../test/fixtures';
import { ORPHAN_ERROR, PAYMENT_ERROR, TRACE_ID, traceTree } from '../../test/performanceFixtures';
import { TraceViewPage } from './TraceViewPage';

afterEach(() => vi.unstubAllGlobals());

const ROUTES = {
  'GET /api/0/organizations/': [ORG],
  [`GET /api/0/organizations/faultline/trace/${TRACE_ID}/`]: traceTree(),
};

const rowOf = (spanId: string) => screen.getAllByTestId('span-row').find((row) => row.dataset.spanId === spanId)!;

test('draws every span of both projects on one axis, with gaps, op colours and errors on their span', async () => {
  const calls = mockApi(ROUTES);
  renderAt(`/performance/trace/${TRACE_ID}`, '/performance/trace/:traceId', <TraceViewPage />);
  expect(await screen.findByRole('heading', { level: 1, name: '/checkout' })).toBeInTheDocument();
  expect(calls.find((call) => call.url.pathname.includes('/trace/'))!.url.searchParams.get('project')).toBe('-1');
  const summary = screen.getByTestId('trace-summary');
  expect(summary).toHaveTextContent('1.50 s');
  expect(summary).toHaveTextContent('api, web');
  expect(summary).toHaveTextContent('Errors2');
  expect(screen.getAllByTestId('span-row')).toHaveLength(6);
  expect(screen.getAllByTestId('gap-row').map((row) => row.textContent)).toEqual([
    'No instrumentation · 200 ms',
    'No instrumentation · 300 ms',
  ]);
  // The service boundary is marked with the project it enters.
  expect(within(rowOf('b000000000000002')).getByText('api')).toBeInTheDocument();
  expect(within(rowOf('b000000000000005')).getByText('● 1 error')).toBeInTheDocument();
  const bar = rowOf('b000000000000005').querySelector<HTMLElement>('.waterfall-bar')!;
  expect(parseFloat(bar.style.left)).toBeCloseTo((0.8 / 1.5) * 100, 3);
  const dbBar = rowOf('b000000000000003').querySelector<HTMLElement>('.waterfall-bar')!;
  const otherDb = rowOf('b000000000000004').querySelector<HTMLElement>('.waterfall-bar')!;
  expect(dbBar.style.background).toBe(otherDb.style.background);
  expect(dbBar.style.background).not.toBe(bar.style.background);
  expect(within(screen.getByRole('list', { name: 'Operation colours' })).getAllByRole('listitem').map((li) => li.textContent?.trim())).toEqual([
    'db',
    'http',
    'pageload',
  ]);
  // An error without a span is listed on its own, linked to its issue's event.
  const orphans = screen.getByRole('region', { name: 'Errors without a span' });
  expect(within(orphans).getByRole('link', { name: ORPHAN_ERROR.description! })).toHaveAttribute(
    'href',
    `/issues/43?event=${ORPHAN_ERROR.event_id}`,
  );
});

test('collapses and expands children', async () => {
  mockApi(ROUTES);
  renderAt(`/performance/trace/${TRACE_ID}`, '/performance/trace/:traceId', <TraceViewPage />);
  const toggle = await screen.findByRole('button', { name: 'Collapse the children of http.server POST /api/checkout' });
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await userEvent.click(toggle);
  expect(screen.getAllByTestId('span-row')).toHaveLength(3);
  expect(screen.getAllByTestId('gap-row')).toHaveLength(1);
  await userEvent.click(screen.getByRole('button', { name: 'Expand the children of http.server POST /api/checkout' }));
  expect(screen.getAllByTestId('span-row')).toHaveLength(6);
});

test('a span opens its details, attributes and errors; the error links to its issue', async () => {
  mockApi(ROUTES);
  renderAt(`/performance/trace/${TRACE_ID}`, '/performance/trace/:traceId', <TraceViewPage />);
  await screen.findAllByTestId('span-row');
  await userEvent.click(within(rowOf('b000000000000005')).getByRole('button', { name: /POST https:\/\/payments.example\/charge/ }));
  const details = screen.getByRole('region', { name: 'Span details' });
  expect(within(details).getByText('internal_error')).toBeInTheDocument();
  expect(within(details).getByText('300 ms')).toBeInTheDocument();
  expect(within(details).getByText('+800 ms')).toBeInTheDocument();
  expect(within(details).getByText('b000000000000002 (http.server POST /api/checkout)')).toBeInTheDocument();
  expect(within(details).getByText('http.response.status_code')).toBeInTheDocument();
  expect(within(details).getByText('502')).toBeInTheDocument();
  expect(within(details).getByRole('link', { name: PAYMENT_ERROR.description! })).toHaveAttribute(
    'href',
    `/issues/42?event=${PAYMENT_ERROR.event_id}`,
  );
  expect(within(rowOf('b000000000000005')).getByRole('button', { pressed: true })).toBeInTheDocument();
  await userEvent.click(within(details).getByRole('button', { name: 'Close' }));
  expect(screen.queryByRole('region', { name: 'Span details' })).not.toBeInTheDocument();
});

test('a transaction event selects its segment; a segment links to its summary and shows its measurements', async () => {
  mockApi(ROUTES);
  renderAt(
    `/performance/trace/${TRACE_ID}?event=deadbeefdeadbeefdeadbeefdeadbeef`,
    '/performance/trace/:traceId',
    <TraceViewPage />,
  );
  const details = await screen.findByRole('region', { name: 'Span details' });
  expect(within(details).getByRole('link', { name: 'Summary of /checkout' })).toHaveAttribute(
    'href',
    '/performance/summary?project=web&transaction=%2Fcheckout',
  );
  expect(within(details).getByText('1830 millisecond')).toBeInTheDocument();
});

test('an error event selects the span it happened in', async () => {
  mockApi(ROUTES);
  renderAt(`/performance/trace/${TRACE_ID}?error=${PAYMENT_ERROR.event_id}`, '/performance/trace/:traceId', <TraceViewPage />);
  const details = await screen.findByRole('region', { name: 'Span details' });
  expect(within(details).getByText('POST https://payments.example/charge')).toBeInTheDocument();
});

test('a trace with nothing stored says what sends spans', async () => {
  mockApi({ 'GET /api/0/organizations/': [ORG], [`GET /api/0/organizations/faultline/trace/${TRACE_ID}/`]: () => json([]) });
  renderAt(`/performance/trace/${TRACE_ID}`, '/performance/trace/:traceId', <TraceViewPage />);
  expect(await screen.findByText('This trace has no spans or errors here yet')).toBeInTheDocument();
  expect(screen.getByText(/tracesSampleRate/)).toBeInTheDocument();
});
