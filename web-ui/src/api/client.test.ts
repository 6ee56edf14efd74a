import { afterEach, expect, test, vi } from 'vitest';
import { ApiError, apiJson, apiPage, navigation, parseLinkHeader } from './client';
import { json, mockApi } from '../test/render';

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'faultline_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

test('unsafe methods carry the CSRF cookie as X-CSRFToken, and every request sends same-origin credentials', async () => {
  document.cookie = 'faultline_csrf=tok%2Ben';
  const calls = mockApi({ 'PUT /api/0/issues/1/': { status: 'resolved' }, 'GET /api/0/issues/1/': { id: '1' } });
  await apiJson('/api/0/issues/1/', { method: 'PUT', body: { status: 'resolved' } });
  await apiJson('/api/0/issues/1/');
  const [put, get] = calls;
  expect((put.init.headers as Record<string, string>)['X-CSRFToken']).toBe('tok+en');
  expect(put.init.credentials).toBe('same-origin');
  expect(put.init.body).toBe('{"status":"resolved"}');
  expect((get.init.headers as Record<string, string>)['X-CSRFToken']).toBeUndefined();
  expect(get.init.credentials).toBe('same-origin');
});

test('a 401 sends the browser to the sign-in page', async () => {
  const toLogin = vi.spyOn(navigation, 'toLogin').mockImplementation(() => {});
  mockApi({ 'GET /api/0/organizations/': () => json({ detail: 'Authentication credentials were not provided.' }, 401) });
  await expect(apiJson('/api/0/organizations/')).rejects.toMatchObject({ status: 401 });
  expect(toLogin).toHaveBeenCalledOnce();
  toLogin.mockRestore();
});

test('API errors carry the server detail', async () => {
  mockApi({ 'GET /api/0/issues/9/': () => json({ detail: 'The requested resource does not exist' }, 404) });
  const error = (await apiJson('/api/0/issues/9/').catch((e: unknown) => e)) as ApiError;
  expect(error).toBeInstanceOf(ApiError);
  expect(error.message).toBe('The requested resource does not exist');
});

test('a network failure becomes a readable ApiError', async () => {
  vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
  await expect(apiJson('/api/0/')).rejects.toMatchObject({ status: 0 });
});

test('Sentry Link headers give the previous and next cursors', async () => {
  const header =
    '<http://x/api/0/p/?&cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", ' +
    '<http://x/api/0/p/?&cursor=0:25:0>; rel="next"; results="true"; cursor="0:25:0"';
  expect(parseLinkHeader(header)).toEqual({
    previous: { cursor: '0:0:1', results: false },
    next: { cursor: '0:25:0', results: true },
  });
  mockApi({ 'GET /api/0/p/': () => json([{ id: 1 }], 200, { Link: header }) });
  const page = await apiPage('/api/0/p/');
  expect(page.items).toEqual([{ id: 1 }]);
  expect(page.next?.cursor).toBe('0:25:0');
});
