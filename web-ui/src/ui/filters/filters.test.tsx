import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { expect, test } from 'vitest';
import { renderAt } from '../../test/render';
import { EnvironmentPicker, ProjectPicker, TimeRangePicker } from './Pickers';
import { filterParams, readPageFilters, usePageFilters } from './pageFilters';

function Filters() {
  const [filters, setFilters] = usePageFilters();
  const location = useLocation();
  return (
    <>
      <ProjectPicker projects={[{ slug: 'shop', name: 'Shop' }]} value={filters.project} onChange={(project) => setFilters({ project })} />
      <EnvironmentPicker environments={['production', 'staging']} value={filters.environment} onChange={(environment) => setFilters({ environment })} />
      <TimeRangePicker value={filters} onChange={(range) => setFilters(range)} defaultPeriod="24h" />
      <output data-testid="search">{location.search}</output>
    </>
  );
}

const search = () => new URLSearchParams(screen.getByTestId('search').textContent ?? '');

test('the pickers keep project, environment and time range in the address and drop the cursor', async () => {
  renderAt('/issues?cursor=0:25:0&query=is:unresolved', '/issues', <Filters />);
  expect(screen.getByLabelText('Time range')).toHaveValue('24h');
  await userEvent.selectOptions(screen.getByLabelText('Project'), 'shop');
  expect(search().get('project')).toBe('shop');
  expect(search().get('cursor')).toBeNull();
  expect(search().get('query')).toBe('is:unresolved');
  await userEvent.selectOptions(screen.getByLabelText('Environment'), 'staging');
  expect(search().get('environment')).toBe('staging');
  await userEvent.selectOptions(screen.getByLabelText('Time range'), '7d');
  expect(search().get('statsPeriod')).toBe('7d');
  await userEvent.selectOptions(screen.getByLabelText('Environment'), '');
  expect(search().get('environment')).toBeNull();
});

test('a custom range becomes start and end instants and replaces the period', async () => {
  renderAt('/issues?statsPeriod=7d', '/issues', <Filters />);
  await userEvent.selectOptions(screen.getByLabelText('Time range'), 'custom');
  await userEvent.type(screen.getByLabelText('From'), '2026-01-02T03:04');
  await userEvent.type(screen.getByLabelText('To'), '2026-01-03T03:04');
  await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
  expect(search().get('statsPeriod')).toBeNull();
  expect(search().get('start')).toBe(new Date('2026-01-02T03:04').toISOString());
  expect(search().get('end')).toBe(new Date('2026-01-03T03:04').toISOString());
});

test('filters read from and written to API parameters under Sentry names', () => {
  const filters = readPageFilters(new URLSearchParams('project=shop&environment=prod&statsPeriod=14d'));
  expect(filters).toEqual({ project: 'shop', environment: 'prod', period: '14d', start: undefined, end: undefined });
  expect(filterParams(filters)).toEqual({ environment: 'prod', statsPeriod: '14d' });
  // An absolute range wins over a period; half a range is no range.
  const absolute = readPageFilters(new URLSearchParams('statsPeriod=14d&start=2026-01-01T00:00:00Z&end=2026-01-02T00:00:00Z'));
  expect(filterParams(absolute)).toEqual({ start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z' });
  expect(filterParams(readPageFilters(new URLSearchParams('start=2026-01-01T00:00:00Z')))).toEqual({});
});
