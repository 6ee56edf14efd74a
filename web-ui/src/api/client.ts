// The one fetch wrapper of the UI: same-origin cookies, CSRF header on unsafe methods,
// `{detail}` errors as ApiError, and a 401 sends the browser to the sign-in page.
import type { Page, PageLink } from './models';

export const CSRF_COOKIE = 'faultline_csrf';

export class ApiError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(rest.join('='));
    }
  }
  return null;
}

/** Where a 401 goes; replaceable in tests. */
export const navigation = {
  toLogin(): void {
    const here = window.location.pathname + window.location.search;
    if (window.location.pathname !== '/login') {
      window.location.assign('/login?next=' + encodeURIComponent(here));
    }
  },
};

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Answer a 401 with an ApiError instead of redirecting (the session probe and the login form). */
  noRedirect?: boolean;
}

export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) {
      headers['X-CSRFToken'] = csrf;
    }
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  if (response.status === 401 && !options.noRedirect) {
    navigation.toLogin();
    throw new ApiError(401, 'Your session has ended. Sign in again.');
  }
  if (!response.ok) {
    throw new ApiError(response.status, await errorDetail(response));
  }
  return response;
}

async function errorDetail(response: Response): Promise<string> {
  try {
    const body = await response.json();
    if (body && typeof body.detail === 'string') {
      return body.detail;
    }
  } catch {
    // not JSON: fall through to the status line
  }
  return `The server answered ${response.status}${response.statusText ? ' ' + response.statusText : ''}.`;
}

export async function apiJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function apiPage<T>(path: string, options: RequestOptions = {}): Promise<Page<T>> {
  const response = await request(path, options);
  const items = (await response.json()) as T[];
  const links = parseLinkHeader(response.headers.get('Link'));
  return { items, previous: links.previous, next: links.next };
}

/**
 * Parses Sentry's pagination header:
 * `<url>; rel="previous"; results="false"; cursor="0:0:1", <url>; rel="next"; results="true"; cursor="0:25:0"`.
 */
export function parseLinkHeader(header: string | null): { previous?: PageLink; next?: PageLink } {
  const links: { previous?: PageLink; next?: PageLink } = {};
  if (!header) {
    return links;
  }
  for (const part of header.split(/,\s*(?=<)/)) {
    const attributes: Record<string, string> = {};
    for (const match of part.matchAll(/(\w+)="([^"]*)"/g)) {
      attributes[match[1]] = match[2];
    }
    const rel = attributes.rel;
    if ((rel === 'previous' || rel === 'next') && attributes.cursor !== undefined) {
      links[rel] = { cursor: attributes.cursor, results: attributes.results === 'true' };
    }
  }
  return links;
}
