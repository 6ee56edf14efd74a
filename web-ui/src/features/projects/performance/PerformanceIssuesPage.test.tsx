import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { json, mockApi, renderAt } from '../../../test/render';
import { PerformanceIssueSettingsForm } from './PerformanceIssuesPage';

const PATH = '/api/0/projects/faultline/shop/performance-issues/configure/';

const DEFAULTS = {
  n_plus_one_db_queries_detection_enabled: true,
  slow_db_queries_detection_enabled: true,
  consecutive_http_spans_detection_enabled: true,
  large_render_blocking_asset_detection_enabled: true,
  uncompressed_assets_detection_enabled: true,
  n_plus_one_db_duration_threshold: 100,
  slow_db_query_duration_threshold: 1000,
  render_blocking_fcp_ratio: 0.33,
  consecutive_http_spans_min_time_saved_threshold: 2000,
  uncompressed_asset_size_threshold: 512000,
  uncompressed_asset_duration_threshold: 500,
};

test('saves only the settings that changed, and a turned-off detector has its thresholds locked', async () => {
  let state: Record<string, boolean | number> = { ...DEFAULTS };
  const calls = mockApi({
    [`GET ${PATH}`]: () => json(state),
    [`PUT ${PATH}`]: (_url: URL, init: RequestInit) => {
      state = { ...state, ...JSON.parse(String(init.body)) };
      return json(state);
    },
  });
  renderAt('/projects/shop/performance-issues', '/projects/:projectSlug/performance-issues', <PerformanceIssueSettingsForm org="faultline" project="shop" />);
  const form = await screen.findByRole('form', { name: 'Performance issue settings' });
  const save = within(form).getByRole('button', { name: 'Save' });
  expect(save).toBeDisabled();

  const slow = within(form).getByLabelText(/Least duration of a query/);
  // The thresholds stay locked until the loaded settings fill the draft.
  await waitFor(() => expect(slow).toBeEnabled());
  await userEvent.clear(slow);
  await userEvent.type(slow, '1500');
  await userEvent.click(within(form).getByLabelText('Uncompressed assets'));
  expect(within(form).getByLabelText(/Least size/)).toBeDisabled();
  await userEvent.click(save);

  await waitFor(() => expect(state.slow_db_query_duration_threshold).toBe(1500));
  const put = calls.find((call) => call.method === 'PUT');
  expect(JSON.parse(String(put?.init.body))).toEqual({
    slow_db_query_duration_threshold: 1500,
    uncompressed_assets_detection_enabled: false,
  });
  expect(await within(form).findByRole('status')).toHaveTextContent('Saved.');
});

test('a refused value shows the server’s message', async () => {
  mockApi({
    [`GET ${PATH}`]: () => json(DEFAULTS),
    [`PUT ${PATH}`]: () => json({ detail: 'slow_db_query_duration_threshold must be between 100 and 60000' }, 400),
  });
  renderAt('/projects/shop/performance-issues', '/projects/:projectSlug/performance-issues', <PerformanceIssueSettingsForm org="faultline" project="shop" />);
  const slow = await screen.findByLabelText(/Least duration of a query/);
  await waitFor(() => expect(slow).toBeEnabled());
  await userEvent.clear(slow);
  await userEvent.type(slow, '5');
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('must be between 100 and 60000');
});
