import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';

/** Renders a page at a route with a fresh query cache (no retries). */
export function renderAt(route: string, path: string, element: ReactElement, extra: ReactElement[] = []) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[route]}>
        <Routes>
          <Route path={path} element={element} />
          {extra}
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Stubs fetch with handlers keyed by "METHOD /path/" (query string ignored); anything else is a 404. */
export function mockApi(routes: Record<string, Handler | unknown>) {
  const calls: Array<{ method: string; url: URL; init: RequestInit }> = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init.method ?? 'GET';
    calls.push({ method, url, init });
    const route = routes[`${method} ${url.pathname}`];
    if (route === undefined) {
      return json({ detail: 'The requested resource does not exist' }, 404);
    }
    return typeof route === 'function' ? (route as Handler)(url, init) : json(route);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}
