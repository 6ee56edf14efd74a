// Release health with the official @sentry/browser SDK in Chromium: one page load per line of
// SESSIONS ("release user outcome", outcome healthy | errored | unhandled). The SDK starts a
// session on load for the user set before init; an errored page captures a handled error, an
// unhandled one throws from a timer (the SDK marks its session unhandled). Each page flushes the
// SDK before it closes. NODE_PATH names tools/node_modules (playwright-core, @sentry/browser).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const modules = process.env.NODE_PATH;
const require = createRequire(join(modules, 'noop.js'));
const { chromium } = require('playwright-core');
const sdkServer = await import(
  pathToFileURL(join(process.env.WEB_UI_E2E, 'browser-sdk.mjs')).href
);

const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>Release health</title>
<script type="importmap">__IMPORT_MAP__</script></head><body>
<script type="module">
  import * as Sentry from '@sentry/browser';
  const params = new URLSearchParams(location.search);
  Sentry.init({ dsn: params.get('dsn'), release: params.get('release'), environment: 'production',
    initialScope: { user: { id: params.get('user') } } });
  window.Sentry = Sentry;
  const outcome = params.get('outcome');
  if (outcome === 'errored') {
    Sentry.captureException(new Error('release health error of ' + params.get('user')));
  } else if (outcome === 'unhandled') {
    setTimeout(() => { throw new Error('release health unhandled of ' + params.get('user')); }, 10);
  }
  setTimeout(() => { window.sessionDone = true; }, 300);
</script></body></html>`;

const app = await sdkServer.serveBrowserApp(modules, html);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  for (const line of (process.env.SESSIONS ?? '').split('\n').filter((text) => text.trim())) {
    const [release, user, outcome] = line.trim().split(' ');
    const page = await browser.newPage();
    const url = new URL(app.origin + '/');
    url.searchParams.set('dsn', process.env.FAULTLINE_DSN);
    url.searchParams.set('release', release);
    url.searchParams.set('user', user);
    url.searchParams.set('outcome', outcome);
    await page.goto(url.toString());
    await page.waitForFunction(() => window.sessionDone === true, null, { timeout: 20000 });
    await page.evaluate(() => window.Sentry.flush(10000));
    await page.close();
    console.log(`session ${line}: sent`);
  }
} finally {
  await browser.close();
  app.close();
}
