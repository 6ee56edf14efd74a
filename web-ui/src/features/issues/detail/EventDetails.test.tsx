import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import type { IssueEvent } from '../../../api/models';
import { event } from '../../../test/fixtures';
import { renderAt } from '../../../test/render';
import { crumbType, describeCrumb } from './Breadcrumbs';
import { EventDetails } from './EventDetails';
import { metaRemarks, toCurl } from './EventSections';

function full(): IssueEvent {
  return event({
    platform: 'java',
    dateReceived: '2026-01-01T12:00:01Z',
    context: { cart: { items: 3 } },
    packages: { 'journey-payments': '3.1.4' },
    sdk: { name: 'sentry.java', version: '8.62.0', integrations: ['UncaughtExceptionHandler', 'Spring'] },
    _meta: { extra: { password: { '': { rem: [['@password', 's', 0, 10]], len: 12 } } }, release: { '': { err: [['invalid_data', { reason: 'bad name' }]] } } },
    contexts: {
      os: { type: 'os', name: 'Linux', version: '6.1' },
      runtime: { type: 'runtime', name: 'OpenJDK', version: '17' },
      trace: { type: 'trace', trace_id: 'f7bec8efdbe7484581882e9a752178fe', op: 'http.server' },
    },
    entries: [
      {
        type: 'exception',
        data: {
          values: [
            {
              type: 'IllegalStateException',
              module: 'java.lang',
              value: 'Checkout failed',
              mechanism: { type: 'journey.java', handled: false },
              stacktrace: {
                frames: [
                  { module: 'java.lang.Thread', function: 'run', filename: 'Thread.java', lineNo: 840, inApp: false },
                  { module: 'shop.Checkout', function: 'pay', filename: 'Checkout.java', lineNo: 12, inApp: true, vars: { amountInCents: 4200 } },
                ],
              },
            },
          ],
        },
      },
      {
        type: 'threads',
        data: {
          values: [
            { id: 1, name: 'main', current: true, stacktrace: { frames: [{ function: 'main', filename: 'Main.java', lineNo: 3, inApp: true }] } },
            { id: 2, name: 'worker-1', state: 'WAITING', stacktrace: { frames: [{ function: 'park', filename: 'Unsafe.java', inApp: false }] } },
          ],
        },
      },
      {
        type: 'breadcrumbs',
        data: {
          values: [
            { type: 'http', category: 'http', level: 'info', data: { method: 'POST', url: 'https://pay.example/charge', status_code: 502 } },
            { type: 'navigation', category: 'navigation', level: 'info', data: { from: '/cart', to: '/checkout' } },
            { type: 'query', category: 'query', level: 'info', message: 'SELECT 1' },
            { type: 'default', category: 'console', level: 'warning', message: 'low stock' },
          ],
        },
      },
      {
        type: 'request',
        data: {
          method: 'POST',
          url: 'https://shop.example/checkout',
          query: [['step', 'pay']],
          headers: [['Content-Type', 'application/json']],
          cookies: [['session', 'abc']],
          data: { order: 7 },
          env: { REMOTE_ADDR: '203.0.113.9' },
        },
      },
    ],
  });
}

test('shows every section of the event: mechanism, vars, threads, breadcrumbs by type, request, contexts, extra, packages, sdk, _meta', async () => {
  renderAt('/', '/', <EventDetails event={full()} />);
  const exception = screen.getByRole('region', { name: 'Exception' });
  expect(within(exception).getByTestId('mechanism')).toHaveTextContent('handled: no');
  expect(within(exception).getByTestId('mechanism')).toHaveTextContent('mechanism: journey.java');
  expect(within(exception).getByTestId('frame-vars')).toHaveTextContent('amountInCents4200');
  await userEvent.click(within(exception).getByLabelText('Raw'));
  expect(within(exception).getByTestId('raw-stack').textContent).toBe(
    'java.lang.IllegalStateException: Checkout failed\n\tat shop.Checkout.pay(Checkout.java:12)\n\tat java.lang.Thread.run(Thread.java:840)',
  );

  const threads = screen.getByRole('region', { name: 'Threads' });
  expect(within(threads).getByTestId('thread-summary')).toHaveTextContent('#1 main (current)');
  await userEvent.selectOptions(within(threads).getByLabelText('Thread'), '1');
  expect(within(threads).getByTestId('thread-summary')).toHaveTextContent('#2 worker-1 — WAITING');

  const crumbs = screen.getByRole('region', { name: 'Breadcrumbs' });
  expect(within(crumbs).getAllByTestId('breadcrumb').map((c) => c.querySelector('.crumb-message')!.textContent)).toEqual([
    'POST https://pay.example/charge [502]',
    '/cart → /checkout',
    'SELECT 1',
    'low stock',
  ]);
  await userEvent.type(within(crumbs).getByLabelText('Search breadcrumbs'), 'pay.example');
  expect(within(crumbs).getAllByTestId('breadcrumb')).toHaveLength(1);
  await userEvent.clear(within(crumbs).getByLabelText('Search breadcrumbs'));
  await userEvent.selectOptions(within(crumbs).getByLabelText('Level'), 'warning');
  expect(within(crumbs).getAllByTestId('breadcrumb').map((c) => c.textContent)).toEqual([expect.stringContaining('low stock')]);

  const request = screen.getByRole('region', { name: 'Request' });
  for (const text of ['POST https://shop.example/checkout', 'steppay', 'Content-Typeapplication/json', 'sessionabc', '"order": 7', 'REMOTE_ADDR']) {
    expect(request).toHaveTextContent(text);
  }
  expect(within(request).getByRole('button', { name: 'Copy as cURL' })).toBeInTheDocument();

  const contexts = screen.getByRole('region', { name: 'Contexts' });
  expect(within(contexts).getAllByTestId('context-card').map((c) => c.querySelector('h3')!.textContent)).toEqual([
    'Operating system os',
    'Runtime runtime',
    'Trace trace',
  ]);
  expect(within(contexts).getByText('Linux 6.1')).toBeInTheDocument();
  expect(within(contexts).getByRole('link', { name: /Issues of trace f7bec8ef/ })).toHaveAttribute(
    'href',
    '/issues?query=trace%3Af7bec8efdbe7484581882e9a752178fe',
  );
  expect(screen.getByRole('region', { name: 'Additional data' })).toHaveTextContent('cart');
  expect(screen.getByRole('region', { name: 'Packages' })).toHaveTextContent('journey-payments3.1.4');
  const sdk = screen.getByRole('region', { name: 'SDK' });
  expect(sdk).toHaveTextContent('sentry.java');
  expect(within(sdk).getByRole('list', { name: 'Integrations' })).toHaveTextContent('UncaughtExceptionHandlerSpring');
  const meta = screen.getByRole('region', { name: 'Processing changes' });
  expect(within(meta).getAllByTestId('meta-remark').map((r) => r.textContent)).toEqual([
    '⚑ extra.password: substituted by password filter; original length 12',
    '⚑ release: dropped as invalid_data: bad name',
  ]);
  expect(screen.getByRole('region', { name: 'Event summary' })).toHaveTextContent('handledno');
  await userEvent.click(screen.getByRole('button', { name: 'Raw event JSON' }));
  expect(screen.getByLabelText('Event JSON').textContent).toContain('"journey-payments": "3.1.4"');
});

test('cURL carries method, URL with query, headers, cookies and body, shell-quoted', () => {
  expect(
    toCurl({
      method: 'post',
      url: 'https://shop.example/a',
      query: [['q', "it's"]],
      headers: [['Accept', 'json'], ['Cookie', 'ignored']],
      cookies: 'a=1; b=2',
      data: { x: 1 },
    }),
  ).toBe(
    "curl \\\n  -X POST \\\n  'https://shop.example/a?q=it's' \\\n  -H 'Accept: json' \\\n  -H 'Cookie: a=1; b=2' \\\n  --data '{\"x\":1}'".replace(
      "it's",
      "it'\\''s",
    ),
  );
});

test('breadcrumbs by type and _meta remarks', () => {
  expect(describeCrumb({ type: 'http', data: { url: '/x' } })).toBe('GET /x');
  expect(describeCrumb({ type: 'navigation', data: { to: '/b' } })).toBe('? → /b');
  expect(describeCrumb({ category: 'query', data: { query: 'SELECT 2' } })).toBe('SELECT 2');
  expect(describeCrumb({ type: 'default', data: { a: 1 } })).toBe('{"a":1}');
  // The browser SDK leaves the type out of navigation and console crumbs: their category says it.
  expect(describeCrumb({ category: 'navigation', data: { from: '/a', to: '/b' } })).toBe('/a → /b');
  expect(crumbType({ category: 'navigation' })).toBe('navigation');
  expect(crumbType({ category: 'console', level: 'warning' })).toBe('console');
  expect(crumbType({ category: 'fetch' })).toBe('http');
  expect(crumbType({ type: 'default', category: 'db.sql.query' })).toBe('query');
  expect(crumbType({ category: 'ui.click' })).toBe('default');
  expect(metaRemarks({ request: { headers: { 0: { 1: { '': { rem: [['@bearer', 'x']] } } } } } })).toEqual([
    { path: 'request.headers.0.1', what: 'removed by bearer token filter' },
  ]);
});
