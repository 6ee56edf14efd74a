import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { json, mockApi, renderAt } from '../../../test/render';
import { CustomFilters, InboundFilters } from './InboundFiltersPage';
import type { InboundFilter } from './api';

const BASE = '/api/0/projects/faultline/shop/';

function filters(localhost: boolean, legacy: boolean | string[]): InboundFilter[] {
  return [
    {
      id: 'browser-extensions',
      active: false,
      name: 'Filter out errors known to be caused by browser extensions',
      description: 'Certain browser extensions will inject inline scripts and are known to cause errors.',
      hello: 'browser-extensions - Filter out errors known to be caused by browser extensions',
    },
    {
      id: 'localhost',
      active: localhost,
      name: 'Filter out events coming from localhost',
      description: 'This applies to both IPv4 (``127.0.0.1``) and IPv6 (``::1``) addresses.',
      hello: 'localhost - Filter out events coming from localhost',
    },
    {
      id: 'legacy-browsers',
      active: legacy,
      name: 'Filter out known errors from legacy browsers',
      description: 'Older browsers often give less accurate information.',
      hello: 'legacy-browsers - Filter out known errors from legacy browsers',
    },
  ];
}

test('toggles a built-in filter and chooses legacy browsers', async () => {
  let state = filters(false, false);
  const calls = mockApi({
    [`GET ${BASE}filters/`]: () => json(state),
    [`PUT ${BASE}filters/localhost/`]: (_url: URL, init: RequestInit) => {
      state = filters(JSON.parse(String(init.body)).active, state[2].active);
      return new Response(null, { status: 204 });
    },
    [`PUT ${BASE}filters/legacy-browsers/`]: (_url: URL, init: RequestInit) => {
      state = filters(state[1].active as boolean, JSON.parse(String(init.body)).subfilters);
      return new Response(null, { status: 204 });
    },
  });
  renderAt('/', '/', <InboundFilters org="faultline" project="shop" />);

  const localhost = await screen.findByRole('checkbox', { name: 'Filter out events coming from localhost' });
  expect(localhost).not.toBeChecked();
  await userEvent.click(localhost);
  await waitFor(() =>
    expect(screen.getByRole('checkbox', { name: 'Filter out events coming from localhost' })).toBeChecked(),
  );
  const put = calls.find((call) => call.method === 'PUT' && call.url.pathname.endsWith('/filters/localhost/'));
  expect(JSON.parse(String(put?.init.body))).toEqual({ active: true });

  const browsers = screen.getByRole('group', { name: 'Browsers' });
  await userEvent.click(within(browsers).getByRole('checkbox', { name: 'Safari 5 and lower (deprecated)' }));
  await waitFor(() =>
    expect(screen.getByRole('checkbox', { name: 'Safari 5 and lower (deprecated)' })).toBeChecked(),
  );
  const legacy = calls.find((call) => call.method === 'PUT' && call.url.pathname.endsWith('/filters/legacy-browsers/'));
  expect(JSON.parse(String(legacy?.init.body))).toEqual({ subfilters: ['safari_pre_6'] });
  expect(screen.getByRole('checkbox', { name: 'Filter out known errors from legacy browsers' })).toBeChecked();
});

test('edits the custom lists and shows a refusal', async () => {
  let options = {
    'filters:error_messages': '*ConnectionTimeout*',
    'filters:releases': '',
    'filters:blacklisted_ips': '',
  };
  const calls = mockApi({
    [`GET ${BASE}`]: () => json({ slug: 'shop', options }),
    [`PUT ${BASE}`]: (_url: URL, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      if (body.options['filters:blacklisted_ips'].includes('example.com')) {
        return json({ detail: 'filters:blacklisted_ips: not an IP address or CIDR range: example.com' }, 400);
      }
      options = body.options;
      return json({ slug: 'shop', options });
    },
  });
  renderAt('/', '/', <CustomFilters org="faultline" project="shop" />);

  const messages = await screen.findByRole('textbox', { name: /Error messages/ });
  expect(messages).toHaveValue('*ConnectionTimeout*');
  const ips = screen.getByRole('textbox', { name: /IP addresses/ });
  await userEvent.type(ips, 'example.com');
  await userEvent.click(screen.getByRole('button', { name: 'Save filters' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('not an IP address or CIDR range: example.com');

  await userEvent.clear(ips);
  await userEvent.type(ips, '10.0.0.0/8{enter}192.168.1.7');
  await userEvent.type(screen.getByRole('textbox', { name: /Releases/ }), '1.0.0-beta*');
  await userEvent.click(screen.getByRole('button', { name: 'Save filters' }));
  expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
  const saved = calls.filter((call) => call.method === 'PUT').at(-1);
  expect(JSON.parse(String(saved?.init.body))).toEqual({
    options: {
      'filters:error_messages': '*ConnectionTimeout*',
      'filters:releases': '1.0.0-beta*',
      'filters:blacklisted_ips': '10.0.0.0/8\n192.168.1.7',
    },
  });
});
