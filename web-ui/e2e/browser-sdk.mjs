// The official @sentry/browser SDK in a page of its own: the npm package ships ES modules only (no
// CDN bundle), so the page loads them through an import map built from the packages' `exports`,
// all served from tools/node_modules by a small server on 127.0.0.1 (a loopback origin: Chromium
// refuses requests from a public origin to Faultline's loopback address). The SDK then posts to
// Faultline's DSN cross-origin, as in a real browser app.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';

const CONDITIONS = ['browser', 'production', 'import', 'module', 'default'];

function pick(target) {
  if (typeof target === 'string') {
    return target;
  }
  if (target && typeof target === 'object') {
    for (const condition of CONDITIONS) {
      if (condition in target) {
        const chosen = pick(target[condition]);
        if (chosen) {
          return chosen;
        }
      }
    }
  }
  return undefined;
}

/** An import map entry for every export of every package under @sentry/ and of web-vitals. */
export function importMap(modules) {
  const packages = readdirSync(join(modules, '@sentry')).map((name) => `@sentry/${name}`);
  if (existsSync(join(modules, 'web-vitals'))) {
    packages.push('web-vitals');
  }
  const imports = {};
  for (const name of packages) {
    const manifest = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
    const exports = manifest.exports ?? { '.': manifest.module ?? manifest.main };
    const entries = typeof exports === 'string' || !Object.keys(exports).some((key) => key.startsWith('.'))
      ? { '.': exports }
      : exports;
    for (const [subpath, target] of Object.entries(entries)) {
      const file = pick(target);
      if (!file || subpath.includes('*') || !file.endsWith('js')) {
        continue;
      }
      imports[name + subpath.slice(1)] = `/node_modules/${name}/${file.replace(/^\.\//, '')}`;
    }
  }
  return { imports };
}

/**
 * Serves the app page (its HTML given) and the SDK's modules on 127.0.0.1; answers the server's
 * origin and a close function.
 */
export async function serveBrowserApp(modules, html) {
  const map = JSON.stringify(importMap(modules));
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://127.0.0.1');
    const send = (status, type, body) => {
      response.writeHead(status, { 'Content-Type': type });
      response.end(body);
    };
    if (pathname === '/' || pathname === '/checkout') {
      send(200, 'text/html', html.replace('__IMPORT_MAP__', map));
    } else if (pathname === '/api/cart') {
      send(200, 'application/json', '{"items":3}');
    } else if (pathname.startsWith('/node_modules/')) {
      const relative = normalize(decodeURIComponent(pathname.slice('/node_modules/'.length)));
      const file = join(modules, relative);
      if (!relative.startsWith('..') && existsSync(file)) {
        send(200, 'text/javascript', readFileSync(file));
      } else {
        send(404, 'text/plain', 'not found');
      }
    } else {
      send(404, 'text/plain', 'not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
