// Issue 23's acceptance journey in real Chromium: events from the official Java, Node and Browser
// SDKs, each carrying the whole of an event (local variables, context lines, mechanism/handled,
// threads, extra, modules, request, sdk, _meta, breadcrumbs of each type, contexts), are shown in
// full on the issue page; the list and the issue pages have no horizontal scroll at 360, 800, 1440
// and 2560 px and no serious or critical axe-core violation; the setup page waits for a project's
// first event and says when it arrived; `has:user`, `firstEvent`, the sparkline counts and the
// environment/date filters hold through the API and the page.
//
// The Java event is sent by the test (WebUiJourneyIT) before this script runs; this script sends
// the Node event (send-full-event.cjs) and the Browser event (browser-app.html in a second page).
//
// Env: FAULTLINE_URL, FAULTLINE_EMAIL, FAULTLINE_PASSWORD, SCREENSHOTS_DIR, NODE_PATH (tools/node_modules),
// JAVA_PROJECT, JAVA_MARKER, NODE_PROJECT, NODE_DSN, BROWSER_PROJECT, BROWSER_DSN; optional CHROMIUM.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serveBrowserApp } from './browser-sdk.mjs';
import { here, log, openJourney, reloadUntil, required, runSdkScript, signIn } from './support.mjs';

const email = required('FAULTLINE_EMAIL');
const password = required('FAULTLINE_PASSWORD');
const modules = required('NODE_PATH').split(':')[0];
const projects = {
  java: { slug: required('JAVA_PROJECT'), marker: required('JAVA_MARKER') },
  node: { slug: required('NODE_PROJECT'), dsn: required('NODE_DSN'), marker: `NodeJourneyCrash${Date.now().toString(36)}` },
  browser: {
    slug: required('BROWSER_PROJECT'),
    dsn: required('BROWSER_DSN'),
    marker: `BrowserJourneyCrash${Date.now().toString(36)}`,
  },
};
const WIDTHS = [360, 800, 1440, 2560];
let appOrigin;
const axeSource = readFileSync(createRequire(join(modules, 'noop.js')).resolve('axe-core/axe.min.js'), 'utf8');

const journey = await openJourney({ shotsDefault: 'screenshots/event' });
const { page, base, context } = journey;
const shot = (name) => journey.shot(name);

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function api(path) {
  const response = await page.request.get(`${base}${path}`);
  check(response.ok(), `GET ${path} answered ${response.status()}: ${await response.text()}`);
  return response.json();
}

/** The page must not scroll sideways: nothing wider than the viewport. */
async function assertNoHorizontalScroll(what) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  check(scroll <= client, `${what}: the page scrolls sideways (${scroll} px wide in a ${client} px viewport)`);
}

/** axe-core, evaluated in the page (the app's CSP allows no injected script tag). */
async function assertAccessible(what) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
  });
  check(violations.length === 0, `${what}: axe-core found serious or critical violations:\n  ${violations.join('\n  ')}`);
  log(`${what}: axe-core found no serious or critical violation`);
}

async function section(name) {
  const located = page.getByRole('region', { name, exact: true });
  await located.waitFor();
  return located;
}

async function sectionHas(name, ...texts) {
  const located = await section(name);
  const text = await located.textContent();
  for (const expected of texts) {
    check(text.includes(expected), `the ${name} section lacks "${expected}": ${text.slice(0, 400)}`);
  }
  return located;
}

async function breadcrumbTypes() {
  return page.getByTestId('breadcrumb').evaluateAll((crumbs) => crumbs.map((c) => `${c.dataset.type}|${c.textContent}`));
}

/** What every SDK sent, on the issue page. */
async function checkCommonSections(project, sdkName) {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await sectionHas('Exception', project.marker);
  const mechanism = await page.getByTestId('mechanism').first().textContent();
  check(mechanism.includes('handled: no'), `the mechanism does not say handled: no: ${mechanism}`);
  await sectionHas('Additional data', 'password');
  const remarks = await page.getByTestId('meta-remark').allTextContents();
  check(remarks.some((r) => r.includes('password')), `_meta does not say the password was scrubbed: ${remarks}`);
  await sectionHas('SDK', sdkName);
  await sectionHas('Contexts');
  await sectionHas('Tags', 'handled', 'user');
  await sectionHas('Request');
  await sectionHas('Breadcrumbs');
}

async function checkBreadcrumbs(expected) {
  const crumbs = await breadcrumbTypes();
  for (const [type, text] of expected) {
    check(
      crumbs.some((c) => c.startsWith(`${type}|`) && c.includes(text)),
      `no ${type} breadcrumb with "${text}" among ${JSON.stringify(crumbs)}`,
    );
  }
}

await journey.run(async () => {
  log(`signing in at ${base}`);
  await signIn(journey, { email, password });

  log('the Browser project waits for its first event');
  await page.goto(`${base}/projects/${projects.browser.slug}`);
  await page.getByText('Waiting for the first event…').waitFor();
  const before = await api(`/api/0/projects/faultline/${projects.browser.slug}/`);
  check(before.firstEvent === null, `firstEvent before any event: ${before.firstEvent}`);
  await shot('setup-waiting');

  log('sending the Node event with @sentry/node');
  // From web-ui/, whose package.json the SDK's modules integration reads (Packages).
  runSdkScript(
    'send-full-event.cjs',
    { FAULTLINE_DSN: projects.node.dsn, JOURNEY_MARKER: projects.node.marker },
    { cwd: join(here, '..') },
  );

  log('sending the Browser event with @sentry/browser from a page of its own');
  const server = await serveBrowserApp(modules, readFileSync(join(here, 'browser-app.html'), 'utf8'));
  appOrigin = server.origin;
  const app = await context.newPage();
  await app.goto(`${appOrigin}/?dsn=${encodeURIComponent(projects.browser.dsn)}&marker=${projects.browser.marker}`);
  await app.waitForFunction(() => window.journeyReady === true);
  const sent = app.waitForResponse(
    (r) => r.url().includes('/envelope/') && (r.request().postData() ?? '').includes(projects.browser.marker),
  );
  await app.click('#pay');
  const envelope = await sent;
  check(envelope.status() === 200, `the browser SDK's envelope got ${envelope.status()}`);
  await app.close();
  server.close();

  log('the setup page says when the first event arrived and links to its issue');
  await page.getByText('First event received').waitFor({ timeout: 60_000 });
  const firstIssueLink = page.getByTestId('first-event-issue');
  await firstIssueLink.waitFor();
  check((await firstIssueLink.textContent()).includes('BrowserJourneyCrash'), 'the first-event link names the issue');
  await shot('setup-first-event');
  const after = await api(`/api/0/projects/faultline/${projects.browser.slug}/`);
  check(after.firstEvent, 'firstEvent is set once the first event arrived');
  await firstIssueLink.click();
  await page.waitForURL(/\/issues\/\d+/);

  log('waiting for the three issues');
  const issues = {};
  for (const [name, project] of Object.entries(projects)) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const found = await api(`/api/0/projects/faultline/${project.slug}/issues/?query=${encodeURIComponent(`"${project.marker}"`)}`);
      if (found.length === 1) {
        issues[name] = found[0];
        break;
      }
      check(Date.now() < deadline, `one issue for ${project.marker} in ${project.slug} within 60 s, got ${found.length}`);
      await page.waitForTimeout(1000);
    }
  }

  log('Java: threads, request, extra, _meta, breadcrumbs by type, contexts');
  await page.goto(`${base}/issues/${issues.java.id}`);
  await checkCommonSections(projects.java, 'sentry.java');
  await sectionHas('Request', 'POST', 'https://shop.example.com/api/orders', 'X-Request-Id', 'req-5150', 'Cookies', 'REMOTE_ADDR');
  await sectionHas('Additional data', 'ord-9001');
  await sectionHas('Tags', 'id:java-user-1', 'java-host-1');
  await sectionHas('Threads');
  const javaContexts = await page.getByTestId('context-card').evaluateAll((cards) => cards.map((c) => c.dataset.context));
  check(javaContexts.includes('runtime') && javaContexts.includes('trace'), `Java contexts: ${javaContexts}`);
  await checkBreadcrumbs([
    ['http', 'payments.example.com'],
    ['navigation', '/checkout'],
    ['query', 'SELECT id, total FROM orders'],
    ['console', 'Stock running low'],
  ]);
  await shot('issue-java');

  log('Node: local variables, context lines, packages, the request the SDK recorded');
  await page.goto(`${base}/issues/${issues.node.id}`);
  await checkCommonSections(projects.node, 'sentry.javascript.node');
  await sectionHas('Request', 'POST', '/api/stock', 'req-node-7');
  await sectionHas('Tags', 'id:node-user-1', 'node-host-1');
  await sectionHas('Packages');
  const vars = await page.getByTestId('frame-vars').allTextContents();
  check(vars.some((v) => v.includes('warehouse') && v.includes('eu-west')), `Node frame vars: ${JSON.stringify(vars)}`);
  const source = await page.locator('.frame-context').allTextContents();
  check(source.some((s) => s.includes('const available')), `Node context lines: ${JSON.stringify(source).slice(0, 300)}`);
  await checkBreadcrumbs([
    ['http', '/warmup'],
    ['navigation', '/checkout'],
    ['query', 'SELECT sku, stock FROM inventory'],
    ['console', 'stock running low'],
  ]);
  await shot('issue-node');

  log('Browser: the browser context, request, breadcrumbs the SDK recorded');
  await page.goto(`${base}/issues/${issues.browser.id}`);
  await checkCommonSections(projects.browser, 'sentry.javascript.browser');
  await sectionHas('Request', `${appOrigin}/checkout`);
  await sectionHas('Tags', 'id:browser-user-1');
  const browserContexts = await page.getByTestId('context-card').evaluateAll((cards) => cards.map((c) => c.dataset.context));
  check(browserContexts.includes('browser') && browserContexts.includes('shop'), `Browser contexts: ${browserContexts}`);
  await checkBreadcrumbs([
    ['http', '/api/cart'],
    ['navigation', '/checkout'],
    ['query', 'SELECT * FROM basket'],
    ['console', 'basket about to be paid'],
  ]);
  await shot('issue-browser');

  log('has:user, user:…, the sparkline counts and the environment/date filters through the API');
  const ids = Object.values(issues).map((i) => i.id).sort();
  const projectIds = Object.values(issues).map((i) => `project=${i.project.id}`).join('&');
  const org = (query, extra = '') =>
    api(`/api/0/organizations/faultline/issues/?${projectIds}&statsPeriod=24h&query=${encodeURIComponent(query)}${extra}`);
  const withUser = await org('has:user');
  check(JSON.stringify(withUser.map((i) => i.id).sort()) === JSON.stringify(ids), `has:user: ${withUser.map((i) => i.id)}`);
  const jane = await org('user:"id:java-user-1"');
  check(jane.length === 1 && jane[0].id === issues.java.id, `user:id:java-user-1: ${jane.map((i) => i.id)}`);
  for (const issue of withUser) {
    const total = issue.stats['24h'].reduce((sum, point) => sum + point[1], 0);
    check(total === Number(issue.count), `issue ${issue.id}: the sparkline sums to ${total}, count is ${issue.count}`);
    check(issue.isUnhandled === true, `issue ${issue.id} is unhandled`);
  }
  // The derived tags are facets of the issues too (the tags sidebar and Sentry's tags endpoint).
  for (const [name, keys] of [['java', ['user', 'server_name', 'handled']], ['node', ['user', 'server_name', 'handled']], ['browser', ['user', 'handled']]]) {
    const facets = (await api(`/api/0/issues/${issues[name].id}/tags/`)).map((facet) => facet.key);
    check(keys.every((key) => facets.includes(key)), `${name}: tag facets ${facets} lack one of ${keys}`);
  }
  const staging = await org('is:unresolved', '&environment=staging');
  check(staging.length === 1 && staging[0].id === issues.browser.id, `environment=staging: ${staging.map((i) => i.id)}`);
  check(staging[0].filtered?.count === '1', `filtered count under staging: ${JSON.stringify(staging[0].filtered)}`);
  const production = await org('is:unresolved environment:production');
  check(production.length === 2, `environment:production: ${production.map((i) => i.id)}`);
  const past = await org('is:unresolved timestamp:>=2020-01-01T00:00:00 timestamp:<2020-02-01T00:00:00');
  check(past.length === 0, `January 2020: ${past.map((i) => i.id)}`);
  for (const project of Object.values(projects)) {
    const detail = await api(`/api/0/projects/faultline/${project.slug}/`);
    check(detail.firstEvent, `${project.slug} has its firstEvent`);
  }

  log('the same filters on the page');
  const listUrl = (params) => `${base}/issues?${params}`;
  const rowOf = (name) => page.locator(`[data-testid="issue-row"][data-issue-id="${issues[name].id}"]`);
  await page.goto(listUrl('environment=staging'));
  await rowOf('browser').waitFor();
  check((await rowOf('java').count()) === 0, 'the Java issue is listed under environment=staging');
  await page.goto(listUrl('statsPeriod=24h'));
  for (const name of Object.keys(projects)) {
    await rowOf(name).waitFor();
    const total = await rowOf(name).getByTestId('sparkline-cell').getAttribute('data-total');
    check(total === issues[name].count, `${name}: the row's sparkline total ${total}, count ${issues[name].count}`);
    check((await rowOf(name).getByTestId('unhandled').count()) === 1, `${name}: the row says Unhandled`);
  }
  await page.goto(listUrl('start=2020-01-01T00:00:00&end=2020-02-01T00:00:00'));
  await page.locator('.state-empty, .issue-table').first().waitFor();
  check((await rowOf('java').count()) === 0, 'a January 2020 range lists the Java issue');

  log('four widths: no horizontal scroll, axe-core on the list and the issue pages');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(listUrl('statsPeriod=24h'));
    await rowOf('java').waitFor();
    await assertNoHorizontalScroll(`the issue list at ${width} px`);
    await assertAccessible(`the issue list at ${width} px`);
    await shot(`list-${width}`);
    for (const name of Object.keys(projects)) {
      await page.goto(`${base}/issues/${issues[name].id}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('region', { name: 'Breadcrumbs', exact: true }).waitFor();
      await assertNoHorizontalScroll(`the ${name} issue at ${width} px`);
      if (name === 'node' || width === 1440) {
        await assertAccessible(`the ${name} issue at ${width} px`);
      }
      await shot(`issue-${name}-${width}`);
    }
  }
});
