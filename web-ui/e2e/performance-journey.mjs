// Issue 16's performance journey in real Chromium: a page instrumented by the official
// @sentry/browser SDK (tracing on) loads and calls an "api" service instrumented by @sentry/node,
// whose payment step fails; one trace spans the two projects. Then, in the UI: the transactions
// table (Apdex threshold changed on the page) → the transaction summary → the trace waterfall →
// a span's details → the error linked from its span → the issue page's trace card; and the web
// vitals page of the browser project. Every page: no horizontal scroll at 360 and 1440 px and no
// serious or critical axe-core violation. Screenshots go to SCREENSHOTS_DIR.
//
// Env: FAULTLINE_URL, FAULTLINE_EMAIL, FAULTLINE_PASSWORD, SCREENSHOTS_DIR, NODE_PATH (tools/node_modules),
// API_PROJECT, API_DSN (a Node project), WEB_PROJECT, WEB_DSN (a browser project); optional CHROMIUM.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serveBrowserApp } from './browser-sdk.mjs';
import { here, log, openJourney, reloadUntil, required, signIn } from './support.mjs';

const email = required('FAULTLINE_EMAIL');
const password = required('FAULTLINE_PASSWORD');
const modules = required('NODE_PATH').split(':')[0];
const apiProject = { slug: required('API_PROJECT'), dsn: required('API_DSN') };
const webProject = { slug: required('WEB_PROJECT'), dsn: required('WEB_DSN') };
const marker = `PerfJourney${Date.now().toString(36)}`;
const axeSource = readFileSync(createRequire(join(modules, 'noop.js')).resolve('axe-core/axe.min.js'), 'utf8');

const journey = await openJourney({ shotsDefault: 'screenshots/performance' });
const { page, base, context } = journey;

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/**
 * Nothing wider than the viewport, and no serious or critical axe-core violation, at two widths.
 * Each width is a fresh load (as a reader at that width gets it), checked once `ready` holds and
 * the page's requests have settled (charts drawn).
 */
async function checkPage(what, name, ready) {
  for (const width of [360, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    await ready();
    await page.waitForLoadState('networkidle');
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    check(scroll <= client, `${what} at ${width} px: the page scrolls sideways (${scroll} px in ${client} px)`);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
    });
    check(violations.length === 0, `${what} at ${width} px: axe-core found:\n  ${violations.join('\n  ')}`);
    await journey.shot(`${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await ready();
  log(`${what}: no horizontal scroll, no serious axe-core violation at 360 and 1440 px`);
}

/** Starts the instrumented api service; answers its origin and a stop function. */
async function startApiService() {
  const child = spawn(process.execPath, [join(here, 'trace-service.cjs')], {
    env: { ...process.env, FAULTLINE_DSN: apiProject.dsn, JOURNEY_MARKER: marker },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = /port (\d+)/.exec(output);
      if (found) {
        resolve(found[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`the api service exited (${code}): ${output}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

await journey.run(async () => {
  log('the browser page loads and calls the api service: one trace, two projects, an error in it');
  const service = await startApiService();
  const app = await serveBrowserApp(modules, readFileSync(join(here, 'perf-app.html'), 'utf8'));
  const shop = await context.newPage();
  try {
    await shop.goto(`${app.origin}/checkout?dsn=${encodeURIComponent(webProject.dsn)}&api=${encodeURIComponent(service.origin)}`);
    await shop.waitForFunction(() => window.journeyFetched === true);
    await shop.click('#pay');
    // The page load ends once idle; hiding the page then reports LCP, CLS and INP.
    await shop.waitForTimeout(3000);
    await shop.evaluate(() => window.journeyFlush());
    await shop.goto('about:blank');
    const flushed = await (await fetch(`${service.origin}/flush`)).text();
    check(flushed === 'flushed', `the api service's SDK did not flush: ${flushed}`);
  } finally {
    await shop.close();
    app.close();
    service.stop();
  }

  await signIn(journey, { email, password });

  log('the transactions table of the api project');
  // The SDK names the server's segment (e.g. "POST"); the journey takes whatever row is listed.
  const table = page.getByRole('table', { name: 'Transactions' });
  await reloadUntil(
    journey,
    `${base}/performance?project=${apiProject.slug}&statsPeriod=1h`,
    () => table.getByRole('link').first().waitFor({ timeout: 5000 }),
    'the api transaction is listed',
    120_000,
  );
  const row = table.getByRole('row').nth(1);
  const cells = await row.getByRole('cell').allTextContents();
  log(`row: ${cells.join(' | ')}`);
  check(/\/min$/.test(cells[1]) && /\d (ms|s)$/.test(cells[4]), `the row has a throughput and a p95: ${cells.join(' | ')}`);
  check(cells[5] === '100.0%', `the checkout answered 502, a failure: ${cells.join(' | ')}`);
  await checkPage('the transactions table', 'transactions', () => table.getByRole('link').first().waitFor());

  log('the Apdex threshold is set on the page');
  const threshold = page.getByRole('spinbutton');
  await threshold.fill('500');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved: Apdex uses 500 ms.').waitFor();
  const saved = await (await page.request.get(`${base}/api/0/projects/faultline/${apiProject.slug}/transaction-threshold/configure/`)).json();
  check(Number(saved.threshold) === 500, `the threshold was stored: ${JSON.stringify(saved)}`);

  log('the transaction summary');
  await row.getByRole('link').click();
  await page.getByTestId('transaction-totals').waitFor();
  check((await page.getByTestId('transaction-totals').textContent()).includes('Apdex (500 ms)'), 'the summary uses the new threshold');
  const slowest = page.getByRole('table', { name: 'Slowest events' });
  await slowest.getByRole('link').first().waitFor();
  await page.getByRole('table', { name: 'Span operations' }).getByText('db.query').waitFor();
  const related = page.getByRole('region', { name: 'Related issues' });
  await related.getByRole('link', { name: new RegExp(marker) }).or(related.getByText('No unresolved errors')).waitFor();
  log(`related issues: ${await related.textContent()}`);
  await checkPage('the transaction summary', 'summary', () => slowest.getByRole('link').first().waitFor());

  log('the trace waterfall: both projects on one axis');
  await slowest.getByRole('link').first().click();
  await page.waitForURL(/\/performance\/trace\//);
  await page.getByRole('list', { name: 'Spans' }).waitFor();
  const rows = page.getByTestId('span-row');
  check((await rows.count()) >= 5, `the waterfall shows the spans of both services: ${await rows.count()}`);
  const summary = await page.getByTestId('trace-summary').textContent();
  check(summary.includes(apiProject.slug) && summary.includes(webProject.slug), `the trace spans both projects: ${summary}`);
  await page.getByTestId('gap-row').first().waitFor();
  await checkPage('the trace waterfall', 'trace', () => page.getByRole('list', { name: 'Spans' }).waitFor());

  log('span details, then the error marked on its span');
  await rows.filter({ hasText: 'SELECT * FROM carts' }).getByRole('button', { name: /db\.query/ }).click();
  const details = page.getByRole('region', { name: 'Span details' });
  await details.getByText('SELECT * FROM carts WHERE id = $1').waitFor();
  await details.getByText('parent span').waitFor();
  // The selected span is in the address: the details survive the reloads.
  await checkPage('the span details', 'span-details', () => details.getByText('SELECT * FROM carts WHERE id = $1').waitFor());
  const failing = rows.filter({ hasText: /1 error/ });
  await failing.getByRole('button', { name: /payments\.example/ }).click();
  const errorLink = details.getByRole('link', { name: new RegExp(marker) });
  await errorLink.waitFor();
  await errorLink.click();

  log("the linked error's issue page lists the trace's other events");
  await page.waitForURL(/\/issues\/\d+/);
  const traceCard = page.getByRole('region', { name: 'Trace', exact: true });
  await traceCard.getByTestId('trace-events').waitFor();
  check((await traceCard.getByText('transaction', { exact: true }).count()) >= 2, 'both services’ transactions are listed');
  await checkPage('the issue page with its trace', 'issue-trace', () => traceCard.getByTestId('trace-events').waitFor());

  log('web vitals of the browser project');
  await reloadUntil(
    journey,
    `${base}/performance/vitals?project=${webProject.slug}&statsPeriod=1h`,
    () => page.getByTestId('vitals-overview').waitFor({ timeout: 5000 }),
    'the page load with its vitals is queryable',
    60_000,
  );
  const overview = await page.getByTestId('vitals-overview').textContent();
  log(`vitals: ${overview}`);
  // FCP and TTFB come as the page load's attributes, LCP as a ui.webvital.lcp child span.
  for (const vital of ['LCP', 'FCP', 'TTFB']) {
    check(new RegExp(`${vital} p75\\d`).test(overview), `${vital} has a p75: ${overview}`);
  }
  const pages = page.getByRole('table', { name: 'Pages' });
  await pages.getByRole('button').first().waitFor();
  await checkPage('the web vitals page', 'vitals', () => pages.getByRole('button').first().waitFor());
});
