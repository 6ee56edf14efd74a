// The web UI's acceptance journey in real Chromium (Debian's, driven by playwright-core):
// sign in → create a Node project → read its DSN → the official @sentry/node SDK sends an error →
// the issue appears in the list → open it → stack trace and breadcrumb are visible → resolve →
// it leaves the unresolved tab → sign out. A screenshot of every page goes to $SCREENSHOTS_DIR.
//
// Env: FAULTLINE_URL, FAULTLINE_EMAIL, FAULTLINE_PASSWORD, SCREENSHOTS_DIR, NODE_PATH (tools/node_modules),
// optional CHROMIUM (default /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const here = dirname(fileURLToPath(import.meta.url));
const base = required('FAULTLINE_URL').replace(/\/$/, '');
const email = required('FAULTLINE_EMAIL');
const password = required('FAULTLINE_PASSWORD');
const shots = process.env.SCREENSHOTS_DIR ?? join(here, 'screenshots');
const marker = `m${Date.now().toString(36)}`;
mkdirSync(shots, { recursive: true });

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`journey: $${name} is required`);
    process.exit(2);
  }
  return value;
}

let step = 0;
function log(message) {
  console.log(`journey [${new Date().toISOString()}] ${message}`);
}

async function shot(page, name) {
  step += 1;
  const file = join(shots, `${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
page.setDefaultTimeout(20_000);
const problems = [];
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('response', (response) => {
  if (response.status() >= 400) {
    problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
  }
});
page.on('console', (message) => {
  if (message.type() === 'error') {
    problems.push(`console error: ${message.text()}`);
  }
});

try {
  log(`signing in at ${base}`);
  await page.goto(`${base}/issues`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('Email').waitFor();
  await shot(page, 'sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/issues$/);
  await page.getByRole('heading', { name: 'Issues', exact: true }).waitFor();
  await page.locator('.state, .issue-table').first().waitFor();
  await shot(page, 'issues-before');

  log('creating a Node project');
  await page.getByRole('link', { name: 'Projects', exact: true }).click();
  await page.getByRole('button', { name: 'Create project', exact: true }).click();
  await page.getByLabel('Name').fill(`Journey ${marker}`);
  await page.getByLabel('Platform').selectOption('node');
  await shot(page, 'project-create');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  const projectSlug = new URL(page.url()).pathname.split('/').pop();
  const dsn = (await page.getByTestId('dsn').textContent()).trim();
  await page.getByTestId('snippet').getByText('@sentry/node').waitFor();
  await shot(page, 'project-dsn');
  log(`project ${projectSlug}, DSN ${dsn.replace(/\/\/[^@]+@/, '//<key>@')}`);
  if (!/^https?:\/\/[0-9a-f]+@/.test(dsn)) {
    throw new Error(`the page does not show a DSN: "${dsn}"`);
  }

  log('sending an error with @sentry/node');
  const sent = spawnSync(process.execPath, [join(here, 'send-error.cjs')], {
    env: { ...process.env, FAULTLINE_DSN: dsn, JOURNEY_MARKER: marker },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (sent.status !== 0) {
    throw new Error(`the SDK script failed (${sent.status}): ${sent.stdout}${sent.stderr}`);
  }

  log('waiting for the issue in the list');
  const title = `Journey checkout failed ${marker}`;
  await page.goto(`${base}/issues?project=${projectSlug}`);
  const link = page.getByRole('link', { name: new RegExp(title) });
  // Processing is asynchronous: reload until the issue is listed. Each look waits for the page
  // to finish loading (a check right after a reload would only ever see the loading state).
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await link.first().waitFor({ state: 'visible', timeout: 5_000 });
      break;
    } catch (notYet) {
      if (Date.now() > deadline) {
        throw new Error(`the issue "${title}" did not appear in the list within 60 s`);
      }
      await page.reload();
    }
  }
  await shot(page, 'issues-list');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'issues-list-narrow');
  await page.setViewportSize({ width: 1280, height: 800 });

  log('opening the issue');
  await link.click();
  await page.waitForURL(/\/issues\/\d+/);
  const issueUrl = page.url();
  await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
  await page.getByTestId('frame').first().waitFor();
  const frames = await page.getByTestId('frame').allTextContents();
  if (!frames.some((text) => text.includes('checkout') || text.includes('chargeCard'))) {
    throw new Error(`the stack trace does not show the app's frames: ${JSON.stringify(frames)}`);
  }
  await page.getByTestId('breadcrumb').filter({ hasText: 'Journey clicked pay' }).waitFor();
  await page.getByText('Caused by').waitFor();
  await shot(page, 'issue-detail');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'issue-detail-narrow');
  await page.setViewportSize({ width: 1280, height: 800 });

  log('resolving it');
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  await page.getByRole('button', { name: 'Unresolve' }).waitFor();
  await page.locator('.status-resolved').waitFor();
  await shot(page, 'issue-resolved');

  log('checking it left the unresolved tab');
  await page.goto(`${base}/issues?project=${projectSlug}`);
  await page.getByRole('tab', { name: 'Unresolved', exact: true, selected: true }).waitFor();
  // Wait for a loaded answer (the table or the empty state), never the loading state.
  await page.locator('.state-empty, .issue-table').first().waitFor();
  if (await link.isVisible()) {
    throw new Error('the resolved issue is still in the unresolved tab');
  }
  await shot(page, 'issues-unresolved-after');
  await page.getByRole('tab', { name: 'Resolved', exact: true }).click();
  await link.waitFor();
  await shot(page, 'issues-resolved-tab');

  log('deep link reload and sign out');
  await page.goto(issueUrl);
  await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${base}/projects`);
  await page.waitForURL(/\/login\?next=/);
  await shot(page, 'signed-out');

  // The session probe before signing in answers 401 by design; everything else is worth a look.
  const serious = problems.filter((p) => !p.includes('401') && !p.startsWith('console error: Failed to load resource'));
  if (serious.length > 0) {
    log(`browser reported:\n  ${serious.join('\n  ')}`);
  }
  log('journey passed');
} catch (error) {
  console.error(`journey FAILED at ${page.url()}: ${error.stack ?? error}`);
  if (problems.length > 0) {
    console.error(`browser reported:\n  ${problems.join('\n  ')}`);
  }
  await page.screenshot({ path: join(shots, 'failure.png'), fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
