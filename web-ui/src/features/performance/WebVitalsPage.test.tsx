import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { json, mockApi, renderAt } from '../../test/render';
import { ORG } from '../../test/fixtures';
import { eventsTable } from '../../test/performanceFixtures';
import { WebVitalsPage } from './WebVitalsPage';

afterEach(() => vi.unstubAllGlobals());

const LOADS = 'count_unique(segment.id)';

const WEB = { id: '2', slug: 'web', name: 'Web', platform: 'javascript' };

const P75 = {
  'p75(measurements.lcp)': 2300,
  'p75(measurements.fcp)': 1900,
  'p75(measurements.cls)': 0.3,
  'p75(measurements.inp)': 180,
  'p75(measurements.ttfb)': 500,
};

function events(url: URL) {
  const fields = url.searchParams.getAll('field');
  if (fields[0].startsWith('count_web_vitals')) {
    const page = url.searchParams.get('query')?.includes('transaction:/checkout');
    const row: Record<string, number> = {};
    for (const field of fields) {
      row[field] = field.endsWith(',good)') ? (page ? 1 : 6) : field.endsWith(',meh)') ? 3 : 1;
    }
    row['count_web_vitals(measurements.inp,good)'] = 0;
    row['count_web_vitals(measurements.inp,meh)'] = 0;
    row['count_web_vitals(measurements.inp,poor)'] = 0;
    return json(eventsTable([row]));
  }
  if (fields[0] === 'transaction') {
    const none = { 'p75(measurements.lcp)': null, 'p75(measurements.fcp)': null, 'p75(measurements.cls)': null, 'p75(measurements.inp)': null, 'p75(measurements.ttfb)': null };
    return json(
      eventsTable([
        { transaction: '/checkout', [LOADS]: 40, ...P75 },
        { transaction: 'POST /api/cart', [LOADS]: 30, ...none },
        { transaction: '/', [LOADS]: 10, 'p75(measurements.lcp)': 5200, 'p75(measurements.fcp)': null, 'p75(measurements.cls)': 0.05, 'p75(measurements.inp)': null, 'p75(measurements.ttfb)': 2000 },
      ]),
    );
  }
  return json(eventsTable([{ [LOADS]: 50, ...P75 }]));
}

test('rates each page’s p75 vitals by web.dev’s thresholds, scores pages and the project, and shows the distribution', async () => {
  const calls = mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/organizations/faultline/projects/': [WEB],
    'GET /api/0/organizations/faultline/events/': events,
  });
  renderAt('/performance/vitals', '/performance/vitals', <WebVitalsPage />);
  const overview = await screen.findByTestId('vitals-overview');
  expect(within(overview).getByText('2.30 s')).toHaveAttribute('data-rating', 'good');
  expect(within(overview).getByText('1.90 s')).toHaveAttribute('data-rating', 'meh');
  expect(within(overview).getByText('0.3')).toHaveAttribute('data-rating', 'poor');
  expect(within(overview).getByText('180 ms')).toHaveAttribute('data-rating', 'good');
  const rows = within(screen.getByRole('table', { name: 'Pages' })).getAllByRole('row');
  // A transaction without any vital (a backend's) is no page.
  expect(rows).toHaveLength(3);
  expect(rows[2]).toHaveTextContent('5.20 s (Poor)');
  expect(rows[2]).toHaveTextContent('2.00 s (Poor)');
  expect(within(rows[2]).getAllByText('—')).toHaveLength(2);
  const scoreOf = (row: HTMLElement) => parseInt(within(row).getByTitle(/^Performance score/).textContent!, 10);
  expect(scoreOf(rows[1])).toBeGreaterThan(scoreOf(rows[2]));
  const request = calls.find((call) => call.url.searchParams.get('field') === 'transaction')!.url.searchParams;
  // One query over the spans dataset covers vitals on the segment and on its ui.webvital.* spans.
  expect(request.get('dataset')).toBe('spans');
  expect(request.get('query')).toBeNull();
  expect(request.get('sort')).toBe('-count_unique(segment.id)');
  expect(request.getAll('field')).toContain('p75(measurements.inp)');
  const lcp = await screen.findByTestId('distribution-lcp');
  expect(lcp).toHaveTextContent('good ≤ 2.50 s, poor > 4.00 s');
  expect(within(lcp).getByRole('img')).toHaveAccessibleName('Good 6, Needs improvement 3, Poor 1');
  expect(lcp).toHaveTextContent('Good 60% (6)');
  expect(screen.getByTestId('distribution-inp')).toHaveTextContent('Not measured.');
  await userEvent.click(within(rows[1]).getByRole('button', { name: '/checkout' }));
  await waitFor(() => expect(within(screen.getByTestId('distribution-lcp')).getByRole('img')).toHaveAccessibleName('Good 1, Needs improvement 3, Poor 1'));
  expect(screen.getByRole('heading', { name: /Distribution · \/checkout/ })).toBeInTheDocument();
});

test('without vitals it says what the browser SDK needs', async () => {
  mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/organizations/faultline/projects/': [WEB],
    'GET /api/0/organizations/faultline/events/': eventsTable([{ 'count_unique(segment.id)': 0 }]),
  });
  renderAt('/performance/vitals', '/performance/vitals', <WebVitalsPage />);
  expect(await screen.findByText('No web vitals in this time range')).toBeInTheDocument();
  expect(screen.getByText(/browserTracingIntegration/)).toBeInTheDocument();
});
