import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { mockApi, renderAt } from '../../../test/render';
import { TagsSidebar } from './TagsSidebar';

vi.mock('../../../ui/chart/TimeSeriesChart', () => ({
  TimeSeriesChart: ({ series, label }: { series: unknown[]; label: string }) => (
    <span data-testid="distribution">
      {label}: {series.length}
    </span>
  ),
}));

afterEach(() => vi.unstubAllGlobals());

test('each key shows its top values as percentage bars, and opens its distribution over time', async () => {
  const calls = mockApi({
    'GET /api/0/issues/7/tags/': [
      {
        key: 'browser',
        name: 'Browser',
        totalValues: 120,
        uniqueValues: 3,
        topValues: [
          { key: 'browser', name: 'Chrome 120', value: 'Chrome 120', count: 80, percent: 66.7 },
          { key: 'browser', name: 'Firefox 121', value: 'Firefox 121', count: 37, percent: 30.8 },
          { key: 'browser', name: 'Safari 17', value: 'Safari 17', count: 3, percent: 2.5 },
        ],
      },
      // Without `percent`: computed from the counts.
      { key: 'level', name: 'Level', totalValues: 4, topValues: [{ key: 'level', name: 'error', value: 'error', count: 3 }] },
    ],
    'GET /api/0/issues/7/tags/browser/distribution/': {
      key: 'browser',
      values: [
        { value: 'Chrome 120', data: [[1700000000, 3], [1700086400, 5]] },
        { value: 'Firefox 121', data: [[1700000000, 1], [1700086400, 0]] },
      ],
    },
  });
  renderAt('/', '/', <TagsSidebar issueId="7" />);
  const [browser, level] = await screen.findAllByTestId('tag-facet');
  const bars = within(browser).getAllByRole('listitem');
  expect(bars.map((bar) => bar.textContent)).toEqual(['Chrome 12067%', 'Firefox 12131%', 'Safari 172.5%']);
  expect((bars[0].querySelector('.tag-bar-fill') as HTMLElement).style.width).toBe('66.7%');
  expect(within(level).getByRole('listitem')).toHaveTextContent('error75%');

  await userEvent.click(within(browser).getByRole('button', { name: 'Browser' }));
  expect((await screen.findAllByTestId('distribution')).map((d) => d.textContent)).toEqual(['Chrome 120: 2', 'Firefox 121: 2']);
  expect(calls.at(-1)!.url.searchParams.get('statsPeriod')).toBe('14d');
  await userEvent.click(screen.getByRole('button', { name: '24h' }));
  await vi.waitFor(() => expect(calls.at(-1)!.url.searchParams.get('statsPeriod')).toBe('24h'));
});
